package dev.trustmap.ui.lab;

import dev.trustmap.analysis.findings.Finding;
import dev.trustmap.analysis.workspace.DraftAssessment;
import dev.trustmap.engine.Engine;
import dev.trustmap.ui.common.DialogService;
import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import dev.trustmap.ui.editor.EditorViewModel;
import dev.trustmap.ui.findings.FindingRow;
import dev.trustmap.ui.findings.FindingsController;
import dev.trustmap.ui.findings.FindingsViewModel;
import dev.trustmap.ui.graph.GraphView;
import dev.trustmap.ui.main.MainWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Side;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.util.Callback;

/**
 * Wires the findings pane, the breach lab and the exports into the main window: two tabs beside the inspector, the
 * graph's badges and breach marks, "Mark as compromised" in the graph's right-click menu and an Export menu.
 */
public final class LabWiring {
    private final FindingsViewModel findings;
    private final BreachViewModel breach;
    private final ReportExport export;

    private LabWiring(FindingsViewModel findings, BreachViewModel breach, ReportExport export) {
        this.findings = findings;
        this.breach = breach;
        this.export = export;
    }

    /** Installs into an open window; {@code draftEngine} gives the policy draft's engine, or null without one. */
    public static LabWiring install(
            MainWindow window, UiTasks tasks, DialogService dialogs, Messages messages, Supplier<Engine> draftEngine) {
        return install(window, tasks, dialogs, messages, draftEngine, null);
    }

    /** Like the other; the exported report lists the recent entries of {@code auditLog} (null for none). */
    public static LabWiring install(
            MainWindow window,
            UiTasks tasks,
            DialogService dialogs,
            Messages messages,
            Supplier<Engine> draftEngine,
            dev.trustmap.analysis.workspace.AuditLog auditLog) {
        GraphView graphView = window.graphView();
        FindingsViewModel findings =
                new FindingsViewModel(messages, tasks, window.viewModel().graph());
        BreachViewModel breach = new BreachViewModel(
                messages, tasks, draftEngine, window.viewModel().graph(), new FxReplayClock());
        Supplier<List<Finding>> listed =
                () -> findings.all().stream().map(FindingRow::finding).toList();
        ReportExport export = new ReportExport(
                messages,
                tasks,
                dialogs,
                window.viewModel()::state,
                listed,
                new GraphSnapshot(graphView.node(), () -> window.scene().lookup("#legend")),
                auditLog);
        export.noteActive(
                draftEngine,
                () -> breach.activeProperty().get() ? breach.summaryProperty().get() : "");
        window.addBesideInspector(
                messages.get("findings.tab"),
                load(
                        "/fxml/findings/Findings.fxml",
                        messages,
                        t -> new FindingsController(findings, messages, graphView::centreOn)));
        window.addBesideInspector(
                messages.get("breach.tab"),
                load("/fxml/lab/Breach.fxml", messages, t -> new BreachController(breach, messages)));
        window.scene()
                .getStylesheets()
                .add(LabWiring.class.getResource("/css/lab.css").toExternalForm());
        BreachLegend.install(window.scene().getRoot(), messages, breach.activeProperty());
        window.addToToolbar(exportMenu(messages, export));
        Label notice = new Label();
        notice.textProperty().bind(export.noticeProperty());
        window.addToStatusBar(notice);
        // Marking clears the selection: it would dim every workload but the neighbours, hiding the further hops.
        graphView.setGestures(new LabMenus(graphView.gestures(), breach, messages, () -> {
            window.viewModel().clearSelection();
            showTab(window, "breach-tab");
        }));
        overlayOnChange(window, findings, breach);
        ObservableValue<MeshState> mesh = window.viewModel().inspector().meshProperty();
        mesh.addListener((obs, old, now) -> {
            findings.meshChanged(now);
            breach.meshChanged(now);
        });
        window.viewModel().graph().decoratorProperty().addListener((obs, old, now) -> breach.draftChanged());
        findings.meshChanged(mesh.getValue());
        breach.meshChanged(mesh.getValue());
        return new LabWiring(findings, breach, export);
    }

    /** The draft's engine when the editor has a draft with changes, else null. */
    public static Supplier<Engine> draftOf(EditorViewModel editor) {
        return () -> {
            DraftAssessment assessed = editor.emptyProperty().get() ? null : editor.assessed();
            return assessed == null ? null : assessed.engine();
        };
    }

    private static void overlayOnChange(MainWindow window, FindingsViewModel findings, BreachViewModel breach) {
        Runnable apply = () -> window.viewModel()
                .graph()
                .overlayProperty()
                .set(new LabOverlay(
                        findings.badgedProperty().get(), breach.marksProperty().get()));
        findings.badgedProperty().addListener((obs, old, now) -> apply.run());
        breach.marksProperty().addListener((obs, old, now) -> apply.run());
    }

    private static void showTab(MainWindow window, String id) {
        if (window.scene().lookup("#side-tabs") instanceof TabPane tabs) {
            tabs.getTabs().stream()
                    .filter(tab -> id.equals(tab.getId()))
                    .findFirst()
                    .ifPresent(tab -> tabs.getSelectionModel().select(tab));
        }
    }

    private static MenuButton exportMenu(Messages messages, ReportExport export) {
        MenuButton menu = new MenuButton(messages.get("findings.export"));
        menu.setId("export-menu");
        // The button sits at the toolbar's right end: a menu opening below it would run off the window's edge.
        menu.setPopupSide(Side.LEFT);
        menu.getItems()
                .setAll(
                        item(messages.get("findings.export.report"), "export-report", export::exportReport),
                        item(messages.get("findings.export.png"), "export-png", export::exportPng),
                        item(messages.get("findings.export.svg"), "export-svg", export::exportSvg));
        return menu;
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    private static Parent load(String fxml, Messages messages, Callback<Class<?>, Object> controllers) {
        FXMLLoader loader = new FXMLLoader(LabWiring.class.getResource(fxml), messages.bundle());
        loader.setControllerFactory(controllers);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }

    public FindingsViewModel findings() {
        return findings;
    }

    public BreachViewModel breach() {
        return breach;
    }

    public ReportExport export() {
        return export;
    }
}
