package dev.trustmap.ui.editor;

import dev.trustmap.ui.editor.RuleFormViewModel.Field;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Binds one rule of the AuthorizationPolicy form: its list fields, pickers, conditions and problems. */
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
    private TextField principalsField;

    @FXML
    private MenuButton principalsPick;

    @FXML
    private TextField notPrincipalsField;

    @FXML
    private TextField namespacesField;

    @FXML
    private MenuButton namespacesPick;

    @FXML
    private TextField notNamespacesField;

    @FXML
    private TextField portsField;

    @FXML
    private MenuButton portsPick;

    @FXML
    private TextField methodsField;

    @FXML
    private MenuButton methodsPick;

    @FXML
    private TextField pathsField;

    @FXML
    private VBox conditionsBox;

    PolicyRuleController(RuleFormViewModel rule, FormChoices choices, Consumer<RuleFormViewModel> remove) {
        this.rule = rule;
        this.choices = choices;
        this.remove = remove;
    }

    @FXML
    private void initialize() {
        bind(principalsField, Field.PRINCIPALS);
        bind(notPrincipalsField, Field.NOT_PRINCIPALS);
        bind(namespacesField, Field.NAMESPACES);
        bind(notNamespacesField, Field.NOT_NAMESPACES);
        bind(portsField, Field.PORTS);
        bind(methodsField, Field.METHODS);
        bind(pathsField, Field.PATHS);
        Pickers.attach(principalsPick, choices.principals(), principalsField);
        Pickers.attach(namespacesPick, choices.namespaces(), namespacesField);
        Pickers.attach(portsPick, choices.ports(), portsField);
        Pickers.attach(methodsPick, choices.methods(), methodsField);
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
        rule.conditions().addListener((ListChangeListener<ConditionFormViewModel>) change -> {
            while (change.next()) {
                if (change.wasAdded() || change.wasRemoved() || change.wasPermutated()) {
                    showConditions();
                    return;
                }
            }
        });
        showConditions();
    }

    private void bind(TextField field, Field which) {
        field.textProperty().bindBidirectional(rule.text(which));
        field.setId("rule-" + which.yaml());
        if (rule.isLocked(which)) {
            field.setDisable(true);
            field.setTooltip(new Tooltip(resources.getString("editor.form.locked")));
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
    void addCondition() {
        rule.addCondition();
    }

    @FXML
    void remove() {
        remove.accept(rule);
    }
}
