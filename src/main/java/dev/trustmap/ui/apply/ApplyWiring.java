package dev.trustmap.ui.apply;

import dev.trustmap.analysis.workspace.AuditEntry;
import dev.trustmap.ui.cluster.ClusterWiring;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import dev.trustmap.ui.editor.EditorWiring;
import dev.trustmap.ui.main.MainWindow;
import java.time.Clock;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.control.Label;

/** Wires "Apply to cluster…": the draft pane's button, the Apply dialog, and the outcome in the status bar. */
public final class ApplyWiring {
    private final ApplyViewModel viewModel;

    private ApplyWiring(ApplyViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Installs the feature into an open window with its draft pane and cluster feature; call on the FX thread. */
    public static ApplyWiring install(
            MainWindow window,
            EditorWiring editor,
            ClusterWiring cluster,
            UiTasks tasks,
            Messages messages,
            Consumer<AuditEntry> audit) {
        assert Platform.isFxApplicationThread();
        ApplyViewModel viewModel = new ApplyViewModel(
                messages,
                tasks,
                editor.viewModel(),
                cluster.viewModel().connectionProperty(),
                audit,
                Clock.systemUTC());
        editor.viewModel().setOnApply(() -> {
            if (viewModel.start()) {
                new ApplyDialog(window.scene().getWindow(), viewModel, messages).show();
            }
        });
        Label status = new Label();
        status.setId("apply-status");
        status.textProperty().bind(viewModel.statusProperty());
        status.visibleProperty().bind(viewModel.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        window.addToStatusBar(status);
        return new ApplyWiring(viewModel);
    }

    public ApplyViewModel viewModel() {
        return viewModel;
    }
}
