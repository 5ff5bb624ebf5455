package dev.trustmap.ui.graph;

import java.util.List;
import javafx.scene.control.MenuItem;

/** What right-clicks and node-to-node drags on the graph do; the policy draft supplies them. */
public interface GraphGestures {

    /** Menu items for a right-click on a node or edge; empty for no menu. */
    List<MenuItem> menuFor(Selection target);

    /** A drag from one node onto another. */
    void link(String fromNode, String toNode);

    /** Whether dropping a drag from {@code fromNode} on {@code toNode} would do something (for the feedback). */
    default boolean canLink(String fromNode, String toNode) {
        return !fromNode.equals(toNode);
    }
}
