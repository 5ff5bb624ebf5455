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

    @FXML
    private Label warningLabel;

    public MainController(MainViewModel viewModel, GraphView graphView, Messages messages) {
        this.viewModel = viewModel;
        this.graphView = graphView;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        graphHolder.getChildren().add(0, graphView.node());
        graphHolder.getChildren().add(1, graphView.linkLayer());
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(graphHolder.widthProperty());
        clip.heightProperty().bind(graphHolder.heightProperty());
        graphHolder.setClip(clip);
        Tooltip.install(connectWrapper, new Tooltip(messages.get("toolbar.connect.tooltip")));
        NamespaceBox.bind(
                namespaceBox, viewModel.namespaces(), viewModel.graph().namespaceFilterProperty(), messages);
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        relayoutButton.disableProperty().bind(viewModel.busyProperty());
        sourceLabel.textProperty().bind(viewModel.sourceProperty());
        countsLabel.textProperty().bind(viewModel.countsProperty());
        updatedLabel.textProperty().bind(viewModel.updatedProperty());
        warningLabel.textProperty().bind(viewModel.warningProperty());
        warningLabel.visibleProperty().bind(viewModel.warningProperty().isNotEmpty());
        warningLabel.managedProperty().bind(warningLabel.visibleProperty());
        Tooltip details = new Tooltip();
        details.textProperty().bind(viewModel.warningDetailsProperty());
        details.setShowDuration(javafx.util.Duration.INDEFINITE);
        warningLabel.setTooltip(details);
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

    /**
     * Adds a feature's segment at the end of the status bar. A label there is a message of any length: it is the one
     * cut short (whole in its tooltip), so the source, counts and time stay readable.
     */
    void addToStatusBar(Node segment) {
        if (segment instanceof Label message) {
            message.setMinWidth(0);
            if (message.getTooltip() == null) {
                Tooltip whole = new Tooltip();
                whole.textProperty().bind(message.textProperty());
                whole.setWrapText(true);
                whole.setMaxWidth(520);
                message.setTooltip(whole);
            }
        }
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
}
