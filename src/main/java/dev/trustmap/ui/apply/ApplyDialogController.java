package dev.trustmap.ui.apply;

import dev.trustmap.ui.apply.ApplyViewModel.Phase;
import dev.trustmap.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/** Binds the Apply dialog to its view model and forwards its two buttons. */
final class ApplyDialogController {
    private final ApplyViewModel viewModel;
    private final Runnable close;
    private final Messages messages;

    @FXML
    private Label headingLabel;

    @FXML
    private ProgressIndicator progress;

    @FXML
    private TextArea detailsArea;

    @FXML
    private Label warningLabel;

    @FXML
    private TextArea diffArea;

    @FXML
    private VBox takeOverBox;

    @FXML
    private CheckBox takeOverCheck;

    @FXML
    private Button confirmButton;

    @FXML
    private Button backButton;

    ApplyDialogController(ApplyViewModel viewModel, Runnable close, Messages messages) {
        this.viewModel = viewModel;
        this.close = close;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        headingLabel.textProperty().bind(viewModel.headingProperty());
        detailsArea.textProperty().bind(viewModel.detailsProperty());
        warningLabel.textProperty().bind(viewModel.warningProperty());
        // What the draft would break matters while deciding; after that the outcome takes the room.
        warningLabel
                .visibleProperty()
                .bind(viewModel
                        .warningProperty()
                        .isNotEmpty()
                        .and(viewModel.phaseProperty().isEqualTo(Phase.CONFIRM)));
        warningLabel.managedProperty().bind(warningLabel.visibleProperty());
        diffArea.textProperty().bind(viewModel.diffProperty());
        diffArea.visibleProperty().bind(viewModel.diffProperty().isNotEmpty());
        diffArea.managedProperty().bind(diffArea.visibleProperty());
        var phase = viewModel.phaseProperty();
        progress.visibleProperty().bind(phase.isEqualTo(Phase.CHECKING).or(phase.isEqualTo(Phase.APPLYING)));
        progress.managedProperty().bind(progress.visibleProperty());
        // Taking over other tools' fields is offered only while they are in conflict, and never preselected.
        takeOverBox.visibleProperty().bind(phase.isEqualTo(Phase.CONFLICT));
        takeOverBox.managedProperty().bind(takeOverBox.visibleProperty());
        takeOverCheck.selectedProperty().bindBidirectional(viewModel.takeOverProperty());
        confirmButton.disableProperty().bind(Bindings.not(viewModel.confirmable()));
        confirmButton
                .textProperty()
                .bind(Bindings.when(phase.isEqualTo(Phase.CONFLICT))
                        .then(messages.get("apply.takeOver.button"))
                        .otherwise(messages.get("apply.confirmButton")));
        backButton.disableProperty().bind(phase.isEqualTo(Phase.APPLYING));
        backButton
                .textProperty()
                .bind(Bindings.when(phase.isEqualTo(Phase.DONE))
                        .then(messages.get("apply.close"))
                        .otherwise(messages.get("apply.back")));
    }

    @FXML
    void confirm() {
        viewModel.confirm();
    }

    @FXML
    void back() {
        close.run();
    }
}
