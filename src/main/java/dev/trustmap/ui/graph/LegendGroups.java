package dev.trustmap.ui.graph;

import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;

/**
 * Groups a feature adds to the graph's legend strip (the breach lab, the scenario replay), each shown only while its
 * marks are on the graph, before the last group (the namespaces). A key's line has the style classes
 * {@code legend-edge} and {@code legend-MARK}, so the feature's stylesheet draws it like the mark.
 */
public final class LegendGroups {
    private LegendGroups() {}

    /** The legend strip under {@code root}, if the window has one. */
    public static Pane legendOf(Parent root) {
        return find(root, "legend") instanceof Pane legend ? legend : null;
    }

    /** A new group with a heading, shown while {@code shown} holds; add keys with {@link #key}. */
    public static HBox group(String id, String styleClass, String heading, ObservableValue<Boolean> shown) {
        HBox group = new HBox();
        group.setId(id);
        group.getStyleClass().addAll("legend-group", styleClass);
        Label title = new Label(heading);
        title.getStyleClass().add("legend-heading");
        group.getChildren().add(title);
        group.visibleProperty().bind(shown);
        group.managedProperty().bind(group.visibleProperty());
        return group;
    }

    /** A line drawn like the edge mark {@code mark}, and what it means. */
    public static void key(HBox group, String mark, String text) {
        Line line = new Line(0, 0, 26, 0);
        line.getStyleClass().addAll("legend-edge", "legend-" + mark);
        group.getChildren().addAll(line, new Label(text));
    }

    /** Adds the groups, in order, before the legend's last group. */
    public static void addBeforeLast(Pane legend, HBox... groups) {
        int at = Math.max(0, legend.getChildren().size() - 1);
        legend.getChildren().addAll(at, List.of(groups));
    }

    /** Like {@code lookup}, but also inside split panes before their skins exist (the window may not be shown). */
    private static Node find(Node node, String id) {
        if (id.equals(node.getId())) {
            return node;
        }
        List<Node> children = node instanceof SplitPane split
                ? split.getItems()
                : node instanceof Parent parent ? parent.getChildrenUnmodifiable() : List.of();
        for (Node child : children) {
            Node found = find(child, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
