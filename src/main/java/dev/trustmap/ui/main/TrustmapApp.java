package dev.trustmap.ui.main;

import dev.trustmap.ui.cluster.ClusterConnector;
import dev.trustmap.ui.cluster.ClusterStart;
import dev.trustmap.ui.cluster.ClusterWiring;
import dev.trustmap.ui.common.ErrorHandler;
import dev.trustmap.ui.common.FxDialogService;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop app: opens the main window on the built-in lab. */
public final class TrustmapApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(TrustmapApp.class);

    private UiTasks tasks;
    private MainWindow window;
    private ClusterWiring cluster;
    private final java.nio.file.Path trustmapFolder;
    private dev.trustmap.ui.editor.EditorWiring editor;
    private dev.trustmap.ui.lab.LabWiring lab;
    private dev.trustmap.analysis.workspace.AuditLog auditLog;
    private dev.trustmap.ui.audit.AuditWiring audit;
    private dev.trustmap.ui.apply.ApplyWiring apply;
    private dev.trustmap.ui.replay.ReplayWiring replay;

    /** The app with the user's Trustmap folder ({@code trustmap.home}, else {@code ~/.trustmap}). */
    public TrustmapApp() {
        this(dev.trustmap.analysis.workspace.TrustmapFolder.path());
    }

    /** The app keeping its draft in {@code trustmapFolder} (tests use a temporary one). */
    public TrustmapApp(java.nio.file.Path trustmapFolder) {
        this.trustmapFolder = trustmapFolder;
    }

    @Override
    public void start(Stage stage) {
        window = open(stage, null);
        // --context NAME / --kubeconfig PATH: connect at once; the lab stays on screen if that fails.
        ClusterStart.parse(getParameters().getRaw()).ifPresent(start -> cluster.connect(start.settings()));
    }

    /**
     * Builds and shows the window on {@code stage} and starts loading the lab; {@code feeds} null means the real
     * sources. Also used by tests.
     */
    public MainWindow open(Stage stage, MeshFeeds feeds) {
        Messages messages = Messages.load();
        FxDialogService dialogs = new FxDialogService(() -> stage, messages);
        ErrorHandler errors = new ErrorHandler(dialogs, messages);
        errors.install();
        tasks = UiTasks.create(errors::handle);
        MeshFeeds sources = feeds == null ? MeshFeeds.standard(messages) : feeds;
        MainViewModel viewModel = new MainViewModel(messages, tasks, dialogs, sources);
        // Loading starts before the window is built: the two overlap, and results arrive on the FX thread after.
        viewModel.openLab();
        MainWindow main = new MainWindow(viewModel, messages);
        main.show(stage, messages.get("app.title"));
        auditLog = new dev.trustmap.analysis.workspace.AuditLog(
                trustmapFolder.resolve(dev.trustmap.analysis.workspace.AuditLog.FILE));
        var trail = new dev.trustmap.ui.audit.AuditTrail(auditLog, tasks, dialogs, messages);
        editor = dev.trustmap.ui.editor.EditorWiring.install(
                main,
                tasks,
                dialogs,
                messages,
                new dev.trustmap.analysis.workspace.DraftStore(trustmapFolder),
                trail::record);
        cluster = ClusterWiring.install(main, tasks, dialogs, messages, ClusterConnector.standard());
        apply = dev.trustmap.ui.apply.ApplyWiring.install(main, editor, cluster, tasks, messages, trail::record);
        lab = dev.trustmap.ui.lab.LabWiring.install(
                main, tasks, dialogs, messages, dev.trustmap.ui.lab.LabWiring.draftOf(editor.viewModel()), auditLog);
        audit = dev.trustmap.ui.audit.AuditWiring.install(main, tasks, messages, trail);
        replay = dev.trustmap.ui.replay.ReplayWiring.install(main, tasks, dialogs, messages);
        LOG.info("window open; loading the lab");
        return main;
    }

    /** The cluster feature's wiring (for tests). */
    public ClusterWiring cluster() {
        return cluster;
    }

    /** The policy draft's wiring (for tests). */
    public dev.trustmap.ui.editor.EditorWiring editor() {
        return editor;
    }

    /** Applying the draft to the cluster (for tests). */
    public dev.trustmap.ui.apply.ApplyWiring apply() {
        return apply;
    }

    /** The findings pane, breach lab and exports (for tests). */
    public dev.trustmap.ui.lab.LabWiring lab() {
        return lab;
    }

    /** The Audit log tab's wiring (for tests). */
    public dev.trustmap.ui.audit.AuditWiring audit() {
        return audit;
    }

    /** The scenario replay (for tests). */
    public dev.trustmap.ui.replay.ReplayWiring replay() {
        return replay;
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        if (tasks != null) {
            tasks.close();
        }
    }
}
