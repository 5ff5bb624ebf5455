package dev.trustmap.ui.editor;

import dev.trustmap.ui.editor.PolicyFormViewModel.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Binds the AuthorizationPolicy and PeerAuthentication form to its view model; one rule card per rule. */
public final class PolicyFormController {
    private final PolicyFormViewModel viewModel;
    private final Map<RuleFormViewModel, PolicyRuleController> cards = new IdentityHashMap<>();

    @FXML
    private ResourceBundle resources;

    @FXML
    private ComboBox<String> loadBox;

    @FXML
    private Button addRuleButton;

    @FXML
    private Button applyPolicyButton;

    @FXML
    private ScrollPane scroll;

    @FXML
    private Label statusLabel;

    @FXML
    private ComboBox<String> namespaceBox;

    @FXML
    private TextField nameField;

    @FXML
    private ComboBox<String> selectorBox;

    @FXML
    private Label actionLabel;

    @FXML
    private ComboBox<String> actionBox;

    @FXML
    private Label providerLabel;

    @FXML
    private TextField providerField;

    @FXML
    private Label modeLabel;

    @FXML
    private ComboBox<String> modeBox;

    @FXML
    private Label portLevelLabel;

    @FXML
    private HBox portLevelBox;

    @FXML
    private TextField portLevelField;

    @FXML
    private MenuButton portLevelPick;

    @FXML
    private Label errorsLabel;

    @FXML
    private Label warningsLabel;

    @FXML
    private Label meaningLabel;

    @FXML
    private Label keptLabel;

    @FXML
    private VBox rulesPane;

    @FXML
    private Label rulesLabel;

    @FXML
    private VBox rulesBox;

    PolicyFormController(PolicyFormViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        FormChoices choices = viewModel.choices();
        bindLoad(choices);
        namespaceBox.setItems(choices.namespaces());
        namespaceBox.valueProperty().bindBidirectional(viewModel.namespaceProperty());
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        selectorBox.setItems(choices.selectors());
        selectorBox.getEditor().textProperty().bindBidirectional(viewModel.selectorProperty());
        actionBox.getItems().setAll("ALLOW", "DENY", "AUDIT", "CUSTOM");
        actionBox.valueProperty().bindBidirectional(viewModel.actionProperty());
        providerField.textProperty().bindBidirectional(viewModel.providerProperty());
        modeBox.getItems().setAll(PeerForm.MODES);
        modeBox.valueProperty().bindBidirectional(viewModel.peer().modeProperty());
        portLevelField.textProperty().bindBidirectional(viewModel.peer().portLevelProperty());
        Pickers.attach(portLevelPick, portModes(choices.ports()), portLevelField);
        applyPolicyButton.disableProperty().bind(viewModel.validProperty().not());
        bindReport(viewModel.report());
        bindKind();
        viewModel.rules().addListener((ListChangeListener<RuleFormViewModel>) change -> {
            while (change.next()) {
                if (!change.wasUpdated()) {
                    showRules();
                    return;
                }
            }
        });
        showRules();
    }

    /** The picker loads the chosen policy and shows what the form edits (nothing for a new one). */
    private void bindLoad(FormChoices choices) {
        loadBox.setItems(choices.loadable());
        loadBox.setCellFactory(list -> new KeyCell(choices));
        // A ComboBox whose value is cleared does not draw its prompt again unless its button cell does.
        loadBox.setButtonCell(new KeyCell(choices));
        // TODO(#5): choosing the policy the form already shows does not reload it (to drop edits, use Undo or New).
        loadBox.setOnAction(e -> {
            String key = loadBox.getValue();
            if (key != null && !key.equals(viewModel.loadedProperty().get())) {
                viewModel.load(key);
            }
        });
        viewModel.loadedProperty().addListener((obs, old, key) -> {
            if (key != null || viewModel.original() == null) {
                loadBox.setValue(key);
            }
        });
    }

