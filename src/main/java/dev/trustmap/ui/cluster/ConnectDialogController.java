package dev.trustmap.ui.cluster;

import dev.trustmap.source.cluster.ContextInfo;
import dev.trustmap.ui.common.Messages;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.Property;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

/** Binds the Connect dialog's fields to its view model and forwards its buttons. */
public final class ConnectDialogController {
    private final ConnectDialogViewModel viewModel;
    private final Consumer<ClusterConnection> onConnected;
    private final Runnable onClose;
    private final Messages messages;

    @FXML
    private TextField kubeconfigField;

    @FXML
    private Button reloadButton;

    @FXML
    private ComboBox<ContextInfo> contextBox;

    @FXML
    private ToggleGroup modeGroup;

    @FXML
    private RadioButton autoRadio;

    @FXML
    private RadioButton urlRadio;

    @FXML
    private RadioButton noneRadio;

    @FXML
    private TextField proxyField;

    @FXML
    private TextField urlField;

    @FXML
    private GridPane authGrid;

    @FXML
    private PasswordField tokenField;

    @FXML
    private TextField userField;

    @FXML
    private PasswordField passwordField;

    @FXML
    private TextField caField;

    @FXML
    private ChoiceBox<Duration> windowBox;

    @FXML
    private ChoiceBox<Duration> refreshBox;

    @FXML
    private Label errorLabel;

    @FXML
    private ProgressIndicator busyIndicator;

    @FXML
    private Button confirmButton;

    /**
     * @param onConnected gets the connection (the dialog then closes)
     * @param onClose closes the dialog
     */
    ConnectDialogController(
            ConnectDialogViewModel viewModel,
            Consumer<ClusterConnection> onConnected,
            Runnable onClose,
            Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.onConnected = onConnected;
        this.onClose = onClose;
    }

    @FXML
    private void initialize() {
        kubeconfigField.textProperty().bindBidirectional(viewModel.kubeconfigProperty());
        contextBox.setItems(viewModel.contexts());
        contextBox.valueProperty().bindBidirectional(viewModel.contextProperty());
        contextBox.setConverter(new ContextConverter());
        bindMode();
        proxyField.textProperty().bindBidirectional(viewModel.proxyProperty());
        urlField.textProperty().bindBidirectional(viewModel.urlProperty());
        tokenField.textProperty().bindBidirectional(viewModel.tokenProperty());
        userField.textProperty().bindBidirectional(viewModel.userProperty());
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());
        caField.textProperty().bindBidirectional(viewModel.caFileProperty());
        bindDurations(windowBox, ConnectDialogViewModel.WINDOWS, viewModel.windowProperty());
        bindDurations(refreshBox, ConnectDialogViewModel.REFRESHES, viewModel.refreshProperty());
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        // The stage keeps the size it opened with; grow it so a long sentence shows whole instead of ending in "…".
        errorLabel.textProperty().addListener((obs, old, now) -> Platform.runLater(this::fitWindow));
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        confirmButton.disableProperty().bind(viewModel.busyProperty());
        reloadButton.disableProperty().bind(viewModel.busyProperty());
    }

    private void bindMode() {
        autoRadio.setUserData(PrometheusMode.AUTO);
        urlRadio.setUserData(PrometheusMode.URL);
        noneRadio.setUserData(PrometheusMode.NONE);
        modeGroup.selectToggle(toggleOf(viewModel.modeProperty().get()));
        modeGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.modeProperty().set((PrometheusMode) now.getUserData());
            }
        });
        viewModel.modeProperty().addListener((obs, old, now) -> modeGroup.selectToggle(toggleOf(now)));
        proxyField.disableProperty().bind(viewModel.modeProperty().isNotEqualTo(PrometheusMode.AUTO));
        urlField.disableProperty().bind(viewModel.modeProperty().isNotEqualTo(PrometheusMode.URL));
        authGrid.disableProperty().bind(urlField.disableProperty());
    }

    private Toggle toggleOf(PrometheusMode mode) {
        return modeGroup.getToggles().stream()
                .filter(t -> t.getUserData() == mode)
                .findFirst()
                .orElse(null);
    }

    private static void bindDurations(ChoiceBox<Duration> box, List<Duration> choices, Property<Duration> value) {
        box.getItems().setAll(choices);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Duration duration) {
                return duration == null ? "" : ConnectDialogViewModel.label(duration);
            }

            @Override
            public Duration fromString(String text) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(value);
    }

    private void fitWindow() {
        Scene scene = errorLabel.getScene();
        if (scene != null && scene.getWindow() != null) {
            scene.getWindow().sizeToScene();
        }
    }

    @FXML
    void reload() {
        viewModel.loadContexts();
    }

    @FXML
    void connect() {
        viewModel.connect(connection -> {
            onClose.run();
            onConnected.accept(connection);
        });
    }

    @FXML
    void cancel() {
        onClose.run();
    }

    /** "name — cluster, namespace ns (current)". */
    private final class ContextConverter extends StringConverter<ContextInfo> {
        @Override
        public String toString(ContextInfo context) {
            if (context == null) {
                return "";
            }
            String namespace =
                    context.namespace() == null ? "" : messages.get("cluster.context.namespace", context.namespace());
            String current = context.current() ? messages.get("cluster.context.current") : "";
            return messages.get("cluster.context.item", context.name(), context.cluster(), namespace, current);
        }

        @Override
        public ContextInfo fromString(String text) {
            return null;
        }
    }
}
