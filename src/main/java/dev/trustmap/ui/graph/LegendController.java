package dev.trustmap.ui.graph;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Circle;

/** Fills the legend's namespace colours from the namespaces on screen; the rest of the legend is static FXML. */
public final class LegendController {
    private final ObservableList<String> namespaces;

    @FXML
    private HBox namespaceGroup;

    /** {@code namespaces} as the toolbar lists them: the empty "all" entry first, then sorted names. */
    public LegendController(ObservableList<String> namespaces) {
        this.namespaces = namespaces;
    }

    @FXML
    private void initialize() {
        namespaces.addListener((ListChangeListener<String>) change -> render());
        render();
    }

    private void render() {
        namespaceGroup.getChildren().retainAll(namespaceGroup.getChildren().get(0));
        int index = 0;
        for (String namespace : namespaces) {
            if (namespace.isEmpty()) {
                continue;
            }
            Circle swatch = new Circle(6);
            swatch.getStyleClass().addAll("legend-node", "ns" + (index++ % GraphNode.NAMESPACE_COLOURS));
            namespaceGroup.getChildren().addAll(swatch, new Label(namespace));
        }
        namespaceGroup.setVisible(index > 0);
        namespaceGroup.setManaged(index > 0);
    }
}
