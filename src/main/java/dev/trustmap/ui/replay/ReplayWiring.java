package dev.trustmap.ui.replay;

import dev.trustmap.ui.common.DialogService;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import dev.trustmap.ui.graph.LegendGroups;
import dev.trustmap.ui.main.MainWindow;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;

/**
 * Wires the scenario replay into the main window: "Open scenario…" in the toolbar beside "Open folder…" (and
 * Ctrl+Shift+O), and a tab beside the inspector with the replay, shown when a scenario opens.
 */
public final class ReplayWiring {
    private static final String TAB_ID = "replay-tab";

    private final ReplayViewModel viewModel;

    private ReplayWiring(ReplayViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Installs into an open window. */
    public static ReplayWiring install(MainWindow window, UiTasks tasks, DialogService dialogs, Messages messages) {
        ReplayViewModel viewModel = new ReplayViewModel(messages, tasks, dialogs, window.viewModel());
        window.addBesideInspector(messages.get("replay.tab"), load(messages, viewModel));
        window.scene()
                .getStylesheets()
                .add(ReplayWiring.class.getResource("/css/replay.css").toExternalForm());
        addToToolbar(window, toolbarButton(messages, viewModel));
        window.scene()
                .getAccelerators()
                .put(
                        new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                        viewModel::openScenario);
        installLegend(window, messages, viewModel);
        viewModel.loadedProperty().addListener((obs, old, now) -> {
            if (now) {
                showTab(window);
            }
        });
        return new ReplayWiring(viewModel);
    }

    /** Once a replay marks the edges, their colours are the replay's, not the verdicts': the legend says so. */
    private static void installLegend(MainWindow window, Messages messages, ReplayViewModel viewModel) {
        Pane legend = LegendGroups.legendOf(window.scene().getRoot());
        if (legend == null) {
            return;
        }
        HBox group = LegendGroups.group(
                "legend-replay",
                "legend-replay",
                messages.get("replay.legend.heading"),
                viewModel.marksShownProperty());
        LegendGroups.key(group, ReplayMarks.PASS, messages.get("replay.legend.graph.pass"));
        LegendGroups.key(group, ReplayMarks.FAIL, messages.get("replay.legend.graph.fail"));
        LegendGroups.key(group, ReplayMarks.CURRENT, messages.get("replay.legend.current"));
        LegendGroups.key(group, ReplayMarks.PENDING, messages.get("replay.legend.pending"));
        LegendGroups.addBeforeLast(legend, group);
    }

    private static Button toolbarButton(Messages messages, ReplayViewModel viewModel) {
        Button button = new Button(messages.get("replay.toolbar"));
        button.setId("openScenarioToolbarButton");
        button.setTooltip(new Tooltip(messages.get("replay.toolbar.tooltip")));
        button.setOnAction(e -> viewModel.openScenario());
        return button;
    }

    /** Puts the button right after "Open folder…", where the other sources are; at the end if that is not found. */
    private static void addToToolbar(MainWindow window, Button button) {
        if (window.scene().getRoot().lookup(".main-toolbar") instanceof ToolBar toolbar) {
            var items = toolbar.getItems();
            Node open = window.scene().getRoot().lookup("#openButton");
            int at = items.indexOf(open);
            items.add(at < 0 ? items.size() : at + 1, button);
            return;
        }
        window.addToToolbar(button);
    }

    private static void showTab(MainWindow window) {
        if (window.scene().lookup("#side-tabs") instanceof TabPane tabs) {
            tabs.getTabs().stream()
                    .filter(tab -> TAB_ID.equals(tab.getId()))
                    .findFirst()
                    .ifPresent(tab -> tabs.getSelectionModel().select(tab));
        }
    }

    private static Parent load(Messages messages, ReplayViewModel viewModel) {
        FXMLLoader loader =
                new FXMLLoader(ReplayWiring.class.getResource("/fxml/replay/Replay.fxml"), messages.bundle());
        loader.setControllerFactory(type -> new ReplayController(viewModel, messages));
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the scenario replay pane", e);
        }
    }

    public ReplayViewModel viewModel() {
        return viewModel;
    }
}
