package dev.trustmap.ui.main;

import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.graph.GraphView;
import dev.trustmap.ui.graph.LegendController;
import dev.trustmap.ui.inspector.InspectorController;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/** Wires the main window: view models, views and controllers, the scene, its stylesheet and its keys. */
public final class MainWindow {
    private final MainViewModel viewModel;
    private final GraphView graphView;
    private final MainController controller;
    private final Scene scene;
    private final Messages messages;

    /** Builds the window's scene; call on the FX thread. */
    public MainWindow(MainViewModel viewModel, Messages messages) {
        assert Platform.isFxApplicationThread();
        this.viewModel = viewModel;
        this.messages = messages;
        this.graphView = new GraphView(viewModel.graph());
        this.controller = new MainController(viewModel, graphView, messages);
        FXMLLoader loader = new FXMLLoader(MainWindow.class.getResource("/fxml/main/Main.fxml"), messages.bundle());
        loader.setControllerFactory(this::controller);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the main window's FXML", e);
        }
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1400, screen.getWidth()), Math.min(880, screen.getHeight()));
        scene.getStylesheets()
                .add(MainWindow.class.getResource("/css/trustmap.css").toExternalForm());
        installKeys();
    }

    private Object controller(Class<?> type) {
        if (type == MainController.class) {
            return controller;
        }
        if (type == LegendController.class) {
            return new LegendController(
                    viewModel.namespaces(), viewModel.graph().draftShownProperty(), messages);
        }
        if (type == InspectorController.class) {
            return new InspectorController(viewModel.inspector());
        }
        throw new IllegalArgumentException("no controller of type " + type);
    }

    private void installKeys() {
        scene.getAccelerators()
                .put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), controller::focusSearch);
        scene.getAccelerators()
                .put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), viewModel::openFolder);
        scene.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    private void keyPressed(KeyEvent event) {
        if (event.getCode() == KeyCode.ESCAPE) {
            viewModel.clearSelection();
            graphView.node().requestFocus();
            event.consume();
            return;
        }
        if (scene.getFocusOwner() instanceof TextInputControl || event.isShortcutDown()) {
            return;
        }
        KeyCode code = event.getCode();
        if (code == KeyCode.PLUS || code == KeyCode.ADD || code == KeyCode.EQUALS) {
            graphView.zoomIn();
            event.consume();
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) {
            graphView.zoomOut();
            event.consume();
        }
    }

    /** Shows the window on the stage and stops background ticks when it closes. */
    public void show(Stage stage, String title) {
        stage.setTitle(title);
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnHidden(e -> close());
        stage.show();
    }

    public void close() {
        viewModel.close();
        graphView.close();
    }

    public Scene scene() {
        return scene;
    }

    /** Hooks for features outside this package (the cluster connection): the Connect button's action. */
    public void setOnConnect(Runnable action) {
        controller.setOnConnect(action);
    }

    /** Adds a segment at the end of the status bar. */
    public void addToStatusBar(javafx.scene.Node segment) {
        controller.addToStatusBar(segment);
    }

    /** Lays a banner over the top of the graph. */
    public void addBanner(javafx.scene.Node banner) {
        controller.addBanner(banner);
    }

    /** Puts a pane under the graph column (the policy draft), with a divider between them. */
    public void addUnderGraph(javafx.scene.Node pane) {
        javafx.scene.control.SplitPane split =
                (javafx.scene.control.SplitPane) scene.getRoot().lookup("#split");
        javafx.scene.Node graphColumn = split.getItems().get(0);
        javafx.scene.control.SplitPane column = new javafx.scene.control.SplitPane();
        column.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.getItems().set(0, column);
        column.getItems().setAll(graphColumn, pane);
        column.setDividerPositions(0.66);
    }

    /** Puts the inspector in a tab and adds a feature's pane as another tab beside it (findings, breach lab). */
    public void addBesideInspector(String title, javafx.scene.Node pane) {
        javafx.scene.control.SplitPane split =
                (javafx.scene.control.SplitPane) scene.getRoot().lookup("#split");
        int last = split.getItems().size() - 1;
        javafx.scene.control.TabPane tabs;
        if (split.getItems().get(last) instanceof javafx.scene.control.TabPane existing) {
            tabs = existing;
        } else {
            javafx.scene.Node inspector = split.getItems().get(last);
            tabs = new javafx.scene.control.TabPane(
                    new javafx.scene.control.Tab(messages.get("inspector.empty.heading"), inspector));
            tabs.setId("side-tabs");
            tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
            // The tabs take the inspector's place and its sizing: it keeps its width when the window grows.
            if (inspector instanceof javafx.scene.layout.Region region) {
                tabs.setMinWidth(region.getMinWidth());
                tabs.setPrefWidth(region.getPrefWidth());
                tabs.setMaxWidth(region.getMaxWidth());
            }
            javafx.scene.control.SplitPane.setResizableWithParent(
                    tabs, javafx.scene.control.SplitPane.isResizableWithParent(inspector));
            split.getItems().set(last, tabs);
        }
        javafx.scene.control.Tab tab = new javafx.scene.control.Tab(title, pane);
        tab.setId(pane.getId() == null ? null : pane.getId() + "-tab");
        tabs.getTabs().add(tab);
    }

    /** Adds a control at the end of the toolbar (e.g. the Export menu). */
    public void addToToolbar(javafx.scene.Node item) {
        ((javafx.scene.control.ToolBar) scene.getRoot().lookup(".main-toolbar"))
                .getItems()
                .add(item);
    }

    public GraphView graphView() {
        return graphView;
    }

    public MainViewModel viewModel() {
        return viewModel;
    }
}
