package dev.trustmap.ui.cluster;

import dev.trustmap.source.cluster.ClusterSource;
import dev.trustmap.ui.common.DialogService;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import dev.trustmap.ui.main.MainViewModel;
import dev.trustmap.ui.main.MainWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the cluster feature into the main window: the Connect button and dialog, the status bar segment, the
 * Prometheus banner, and connecting at start ({@code --context}).
 */
public final class ClusterWiring {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterWiring.class);
    static final String STYLES =
            ClusterWiring.class.getResource("/css/cluster.css").toExternalForm();

    private final MainViewModel main;
    private final UiTasks tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final ClusterConnector connector;
    private final ClusterViewModel viewModel;
    private final MainWindow window;
    /** The settings of the last connection, or of the start options; null before either. */
    private ClusterSettings last;

    private ClusterWiring(
            MainWindow window, UiTasks tasks, DialogService dialogs, Messages messages, ClusterConnector connector) {
        this.window = window;
        this.main = window.viewModel();
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
        this.connector = connector;
        this.viewModel = new ClusterViewModel(messages, tasks, main::openLab);
    }

    /** Adds the cluster's controls to the window; call on the FX thread. */
    public static ClusterWiring install(
            MainWindow window, UiTasks tasks, DialogService dialogs, Messages messages, ClusterConnector connector) {
        assert Platform.isFxApplicationThread();
        ClusterWiring wiring = new ClusterWiring(window, tasks, dialogs, messages, connector);
        window.addToStatusBar(wiring.load("ClusterStatus.fxml", new ClusterStatusController(wiring.viewModel)));
        window.addBanner(wiring.load("ClusterBanner.fxml", new ClusterBannerController(wiring.viewModel)));
        window.setOnConnect(wiring::showDialog);
        window.scene().getStylesheets().add(STYLES);
        return wiring;
    }

    private Node load(String fxml, Object controller) {
        FXMLLoader loader = new FXMLLoader(ClusterWiring.class.getResource("/fxml/cluster/" + fxml), messages.bundle());
        loader.setControllerFactory(type -> controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }

    /** Opens the Connect dialog. */
    public ConnectDialog showDialog() {
        ConnectDialogViewModel dialogModel =
                new ConnectDialogViewModel(messages, tasks, connector, ClusterSource.defaultKubeconfig());
        if (last != null) {
            dialogModel.prefill(last);
        }
        ConnectDialog dialog = new ConnectDialog(window.scene().getWindow(), dialogModel, messages, connection -> {
            last = connection.settings();
            show(connection);
        });
        dialog.show();
        return dialog;
    }

    /** Connects without the dialog; a failure is an error dialog, and the window keeps what it shows. */
    public void connect(ClusterSettings settings) {
        last = settings;
        main.busyProperty().set(true);
        tasks.run(
                () -> connector.connect(settings),
                connection -> {
                    main.busyProperty().set(false);
                    show(connection);
                },
                failure -> {
                    main.busyProperty().set(false);
                    String context =
                            settings.context() == null ? messages.get("cluster.context.default") : settings.context();
                    String sentence = ConnectDialogViewModel.sentence(failure, messages);
                    dialogs.showError(messages.get("cluster.error.title", context), sentence, null);
                });
    }

    private void show(ClusterConnection connection) {
        LOG.info("Connected to {}; showing it", connection.context());
        main.open(viewModel.feedFor(connection));
    }

    public ClusterViewModel viewModel() {
        return viewModel;
    }
}
