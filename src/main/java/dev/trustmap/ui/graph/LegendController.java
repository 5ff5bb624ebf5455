package dev.trustmap.ui.graph;

import dev.trustmap.ui.common.Messages;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Circle;

/** Fills the legend's namespace colours from the namespaces on screen; the rest of the legend is static FXML. */
public final class LegendController {
    /** More namespaces than this would not fit one line, and colours repeat after eight anyway. */
    private static final int SHOWN = 8;

    private final ObservableList<String> namespaces;
    private final ObservableValue<Boolean> draftShown;
    private final Messages messages;

    @FXML
    private HBox namespaceGroup;

    @FXML
    private HBox draftGroup;

    /**
     * @param namespaces as the toolbar lists them: the empty "all" entry first, then sorted names
     * @param draftShown whether the graph is drawn with a policy draft, whose marks the legend then explains
     */
    public LegendController(ObservableList<String> namespaces, ObservableValue<Boolean> draftShown, Messages messages) {
        this.namespaces = namespaces;
        this.draftShown = draftShown;
        this.messages = messages;
    }

    @FXML
    private FlowPane legend;

    @FXML
    private void initialize() {
        // A FlowPane wraps at its preferred wrap length, not at its width, unless told.
        legend.prefWrapLengthProperty().bind(legend.widthProperty().subtract(20));
        namespaces.addListener((ListChangeListener<String>) change -> render());
        render();
        draftGroup.visibleProperty().bind(draftShown);
        draftGroup.managedProperty().bind(draftGroup.visibleProperty());
    }

    private void render() {
        namespaceGroup.getChildren().retainAll(namespaceGroup.getChildren().get(0));
        List<String> names = namespaces.stream().filter(ns -> !ns.isEmpty()).toList();
        for (int i = 0; i < Math.min(names.size(), SHOWN); i++) {
            Circle swatch = new Circle(6);
            swatch.getStyleClass().addAll("legend-node", "ns" + (i % GraphNode.NAMESPACE_COLOURS));
            namespaceGroup.getChildren().addAll(swatch, new Label(names.get(i)));
        }
        if (names.size() > SHOWN) {
            namespaceGroup.getChildren().add(new Label(messages.get("legend.more", names.size() - SHOWN)));
        }
        namespaceGroup.setVisible(!names.isEmpty());
        namespaceGroup.setManaged(!names.isEmpty());
    }
}
