package dev.trustmap.ui.lab;

import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.graph.GraphGestures;
import dev.trustmap.ui.graph.Selection;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;

/** Adds the breach lab's items to the graph's right-click menu on a workload; everything else goes to the draft's. */
final class LabMenus implements GraphGestures {
    private final GraphGestures previous;
    private final BreachViewModel breach;
    private final Messages messages;
    private final Runnable reveal;

    /** {@code reveal} brings the breach lab pane to the front when a workload is marked. */
    LabMenus(GraphGestures previous, BreachViewModel breach, Messages messages, Runnable reveal) {
        this.previous = previous;
        this.breach = breach;
        this.messages = messages;
        this.reveal = reveal;
    }

    @Override
    public List<MenuItem> menuFor(Selection target) {
        List<MenuItem> items = new ArrayList<>(previous == null ? List.of() : previous.menuFor(target));
        if (!target.isNode() || !breach.canCompromise(target.id())) {
            return items;
        }
        if (!items.isEmpty()) {
            items.add(new SeparatorMenuItem());
        }
        items.add(item("breach.menu.compromise", "menu-compromise", () -> {
            breach.compromise(target.id());
            reveal.run();
        }));
        items.add(item("breach.menu.serviceAccount", "menu-compromise-sa", () -> {
            breach.compromiseServiceAccount(target.id());
            reveal.run();
        }));
        if (breach.activeProperty().get()) {
            items.add(item("breach.clear", "menu-breach-clear", breach::clear));
        }
        return items;
    }

    private MenuItem item(String key, String id, Runnable action) {
        MenuItem item = new MenuItem(messages.get(key));
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    @Override
    public void link(String fromNode, String toNode) {
        if (previous != null) {
            previous.link(fromNode, toNode);
        }
    }

    @Override
    public boolean canLink(String fromNode, String toNode) {
        return previous != null && previous.canLink(fromNode, toNode);
    }
}