    private static ObservableList<String> portModes(ObservableList<String> ports) {
        ObservableList<String> modes = FXCollections.observableArrayList();
        Runnable fill = () -> {
            List<String> all = new ArrayList<>();
            ports.forEach(p -> List.of("STRICT", "PERMISSIVE", "DISABLE").forEach(m -> all.add(p + "=" + m)));
            modes.setAll(all);
        };
        ports.addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
        return modes;
    }

    private void bindReport(FormReport report) {
        statusLabel.textProperty().bind(report.statusProperty());
        shown(errorsLabel, report.errorsProperty());
        shown(warningsLabel, report.warningsProperty());
        shown(meaningLabel, report.meaningProperty());
        // Field paths are long and have no spaces; a hair space after each dot lets them wrap between names.
        shown(
                keptLabel,
                Bindings.createStringBinding(
                        () -> report.keptProperty().get().replace(".", ".\u200a"), report.keptProperty()));
    }

    private static void shown(Label label, javafx.beans.value.ObservableStringValue text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
    }

    private void bindKind() {
        BooleanBinding policy = viewModel.kindProperty().isEqualTo(Kind.AUTHORIZATION_POLICY);
        BooleanBinding custom = policy.and(viewModel.actionProperty().isEqualTo("CUSTOM"));
        for (Node node : List.of(actionLabel, actionBox, rulesPane, addRuleButton)) {
            visibleWhen(node, policy);
        }
        for (Node node : List.of(providerLabel, providerField)) {
            visibleWhen(node, custom);
        }
        for (Node node : List.of(modeLabel, modeBox, portLevelLabel, portLevelBox)) {
            visibleWhen(node, policy.not());
        }
    }

    private static void visibleWhen(Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    private void showRules() {
        List<RuleFormViewModel> rules = viewModel.rules();
        cards.keySet().removeIf(r -> rules.stream().noneMatch(x -> x == r));
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            PolicyRuleController card = cards.computeIfAbsent(rules.get(i), this::card);
            card.setIndex(i);
            nodes.add(card.root());
        }
        rulesBox.getChildren().setAll(nodes);
        rulesLabel.setText(MessageFormat.format(resources.getString("editor.form.rules"), rules.size()));
    }

    private PolicyRuleController card(RuleFormViewModel rule) {
        FXMLLoader loader = new FXMLLoader(getClass().getResource("/fxml/editor/PolicyRule.fxml"), resources);
        PolicyRuleController controller = new PolicyRuleController(rule, viewModel.choices(), viewModel::removeRule);
        loader.setControllerFactory(type -> controller);
        try {
            loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the policy form's rule FXML", e);
        }
        return controller;
    }

    @FXML
    void newPolicy() {
        viewModel.newAuthorizationPolicy();
    }

    @FXML
    void newPeer() {
        viewModel.newPeerAuthentication();
    }

    /** Adds a rule and scrolls to it: it is the last card, usually below the short pane's fold. */
    @FXML
    void addRule() {
        viewModel.addRule();
        Node card = rulesBox.getChildren().get(rulesBox.getChildren().size() - 1);
        Platform.runLater(() -> {
            scroll.layout();
            double content = scroll.getContent().getBoundsInLocal().getHeight();
            double hidden = content - scroll.getViewportBounds().getHeight();
            double top =
                    scroll.getContent().sceneToLocal(card.localToScene(0, 0)).getY();
            scroll.setVvalue(hidden <= 0 ? 0 : Math.min(1, top / hidden) * scroll.getVmax());
        });
    }

    @FXML
    void apply() {
        viewModel.applyForm();
    }

    /** A loadable policy: {@code namespace/name · Kind}, marked when it comes from the draft. */
    private final class KeyCell extends ListCell<String> {
        private final FormChoices choices;

        KeyCell(FormChoices choices) {
            this.choices = choices;
        }

        @Override
        protected void updateItem(String key, boolean empty) {
            super.updateItem(key, empty);
            setText(
                    empty || key == null
                            ? loadBox.getPromptText()
                            : choices.label(key, resources.getString("editor.form.load.draft")));
        }
    }
}
