package dev.trustmap.ui.editor;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;

/** The "+" buttons beside the form's list fields: the mesh's choices, ticked when the field holds them. */
final class Pickers {
    private Pickers() {}

    /** Fills {@code button} with {@code choices} when it opens; choosing one adds it to the field or removes it. */
    static void attach(MenuButton button, ObservableList<String> choices, TextField field) {
        button.setOnShowing(e -> {
            List<String> held = FormFields.split(field.getText());
            List<CheckMenuItem> items = new ArrayList<>();
            for (String choice : choices) {
                CheckMenuItem item = new CheckMenuItem(choice);
                item.setSelected(held.contains(choice));
                item.setOnAction(a -> toggle(field, choice));
                items.add(item);
            }
            button.getItems().setAll(items);
        });
        // A MenuButton without items does not open, so it needs one before the first click.
        button.getItems().setAll(new CheckMenuItem("…"));
        button.disableProperty().bind(field.disabledProperty());
    }

    private static void toggle(TextField field, String choice) {
        List<String> values = new ArrayList<>(FormFields.split(field.getText()));
        if (!values.remove(choice)) {
            values.add(choice);
        }
        field.setText(String.join(", ", values));
    }
}
