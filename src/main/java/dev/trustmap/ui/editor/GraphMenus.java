package dev.trustmap.ui.editor;

import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.graph.GraphGestures;
import dev.trustmap.ui.graph.Selection;
import java.util.List;
import javafx.scene.control.MenuItem;

/** The graph's right-click menus and drags, forwarded to the draft. */
final class GraphMenus implements GraphGestures {
    private final EditorViewModel editor;
    private final Messages messages;

    GraphMenus(EditorViewModel editor, Messages messages) {
        this.editor = editor;
        this.messages = messages;
    }

    @Override
    public List<MenuItem> menuFor(Selection target) {
        if (target.isEdge()) {
            return List.of(
                    item("editor.menu.allowOnly", "menu-allow-only", () -> editor.allowOnly(target.id())),
                    item("editor.menu.deny", "menu-deny", () -> editor.deny(target.id())));
        }
        if (target.isNode() && !GraphNodeIds.outside(target.id())) {
            String namespace = GraphNodeIds.namespace(target.id());
            MenuItem item = item("editor.menu.defaultDeny", "menu-default-deny", () -> editor.defaultDeny(namespace));
            item.setText(messages.get("editor.menu.defaultDeny", namespace));
            if (editor.hasDefaultDeny(namespace)) {
                item.setText(messages.get("editor.menu.defaultDeny.present", namespace));
                item.setDisable(true);
            }
            return List.of(item);
        }
        return List.of();
    }

    private MenuItem item(String key, String id, Runnable action) {
        MenuItem item = new MenuItem(messages.get(key));
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    @Override
    public void link(String fromNode, String toNode) {
        editor.intend(fromNode, toNode);
    }

    @Override
    public boolean canLink(String fromNode, String toNode) {
        return editor.canIntend(fromNode, toNode);
    }
}
