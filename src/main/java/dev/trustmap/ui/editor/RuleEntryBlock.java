package dev.trustmap.ui.editor;

import dev.trustmap.ui.editor.RuleFormViewModel.Field;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The block of one source or operation of a rule: its list fields, with pickers where the mesh has choices, and a
 * remove button. Field ids are {@code rule-principals} for the first entry and {@code rule-principals-2} and so on
 * for the next ones, so they stay unique within a rule.
 */
final class RuleEntryBlock {
    private final RuleEntryFormViewModel entry;
    private final String suffix;
    private final FormChoices choices;
    private final ResourceBundle resources;
    private final GridPane grid = new GridPane();

    private RuleEntryBlock(RuleEntryFormViewModel entry, int index, FormChoices choices, ResourceBundle resources) {
        this.entry = entry;
        this.suffix = index == 0 ? "" : "-" + (index + 1);
        this.choices = choices;
        this.resources = resources;
    }

    /** The block of the entry at {@code index} (from 0) of its list; the remove button hands it to {@code remove}. */
    static Node of(
            RuleEntryFormViewModel entry,
            int index,
            FormChoices choices,
            ResourceBundle resources,
            Consumer<RuleEntryFormViewModel> remove) {
        return new RuleEntryBlock(entry, index, choices, resources).build(remove);
    }

    private Node build(Consumer<RuleEntryFormViewModel> remove) {
        grid.setHgap(6);
        grid.setVgap(4);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        ColumnConstraints some = new ColumnConstraints();
        some.setHgrow(Priority.SOMETIMES);
        grid.getColumnConstraints().addAll(fixed(), grow, fixed(), some, fixed());
        String kind = entry.isSource() ? "source" : "operation";
        grid.getStyleClass().add("form-entry");
        grid.setId("rule-" + kind + suffix);
        if (entry.isSource()) {
            row(
                    0,
                    Field.PRINCIPALS,
                    "editor.form.principals",
                    choices.principals(),
                    Field.NOT_PRINCIPALS,
                    "editor.form.notPrincipals",
                    null);
            row(
                    1,
                    Field.NAMESPACES,
                    "editor.form.fromNamespaces",
                    choices.namespaces(),
                    Field.NOT_NAMESPACES,
                    "editor.form.notNamespaces",
                    null);
        } else {
            row(
                    0,
                    Field.PORTS,
                    "editor.form.ports",
                    choices.ports(),
                    Field.METHODS,
                    "editor.form.methods",
                    choices.methods());
            Label label = new Label(resources.getString("editor.form.paths"));
            grid.add(label, 0, 1);
            grid.add(field(Field.PATHS), 1, 1, 3, 1);
        }
        Button delete = new Button("\u2715");
        delete.setId("rule-remove-" + kind + suffix);
        delete.setTooltip(new Tooltip(resources.getString("editor.form.remove." + kind)));
        delete.setOnAction(e -> remove.accept(entry));
        grid.add(delete, 4, 0);
        return grid;
    }

    private static ColumnConstraints fixed() {
        ColumnConstraints column = new ColumnConstraints();
        column.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return column;
    }

    /** A row: a field with a picker, then a second field with a picker when {@code secondChoices} is not null. */
    private void row(
            int row,
            Field first,
            String firstLabel,
            ObservableList<String> firstChoices,
            Field second,
            String secondLabel,
            ObservableList<String> secondChoices) {
        grid.add(new Label(resources.getString(firstLabel)), 0, row);
        grid.add(picked(field(first), firstChoices, 18, 60), 1, row);
        grid.add(new Label(resources.getString(secondLabel)), 2, row);
        TextField secondField = field(second);
        grid.add(secondChoices == null ? sized(secondField, 9, 50) : picked(secondField, secondChoices, 9, 50), 3, row);
    }

    private static TextField sized(TextField field, int columns, double minWidth) {
        field.setPrefColumnCount(columns);
        field.setMinWidth(minWidth);
        return field;
    }

    private static Node picked(TextField field, ObservableList<String> choices, int columns, double minWidth) {
        MenuButton pick = new MenuButton("+");
        pick.getStyleClass().add("form-pick");
        Pickers.attach(pick, choices, field);
        HBox.setHgrow(sized(field, columns, minWidth), Priority.ALWAYS);
        return new HBox(2, field, pick);
    }

    private TextField field(Field which) {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(entry.text(which));
        field.setId("rule-" + which.yaml() + suffix);
        if (which == Field.PRINCIPALS || which == Field.PATHS) {
            field.setPromptText(resources.getString("editor.form." + which.yaml() + ".prompt"));
        }
        if (entry.isLocked(which)) {
            field.setDisable(true);
            field.setTooltip(new Tooltip(resources.getString("editor.form.locked")));
        }
        return field;
    }
}
