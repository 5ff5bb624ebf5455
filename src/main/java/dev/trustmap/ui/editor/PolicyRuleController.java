package dev.trustmap.ui.editor;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Binds one rule of the AuthorizationPolicy form: its sources and operations (blocks), conditions and problems. */
public final class PolicyRuleController {
    private final RuleFormViewModel rule;
    private final FormChoices choices;
    private final Consumer<RuleFormViewModel> remove;

    @FXML
    private ResourceBundle resources;

    @FXML
    private VBox root;

    @FXML
    private Label titleLabel;

    @FXML
    private Label hintLabel;

    @FXML
    private Label problemsLabel;

    @FXML
    private VBox sourcesBox;

    @FXML
    private VBox operationsBox;

    @FXML
    private VBox conditionsBox;

    PolicyRuleController(RuleFormViewModel rule, FormChoices choices, Consumer<RuleFormViewModel> remove) {
        this.rule = rule;
        this.choices = choices;
        this.remove = remove;
    }

    @FXML
    private void initialize() {
        problemsLabel.textProperty().bind(rule.problemsProperty());
        problemsLabel.visibleProperty().bind(rule.problemsProperty().isNotEmpty());
        problemsLabel.managedProperty().bind(problemsLabel.visibleProperty());
        hintLabel.setTooltip(new Tooltip(resources.getString("editor.form.rule.everything")));
        InvalidationListener hint = obs ->
                hintLabel.setText(rule.matchesEverything() ? resources.getString("editor.form.rule.everything") : "");
        for (var observable : rule.observables()) {
            observable.addListener(hint);
        }
        hint.invalidated(null);
        onMembership(rule.conditions(), this::showConditions);
        onMembership(rule.sources(), () -> showEntries(sourcesBox, rule.sources()));
        onMembership(rule.operations(), () -> showEntries(operationsBox, rule.operations()));
        showConditions();
        showEntries(sourcesBox, rule.sources());
        showEntries(operationsBox, rule.operations());
    }

    /** Runs {@code show} when items are added, removed or moved (not when one of them changes). */
    private static <T> void onMembership(ObservableList<T> list, Runnable show) {
        list.addListener((ListChangeListener<T>) change -> {
            while (change.next()) {
                if (change.wasAdded() || change.wasRemoved() || change.wasPermutated()) {
                    show.run();
                    return;
                }
            }
        });
    }

    private void showEntries(VBox box, List<RuleEntryFormViewModel> entries) {
        box.getChildren().clear();
        for (int i = 0; i < entries.size(); i++) {
            box.getChildren().add(RuleEntryBlock.of(entries.get(i), i, choices, resources, rule::removeEntry));
        }
    }

    private void showConditions() {
        conditionsBox.getChildren().clear();
        rule.conditions().forEach(c -> conditionsBox.getChildren().add(conditionRow(c)));
    }

    private Node conditionRow(ConditionFormViewModel condition) {
        ComboBox<String> key = new ComboBox<>(choices.conditionKeys());
        key.setEditable(true);
        key.getEditor().textProperty().bindBidirectional(condition.keyProperty());
        key.setPromptText(resources.getString("editor.form.when.key"));
        key.setPrefWidth(190);
        TextField values = field(condition.valuesProperty().get(), "editor.form.when.values");
        values.textProperty().bindBidirectional(condition.valuesProperty());
        TextField notValues = field(condition.notValuesProperty().get(), "editor.form.when.notValues");
        notValues.textProperty().bindBidirectional(condition.notValuesProperty());
        Button delete = new Button("\u2715");
        delete.setTooltip(new Tooltip(resources.getString("editor.form.when.remove")));
        delete.setOnAction(e -> rule.removeCondition(condition));
        HBox row = new HBox(
                4,
                new Label(resources.getString("editor.form.when")),
                key,
                values,
                new Label(resources.getString("editor.form.when.not")),
                notValues,
                delete);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row.getStyleClass().add("form-condition");
        if (condition.isLocked()) {
            key.setDisable(true);
            values.setDisable(true);
            notValues.setDisable(true);
        }
        return row;
    }

    private TextField field(String text, String promptKey) {
        TextField field = new TextField(text);
        field.setPromptText(resources.getString(promptKey));
        HBox.setHgrow(field, Priority.ALWAYS);
        return field;
    }

    /** Shows the rule's place in the policy (rules are numbered from 1 on screen, from 0 in YAML paths). */
    void setIndex(int index) {
        titleLabel.setText(MessageFormat.format(resources.getString("editor.form.rule"), index + 1, index));
        root.setId("rule-" + (index + 1));
    }

    Node root() {
        return root;
    }

    @FXML
    void addSource() {
        rule.addSource();
    }

    @FXML
    void addOperation() {
        rule.addOperation();
    }

    @FXML
    void addCondition() {
        rule.addCondition();
    }

    @FXML
    void remove() {
        remove.accept(rule);
    }
}
