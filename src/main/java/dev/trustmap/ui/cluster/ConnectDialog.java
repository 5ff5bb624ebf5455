package dev.trustmap.ui.cluster;

import dev.trustmap.ui.common.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Wires the Connect dialog: its view model, the FXML view and a modal stage over the main window. */
public final class ConnectDialog {
    private final Stage stage = new Stage();
    private final ConnectDialogViewModel viewModel;

    /** Builds the dialog; call on the FX thread. {@code onConnected} gets the connection after the dialog closed. */
    public ConnectDialog(
            Window owner,
            ConnectDialogViewModel viewModel,
            Messages messages,
            Consumer<ClusterConnection> onConnected) {
        assert Platform.isFxApplicationThread();
        this.viewModel = viewModel;
        ConnectDialogController controller =
                new ConnectDialogController(viewModel, onConnected, stage::close, messages);
        FXMLLoader loader =
                new FXMLLoader(ConnectDialog.class.getResource("/fxml/cluster/ConnectDialog.fxml"), messages.bundle());
        loader.setControllerFactory(type -> controller);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the Connect dialog's FXML", e);
        }
        Scene scene = new Scene(root);
        scene.getStylesheets()
                .add(ConnectDialog.class.getResource("/css/trustmap.css").toExternalForm());
        scene.getStylesheets().add(ClusterWiring.STYLES);
        stage.setScene(scene);
        stage.setTitle(messages.get("cluster.connect.title"));
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
    }

    /** Shows the dialog and starts reading the kubeconfig's contexts. */
    public void show() {
        viewModel.loadContexts();
        stage.show();
    }

    Stage stage() {
        return stage;
    }
}
