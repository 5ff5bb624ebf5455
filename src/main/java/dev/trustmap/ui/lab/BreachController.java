package dev.trustmap.ui.lab;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;

/** Binds the breach lab pane: the totals, the draft's radius, the hops and Clear. */
public final class BreachController {
    private final BreachViewModel viewModel;

    @FXML
    private Label summaryLabel;

    @FXML
    private Label draftLabel;

    @FXML
    private Button clearButton;

    @FXML
    private Button replayButton;

    @FXML
    private Label replayLabel;

    @FXML
    private Label captionLabel;

    @FXML
    private ListView<String> hopList;

    public BreachController(BreachViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        draftLabel.textProperty().bind(viewModel.draftSummaryProperty());
        draftLabel.visibleProperty().bind(draftLabel.textProperty().isNotEmpty());
        draftLabel.managedProperty().bind(draftLabel.visibleProperty());
        clearButton.disableProperty().bind(viewModel.activeProperty().not());
        replayButton.disableProperty().bind(viewModel.activeProperty().not());
        replayLabel.textProperty().bind(viewModel.replaySummaryProperty());
        replayLabel.visibleProperty().bind(replayLabel.textProperty().isNotEmpty());
        replayLabel.managedProperty().bind(replayLabel.visibleProperty());
        captionLabel.textProperty().bind(viewModel.captionProperty());
        hopList.setItems(viewModel.hops());
    }

    @FXML
    void replay() {
        viewModel.replay();
    }

    @FXML
    void clear() {
        viewModel.clear();
    }
}
