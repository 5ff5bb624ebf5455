package dev.trustmap.ui.editor;

import dev.trustmap.analysis.workspace.DraftStore;
import dev.trustmap.ui.common.DialogService;
import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import dev.trustmap.ui.main.MainWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** Wires the policy draft into the main window: the pane under the graph, graph gestures, undo and redo keys. */
public final class EditorWiring {
    private final EditorViewModel viewModel;
    private final MainWindow window;
    private final UiTasks tasks;
    private final Messages messages;
    private GenerateDialog generateDialog;

    private EditorWiring(EditorViewModel viewModel, MainWindow window, UiTasks tasks, Messages messages) {
        this.viewModel = viewModel;
        this.window = window;
        this.tasks = tasks;
        this.messages = messages;
    }

    /** Installs the draft into an open main window; its draft lives in {@code store}. */
    public static EditorWiring install(
            MainWindow window, UiTasks tasks, DialogService dialogs, Messages messages, DraftStore store) {
        return install(window, tasks, dialogs, messages, store, entry -> {});
    }

    /** Like the other; each export of the draft is recorded through {@code audit}. */
    public static EditorWiring install(
            MainWindow window,
            UiTasks tasks,
            DialogService dialogs,
            Messages messages,
            DraftStore store,
            java.util.function.Consumer<dev.trustmap.analysis.workspace.AuditEntry> audit) {
        EditorViewModel viewModel =
                new EditorViewModel(messages, tasks, dialogs, window.viewModel().graph(), store, audit);
        EditorWiring wiring = new EditorWiring(viewModel, window, tasks, messages);
        FXMLLoader loader =
                new FXMLLoader(EditorWiring.class.getResource("/fxml/editor/Editor.fxml"), messages.bundle());
        loader.setControllerFactory(type -> type == PolicyFormController.class
                ? new PolicyFormController(viewModel.form())
                : new EditorController(viewModel, wiring::openGenerate));
        Parent pane;
        try {
            pane = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the draft pane's FXML", e);
        }
        window.addUnderGraph(pane);
        window.graphView().setGestures(new GraphMenus(viewModel, messages));
        var accelerators = window.scene().getAccelerators();
        accelerators.put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), viewModel::undo);
        accelerators.put(
                new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                viewModel::redo);
        window.viewModel().inspector().setPolicyEditor(viewModel::editInForm);
        window.viewModel().inspector().draftEngineProperty().bind(viewModel.draftEngineProperty());
        var mesh = window.viewModel().inspector().meshProperty();
        var main = window.viewModel();
        mesh.addListener((obs, old, now) -> viewModel.meshChanged(now, main.draftSource()));
        viewModel.meshChanged(mesh.get(), main.draftSource());
        return wiring;
    }

    /** Opens the "Generate least privilege" dialog over the mesh on screen. */
    public void openGenerate() {
        MeshState state = window.viewModel().state();
        if (state == null) {
            return;
        }
        generateDialog = new GenerateDialog(
                window.scene().getWindow(),
                new GenerateDialogViewModel(messages, tasks, viewModel::putGenerated),
                messages);
        generateDialog.show(state, window.viewModel().trafficHistory());
    }

    /** The dialog opened last, or null (for tests and screenshots). */
    public GenerateDialog generateDialog() {
        return generateDialog;
    }

    public EditorViewModel viewModel() {
        return viewModel;
    }
}
