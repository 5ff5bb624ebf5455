package dev.trustmap.ui.lab;

import dev.trustmap.ui.common.Messages;
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
 * A group in the graph's legend while the breach lab marks the graph: what its edge marks mean, next to the draft's
 * when both are on screen. Added from here so the legend's own FXML stays the graph package's.
 */
final class BreachLegend {
    static final String ID = "legend-breach";

    private BreachLegend() {}

    /** Adds the groups before the legend's last group (the namespaces); does nothing without a legend. */
    static void install(Parent root, Messages messages, ObservableValue<Boolean> shown) {
        if (!(find(root, "legend") instanceof Pane legend)) {
            return;
        }
        HBox group = group(ID, messages.get("breach.legend.heading"), shown);
        key(group, BreachMarks.ATTACK, messages.get("breach.legend.attack"));
        key(group, BreachMarks.ATTACK_CLOSED, messages.get("breach.legend.closed"));
        Label cutOff = new Label(messages.get("breach.legend.cutoff"));
        cutOff.getStyleClass().addAll("breach-key", "key-cutoff");
        group.getChildren().add(cutOff);
        HBox more = group(ID + "-more", messages.get("breach.legend.more"), shown);
        key(more, BreachMarks.EXPOSED, messages.get("breach.legend.exposed"));
        key(more, BreachMarks.PROBE_PASS, messages.get("breach.legend.pass"));
        key(more, BreachMarks.PROBE_BLOCKED, messages.get("breach.legend.blocked"));
        key(more, BreachMarks.PROBE_FLASH, messages.get("breach.legend.flash"));
        int at = Math.max(0, legend.getChildren().size() - 1);
        legend.getChildren().add(at, group);
        legend.getChildren().add(at + 1, more);
    }

    /** One group of the legend, shown while the breach lab marks the graph (two, so the legend can wrap them). */
    private static HBox group(String id, String title, ObservableValue<Boolean> shown) {
        HBox group = new HBox();
        group.setId(id);
        group.getStyleClass().addAll("legend-group", "legend-breach");
        Label heading = new Label(title);
        heading.getStyleClass().add("legend-heading");
        group.getChildren().add(heading);
        group.visibleProperty().bind(shown);
        group.managedProperty().bind(group.visibleProperty());
        return group;
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

    private static void key(HBox group, String mark, String text) {
        Line line = new Line(0, 0, 26, 0);
        line.getStyleClass().addAll("legend-edge", "legend-" + mark);
        group.getChildren().addAll(line, new Label(text));
    }
}
