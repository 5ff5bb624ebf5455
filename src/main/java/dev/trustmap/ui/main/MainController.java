package dev.trustmap.ui.main;

import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.graph.GraphView;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;

/** Binds the main window's controls to its view model and forwards their events. */
public final class MainController {
    private final MainViewModel viewModel;
    private final GraphView graphView;
    private final Messages messages;

    @FXML
    private StackPane graphHolder;

    @FXML
    private StackPane connectWrapper;

    @FXML
    private ComboBox<String> namespaceBox;

    @FXML
    private HBox statusBar;

    private Runnable connect = () -> {};

    @FXML
    private TextField searchField;

    @FXML
    private Button relayoutButton;

    @FXML
    private ProgressIndicator busyIndicator;

    @FXML
    private Label sourceLabel;

    @FXML
    private Label countsLabel;

    @FXML
    private Label updatedLabel;

    public MainController(MainViewModel viewModel, GraphView graphView, Messages messages) {
        this.viewModel = viewModel;
        this.graphView = graphView;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        graphHolder.getChildren().add(0, graphView.node());
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(graphHolder.widthProperty());
        clip.heightProperty().bind(graphHolder.heightProperty());
        graphHolder.setClip(clip);
        Tooltip.install(connectWrapper, new Tooltip(messages.get("toolbar.connect.tooltip")));
        namespaceBox.setItems(viewModel.namespaces());
        namespaceBox.setConverter(new NamespaceConverter());
        namespaceBox.getSelectionModel().select("");
        // A new source replaces the items and clears the value; null means no filter, so say so instead of a blank.
        namespaceBox.setPromptText(messages.get("toolbar.namespace.all"));
        namespaceBox
                .valueProperty()
                .addListener((obs, old, now) ->
                        viewModel.graph().namespaceFilterProperty().set(now == null ? "" : now));
        viewModel.graph().namespaceFilterProperty().addListener((obs, old, now) -> showFilter(false));
        viewModel.namespaces().addListener((javafx.collections.ListChangeListener<String>) change -> showFilter(true));
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        relayoutButton.disableProperty().bind(viewModel.busyProperty());
        sourceLabel.textProperty().bind(viewModel.sourceProperty());
        countsLabel.textProperty().bind(viewModel.countsProperty());
        updatedLabel.textProperty().bind(viewModel.updatedProperty());
    }

    /** Shows the filter in the box; new items leave the box's cell blank even when its value stays, so re-set it. */
    private void showFilter(boolean itemsChanged) {
        String filter = viewModel.graph().namespaceFilterProperty().get();
        if (itemsChanged || !filter.equals(namespaceBox.getValue())) {
            namespaceBox.getSelectionModel().select(filter);
        }
    }

    @FXML
    void openLab() {
        viewModel.openLab();
    }

    @FXML
    void openFolder() {
        viewModel.openFolder();
    }

    @FXML
    void connect() {
        connect.run();
    }

    /** What the Connect button does (the cluster feature opens its dialog). */
    void setOnConnect(Runnable action) {
        connect = action;
    }

    /** Adds a feature's segment at the end of the status bar. */
    void addToStatusBar(Node segment) {
        statusBar.getChildren().add(segment);
    }

    /** Lays a banner over the top of the graph. */
    void addBanner(Node banner) {
        StackPane.setAlignment(banner, Pos.TOP_CENTER);
        graphHolder.getChildren().add(banner);
    }

    @FXML
    void search() {
        viewModel.search().ifPresent(graphView::centreOn);
    }

    @FXML
    void zoomIn() {
        graphView.zoomIn();
    }

    @FXML
    void zoomOut() {
        graphView.zoomOut();
    }

    @FXML
    void fit() {
        graphView.fit();
    }

    @FXML
    void relayout() {
        viewModel.relayout();
    }

    /** Ctrl+F: puts the cursor in the search field. */
    void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    /** Shows "All namespaces" for the empty filter. */
    private final class NamespaceConverter extends StringConverter<String> {
        @Override
        public String toString(String namespace) {
            return namespace == null || namespace.isEmpty() ? messages.get("toolbar.namespace.all") : namespace;
        }

        @Override
        public String fromString(String text) {
            return text;
        }
    }
}
