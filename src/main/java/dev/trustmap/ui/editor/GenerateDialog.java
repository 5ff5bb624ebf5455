package dev.trustmap.ui.editor;

import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.TrafficHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Wires the generate dialog: its view model, the FXML view and a modal stage over the main window. */
public final class GenerateDialog {
    private final Stage stage = new Stage();
    private final GenerateDialogViewModel viewModel;

    /** Builds the dialog; call on the FX thread. */
    GenerateDialog(Window owner, GenerateDialogViewModel viewModel, Messages messages) {
        assert Platform.isFxApplicationThread();
        this.viewModel = viewModel;
        GenerateDialogController controller = new GenerateDialogController(viewModel, stage::close);
        FXMLLoader loader =
                new FXMLLoader(GenerateDialog.class.getResource("/fxml/editor/GenerateDialog.fxml"), messages.bundle());
        loader.setControllerFactory(type -> controller);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the generate dialog's FXML", e);
        }
        Scene scene = new Scene(root);
        scene.getStylesheets()
                .add(GenerateDialog.class.getResource("/css/trustmap.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(messages.get("generate.title"));
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
    }

    /** Shows the dialog for the mesh on screen and starts reading the traffic. */
    void show(MeshState mesh, TrafficHistory traffic) {
        viewModel.open(mesh, traffic);
        stage.show();
    }

    public GenerateDialogViewModel viewModel() {
        return viewModel;
    }

    /** The dialog's window (for tests and screenshots). */
    public Stage stage() {
        return stage;
    }
}
