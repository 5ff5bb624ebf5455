package dev.trustmap.ui.main;

import dev.trustmap.ui.common.Messages;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/** Keeps the toolbar's namespace box and the graph's namespace filter in step; "" is shown as "All namespaces". */
final class NamespaceBox {
    private final ComboBox<String> box;
    private final StringProperty filter;

    private NamespaceBox(ComboBox<String> box, StringProperty filter) {
        this.box = box;
        this.filter = filter;
    }

    static void bind(
            ComboBox<String> box, ObservableList<String> namespaces, StringProperty filter, Messages messages) {
        NamespaceBox binding = new NamespaceBox(box, filter);
        String all = messages.get("toolbar.namespace.all");
        box.setItems(namespaces);
        box.setConverter(new Converter(all));
        box.getSelectionModel().select(filter.get());
        // A new source replaces the items and may clear the value; null means no filter, so say so, not a blank.
        box.setPromptText(all);
        box.valueProperty().addListener((obs, old, now) -> filter.set(now == null ? "" : now));
        filter.addListener((obs, old, now) -> binding.show(false));
        namespaces.addListener((ListChangeListener<String>) change -> binding.show(true));
    }

    /** Shows the filter in the box; new items can leave the box's cell blank although its value stays, so re-set it. */
    private void show(boolean itemsChanged) {
        String current = filter.get();
        if (itemsChanged) {
            // The box's skin reacts to new items after this listener and blanks its cell, so select afterwards.
            javafx.application.Platform.runLater(() -> {
                box.getSelectionModel().clearSelection();
                box.getSelectionModel().select(filter.get());
            });
        } else if (!current.equals(box.getValue())) {
            box.getSelectionModel().select(current);
        }
    }

    /** Shows "All namespaces" for the empty filter. */
    private static final class Converter extends StringConverter<String> {
        private final String all;

        Converter(String all) {
            this.all = all;
        }

        @Override
        public String toString(String namespace) {
            return namespace == null || namespace.isEmpty() ? all : namespace;
        }

        @Override
        public String fromString(String text) {
            return text;
        }
    }
}
