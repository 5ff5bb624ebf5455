package dev.trustmap.ui.apply;

import dev.trustmap.ui.common.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The Apply dialog: a modal stage over the main window, showing the dry run, the confirmation and the outcome. */
final class ApplyDialog {
    private final Stage stage = new Stage();

    /** Builds the dialog; call on the FX thread. */
    ApplyDialog(Window owner, ApplyViewModel viewModel, Messages messages) {
        assert Platform.isFxApplicationThread();
        ApplyDialogController controller = new ApplyDialogController(viewModel, stage::close, messages);
        FXMLLoader loader =
                new FXMLLoader(ApplyDialog.class.getResource("/fxml/apply/ApplyDialog.fxml"), messages.bundle());
        loader.setControllerFactory(type -> controller);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the Apply dialog's FXML", e);
        }
        Scene scene = new Scene(root);
        scene.getStylesheets()
                .add(ApplyDialog.class.getResource("/css/trustmap.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(messages.get("apply.title"));
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
    }

    void show() {
        stage.show();
    }
}
