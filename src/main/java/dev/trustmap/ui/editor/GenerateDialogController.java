package dev.trustmap.ui.editor;

import dev.trustmap.ui.editor.GenerateDialogViewModel.Choice;
import java.time.Duration;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/** Binds the generate dialog's controls to its view model and forwards its buttons. */
public final class GenerateDialogController {
    private final GenerateDialogViewModel viewModel;
    private final Runnable onClose;

    @FXML
    private ListView<Choice> namespacesList;

    @FXML
    private ListView<Choice> workloadsList;

    @FXML
    private Label workloadsHint;

    @FXML
    private Label trafficNote;

    @FXML
    private HBox windowRow;

    @FXML
    private ChoiceBox<Duration> windowBox;

    @FXML
    private CheckBox strictBox;

    @FXML
    private CheckBox dryRunBox;

    @FXML
    private CheckBox replaceAllowsBox;

    @FXML
    private Label summaryLabel;

    @FXML
    private ListView<PreviewRow> previewList;

    @FXML
    private ProgressIndicator busyIndicator;

    @FXML
    private Button addButton;

    GenerateDialogController(GenerateDialogViewModel viewModel, Runnable onClose) {
        this.viewModel = viewModel;
        this.onClose = onClose;
    }

    @FXML
    private void initialize() {
        namespacesList.setItems(viewModel.namespaces());
        namespacesList.setCellFactory(CheckBoxListCell.forListView(Choice::selected));
        workloadsList.setItems(viewModel.workloads());
        workloadsList.setCellFactory(CheckBoxListCell.forListView(Choice::selected));
        trafficNote.textProperty().bind(viewModel.trafficNoteProperty());
        windowBox.setItems(viewModel.windows());
        windowBox.valueProperty().bindBidirectional(viewModel.windowProperty());
        windowBox.setConverter(new WindowConverter());
        // A source without a choice of window says so in the note above instead of showing a dead control.
        windowRow.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.windows()));
        windowRow.managedProperty().bind(windowRow.visibleProperty());
        strictBox.selectedProperty().bindBidirectional(viewModel.strictProperty());
        dryRunBox.selectedProperty().bindBidirectional(viewModel.dryRunProperty());
        replaceAllowsBox.selectedProperty().bindBidirectional(viewModel.replaceAllowsProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        previewList.setItems(viewModel.preview());
        previewList.setCellFactory(list -> new PreviewCell());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        addButton.disableProperty().bind(viewModel.canAddProperty().not().or(viewModel.busyProperty()));
    }

    @FXML
    void selectAll() {
        viewModel.selectAll(true);
    }

    @FXML
    void selectNone() {
        viewModel.selectAll(false);
    }

    @FXML
    void add() {
        if (viewModel.add()) {
            onClose.run();
        }
    }

    @FXML
    void cancel() {
        onClose.run();
    }

    private final class WindowConverter extends StringConverter<Duration> {
        @Override
        public String toString(Duration duration) {
            return duration == null ? "" : viewModel.label(duration);
        }

        @Override
        public Duration fromString(String text) {
            return null;
        }
    }

    /** A preview line, styled by what it is. */
    private static final class PreviewCell extends ListCell<PreviewRow> {
        @Override
        protected void updateItem(PreviewRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeIf(c -> c.startsWith("preview-"));
            if (empty || row == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(row.text());
            // Caller lines name principals, methods and paths and can be wider than the list.
            setTooltip(new javafx.scene.control.Tooltip(row.text()));
            getStyleClass().add("preview-" + row.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
