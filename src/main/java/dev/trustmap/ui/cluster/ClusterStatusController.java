package dev.trustmap.ui.cluster;

import dev.trustmap.source.cluster.ClusterStatus.State;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The cluster's segment of the status bar: live, stale or error with the messages behind it (tooltip and the
 * Details menu), ambient namespaces, the namespace chooser and Disconnect. Hidden while no cluster is shown.
 */
public final class ClusterStatusController {
    private static final String STATE_CLASS = "state-";

    private final ClusterViewModel viewModel;

    @FXML
    private HBox root;

    @FXML
    private Label stateLabel;

    @FXML
    private Label ambientLabel;

    @FXML
    private MenuButton detailsButton;

    @FXML
    private MenuButton namespacesButton;

    ClusterStatusController(ClusterViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        root.visibleProperty().bind(viewModel.connectedProperty());
        root.managedProperty().bind(root.visibleProperty());
        stateLabel.textProperty().bind(viewModel.summaryProperty());
        viewModel.stateProperty().addListener((obs, old, now) -> styleState(now));
        styleState(viewModel.stateProperty().get());
        viewModel
                .degradedProperty()
                .addListener(
                        (obs, old, now) -> styleState(viewModel.stateProperty().get()));
        ambientLabel.textProperty().bind(viewModel.ambientProperty());
        ambientLabel.visibleProperty().bind(viewModel.ambientProperty().isNotEmpty());
        ambientLabel.managedProperty().bind(ambientLabel.visibleProperty());
        Tooltip messages = new Tooltip();
        messages.setWrapText(true);
        messages.setMaxWidth(560);
        viewModel.details().addListener((ListChangeListener<String>) change -> showDetails(messages));
        viewModel.tooltipProperty().addListener((obs, old, now) -> showDetails(messages));
        viewModel.namespaces().addListener((ListChangeListener<String>) change -> showNamespaces());
        showDetails(messages);
    }

    private void styleState(State state) {
        stateLabel.getStyleClass().removeIf(c -> c.startsWith(STATE_CLASS));
        stateLabel.getStyleClass().add(STATE_CLASS + state.name().toLowerCase(Locale.ROOT));
        if (viewModel.degradedProperty().get()) {
            stateLabel.getStyleClass().add(STATE_CLASS + "degraded");
        }
    }

    private void showDetails(Tooltip tooltip) {
        detailsButton.getItems().clear();
        for (String line : viewModel.details()) {
            Label text = new Label(line);
            text.setWrapText(true);
            text.setMaxWidth(520);
            text.getStyleClass().add("cluster-detail");
            CustomMenuItem item = new CustomMenuItem(text, false);
            detailsButton.getItems().add(item);
        }
        detailsButton.setDisable(viewModel.details().isEmpty());
        tooltip.setText(viewModel.tooltipProperty().get());
        stateLabel.setTooltip(tooltip.getText().isEmpty() ? null : tooltip);
    }

    private void showNamespaces() {
        namespacesButton.getItems().clear();
        for (String namespace : viewModel.namespaces()) {
            CheckBox box = new CheckBox(namespace);
            box.setSelected(viewModel.isShown(namespace));
            box.selectedProperty().addListener((obs, old, now) -> viewModel.setShown(namespace, now));
            namespacesButton.getItems().add(new CustomMenuItem(box, false));
        }
    }

    @FXML
    void disconnect() {
        viewModel.disconnect();
    }
}
