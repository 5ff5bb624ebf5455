package dev.trustmap.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.ui.graph.GraphView;
import dev.trustmap.ui.main.MainWindow;
import dev.trustmap.ui.main.TrustmapApp;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The draft's main flows on a real window, headless: gestures, undo, the form, a restart, a screenshot. */
class DraftWindowTest extends LabDraftWindow {
    @Start
    void start(Stage stage) throws IOException {
        open(stage);
    }

    /** The text a label draws: its text, or a shortened form with an ellipsis when it does not fit. */
    static String shownText(Label label) {
        return ((javafx.scene.text.Text) label.lookup(".text")).getText();
    }

    private void rightClickEdge(FxRobot robot) {
        GraphView graph = window.graphView();
        Point2D middle = graph.pixelOf("payments/payments").midpoint(graph.pixelOf("payments/ledger"));
        robot.rightClickOn(graph.node().localToScreen(middle));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void denyThisTurnsTheEdgeAndUndoRestoresIt(FxRobot robot) throws Exception {
        awaitLab();
        assertThat(edgeClass(window)).isEqualTo("allow_policy, mtls");
        rightClickEdge(robot);
        robot.clickOn("Deny this");
        awaitClass(window, "would_break, deny, mtls");
        EditorViewModel editor = app.editor().viewModel();
        assertThat(editor.changes())
                .anySatisfy(row -> assertThat(row).startsWith("Would break: payments/payments → payments/ledger:80"));
        assertThat(editor.diffTextProperty().get()).contains("+  name: trustmap-deny-ledger");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> editor.summaryProperty().get().startsWith("1 resource changed \u00b7 1 edge would break"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownText(robot.lookup("#summaryLabel").queryAs(Label.class)))
                .as("the draft summary is not cut short")
                .isEqualTo(editor.summaryProperty().get());
        assertThat(window.viewModel()
                        .graph()
                        .visibleProperty()
                        .get()
                        .edge(EDGE)
                        .orElseThrow()
                        .summary())
                .contains("req/s")
                .contains("would break");
        robot.interact(() -> window.viewModel().graph().select(dev.trustmap.ui.graph.Selection.edge(EDGE)));
        assertThat(window.viewModel().inspector().text())
                .as("the inspector shows the draft's verdict")
                .contains("trustmap-deny-ledger");
        writeScreenshot("draft.png");

        robot.clickOn(window.graphView().node());
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        awaitClass(window, "allow_policy, mtls");
        assertThat(editor.draft().isEmpty()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        awaitClass(window, "would_break, deny, mtls");
    }

    @Test
    void theFormPutsAPolicyIntoTheYamlAndTheGraph(FxRobot robot) throws Exception {
        awaitLab();
        PolicyFormViewModel form = app.editor().viewModel().form();
        robot.interact(() -> {
            robot.lookup("#formTab").queryAs(javafx.scene.Node.class);
            TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(2);
            form.namespaceProperty().set("payments");
            form.nameProperty().set("ledger-lockdown");
            form.selectorProperty().set("app=ledger");
            form.actionProperty().set("DENY");
            form.rules().get(0).text(RuleFormViewModel.Field.PRINCIPALS).set("cluster.local/ns/payments/sa/payments");
        });
        // "Add source" shows a second source block, ORed with the first, with its own fields.
        javafx.scene.Node rule = robot.lookup("#rule-1").query();
        assertThat(robot.from(rule).lookup("#rule-principals-2").tryQuery()).isEmpty();
        javafx.scene.Node addSource =
                robot.from(rule).lookup("#addSourceButton").query();
        scrollIntoView(robot, addSource);
        robot.clickOn(addSource);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(rule).lookup("#rule-source-2").tryQuery()).isPresent();
        TextField second = robot.from(rule).lookup("#rule-principals-2").queryAs(TextField.class);
        scrollIntoView(robot, second);
        robot.clickOn(second).write("cluster.local/ns/payments/sa/payments-batch");
        assertThat(form.rules().get(0).sources()).hasSize(2);
        robot.clickOn("#applyPolicyButton");
        awaitClass(window, "would_break, deny, mtls");
        assertThat(app.editor().viewModel().yaml().textProperty().get())
                .contains("- cluster.local/ns/payments/sa/payments-batch")
                .contains("name: ledger-lockdown")
                .contains("action: DENY")
                .contains("- cluster.local/ns/payments/sa/payments");
    }

    @Test
    void aLabPolicyLoadedInTheFormTakesASecondRuleThatTurnsTheEdge(FxRobot robot) throws Exception {
        // The README's screenshot of the form: at 1600x1000 the graph above it keeps its labels apart.
        robot.interact(() -> {
            stage.setWidth(1600);
            stage.setHeight(1000);
        });
        awaitLab();
        String notify = "payments/payments -> messaging/notifications:80";
        assertThat(edgeClass(window, notify)).startsWith("allow");
        PolicyFormViewModel form = app.editor().viewModel().form();
        robot.interact(() ->
                robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(2));
        robot.clickOn("#loadBox");
        // The picker lists some 30 policies; choose by key (the list scrolls, so the row may not be drawn).
        robot.interact(() -> robot.lookup("#loadBox")
                .queryComboBox()
                .getSelectionModel()
                .select("AuthorizationPolicy messaging/notifications-no-admin"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(form.rules()).hasSize(1);
        assertThat(robot.lookup(".form-kept").queryAs(Label.class).getText().replace("\u200a", ""))
                .contains("spec.rules[0].to[0].operation.notPaths");

        // The divider dragged up, as one would to see the rules (and for the README's screenshot).
        robot.interact(() -> robot.lookup((javafx.scene.control.SplitPane split) ->
                        split.getOrientation() == javafx.geometry.Orientation.VERTICAL)
                .queryAs(javafx.scene.control.SplitPane.class)
                .setDividerPositions(0.5));
        robot.clickOn("#addRuleButton");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node second = robot.lookup("#rule-2").query();
        TextField principals = robot.from(second).lookup("#rule-principals").queryAs(TextField.class);
        TextField methods = robot.from(second).lookup("#rule-methods").queryAs(TextField.class);
        scrollIntoView(robot, principals);
        robot.clickOn(principals).write("cluster.local/ns/payments/sa/payments");
        scrollIntoView(robot, methods);
        robot.clickOn(methods).write("POST");
        assertThat(robot.lookup(".form-meaning").queryAs(Label.class).getText())
                .startsWith("DENY: a request to 1 workload in messaging with app=notifications")
                .contains("2 rules");
        robot.clickOn("Fit");
        writeScreenshot("draft-form.png");
        robot.clickOn("#applyPolicyButton");

        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> edgeClass(window, notify).contains("would_break"));
        assertThat(edgeClass(window, notify).split(", ")).contains("deny", "would_break");
        String yaml = app.editor().viewModel().yaml().textProperty().get();
        assertThat(yaml)
                .contains("name: notifications-no-admin")
                .contains("- /admin/*")
                .contains("notPaths:")
                .contains("- cluster.local/ns/payments/sa/payments")
                .contains("- POST");
        assertThat(java.util.regex.Pattern.compile("(?m)^    - (to|from):")
                        .matcher(yaml)
                        .results()
                        .count())
                .as("two rules")
                .isEqualTo(2);

        backFromTheChangesList(robot, form, "AuthorizationPolicy messaging/notifications-no-admin");
    }

    /** The Changes list names the edited policy; its menu opens the draft's version in the form. */
    private void backFromTheChangesList(FxRobot robot, PolicyFormViewModel form, String policy) throws Exception {
        EditorViewModel editor = app.editor().viewModel();
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> editor.changes().stream().anyMatch(r -> r.startsWith(policy + ":")));
        for (String row : List.copyOf(editor.changes())) {
            assertThat(editor.formKeyOf(row))
                    .as("the Changes row %s opens in the form only when it names a resource", row)
                    .isEqualTo(row.startsWith(policy + ":") ? Optional.of(policy) : Optional.empty());
        }

        // From the Changes list back into the form: the draft's version, with both rules.
        robot.clickOn("#newPolicyButton");
        robot.interact(() ->
                robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(0));
        javafx.scene.control.ListView<?> changes = robot.lookup("#changesList").queryListView();
        // Headless Monocle sends no context-menu request on a right click; select the row and open the list's menu
        // in one step (a traffic tick refills the list and clears its selection).
        robot.interact(() -> {
            int index = List.copyOf(editor.changes())
                    .indexOf(editor.changes().stream()
                            .filter(r -> r.startsWith(policy + ":"))
                            .findFirst()
                            .orElseThrow());
            changes.scrollTo(index);
            changes.getSelectionModel().select(index);
            javafx.geometry.Bounds bounds = changes.localToScreen(changes.getBoundsInLocal());
            changes.getContextMenu().show(changes, bounds.getMinX() + 40, bounds.getMinY() + 20);
        });
        robot.clickOn("Edit in form");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#tabs")
                        .queryAs(TabPane.class)
                        .getSelectionModel()
                        .getSelectedIndex())
                .isEqualTo(2);
        assertThat(form.rules()).hasSize(2);
        assertThat(form.report().statusProperty().get()).isEqualTo("Editing " + policy + " (from the draft).");
    }

    @Test
    void theInspectorOpensTheDecidingPolicyInTheForm(FxRobot robot) throws Exception {
        awaitLab();
        robot.interact(() -> window.viewModel().graph().select(dev.trustmap.ui.graph.Selection.edge(EDGE)));
        WaitForAsyncUtils.waitForFxEvents();
        // The inspector redraws on every traffic tick, so find the row and use its menu in one FX step.
        robot.interact(() -> robot.lookup(
                        (Label l) -> l.getContextMenu() != null && l.getText().contains("ledger-callers"))
                .queryAs(Label.class)
                .getContextMenu()
                .getItems()
                .get(0)
                .fire());
        WaitForAsyncUtils.waitForFxEvents();
        PolicyFormViewModel form = app.editor().viewModel().form();
        assertThat(form.nameProperty().get()).isEqualTo("ledger-callers");
        assertThat(form.rules()).hasSize(3);
        assertThat(robot.lookup("#tabs")
                        .queryAs(TabPane.class)
                        .getSelectionModel()
                        .getSelectedIndex())
                .isEqualTo(2);
    }

    @Test
    void aBadYamlEditShowsItsLineAndAGoodOneApplies(FxRobot robot) throws Exception {
        awaitLab();
        robot.interact(() ->
                robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        org.fxmisc.richtext.CodeArea yaml = robot.lookup("#yamlArea").queryAs(org.fxmisc.richtext.CodeArea.class);
        robot.interact(() -> yaml.replaceText("apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n"
                + "  name: x\n  namespace: payments\nspec:\n  action: DENNY\n"));
        EditorViewModel editor = app.editor().viewModel();
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> editor.yaml().errorLineProperty().get() == 7
                        && !editor.yaml().errorProperty().get().isEmpty());
        assertThat(editor.yaml().errorProperty().get()).contains("draft.yaml:7").contains("spec.action");
        robot.interact(() -> yaml.replaceText("apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n"
                + "  name: x\n  namespace: payments\nspec:\n  selector:\n    matchLabels: {app: ledger}\n"
                + "  action: DENY\n  rules:\n  - {}\n"));
        awaitClass(window, "would_break, deny, mtls");
        assertThat(editor.yaml().errorProperty().get()).isEmpty();
    }

    @Test
    void aSyntaxErrorNamesTheEditorLineAndTheLinkSelectsIt(FxRobot robot) throws Exception {
        awaitLab();
        robot.interact(() ->
                robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        org.fxmisc.richtext.CodeArea yaml = robot.lookup("#yamlArea").queryAs(org.fxmisc.richtext.CodeArea.class);
        robot.interact(() -> yaml.replaceText("apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n"
                + "  name: x\n  labels: [oops\n  namespace: payments\nspec:\n  action: DENY\n"));
        EditorViewModel editor = app.editor().viewModel();
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> !editor.yaml().errorProperty().get().isEmpty()
                        && editor.yaml().errorLineProperty().get() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor.yaml().errorLineProperty().get()).isEqualTo(5);
        assertThat(editor.yaml().errorProperty().get())
                .startsWith("draft.yaml:5:")
                .contains("column 11");
        javafx.scene.control.Hyperlink link =
                robot.lookup("#yamlErrorLink").queryAs(javafx.scene.control.Hyperlink.class);
        assertThat(link.getText()).startsWith("Line 5: labels: [oops");
        assertThat(yaml.getParagraph(4).getParagraphStyle())
                .as("the error line is marked in place")
                .containsExactly(EditorController.ERROR_LINE);
        assertThat(yaml.getParagraph(3).getParagraphStyle()).isEmpty();
        assertThat(yaml.getStyleOfChar(1)).as("apiVersion is a key").containsExactly(YamlHighlighter.KEY);

        robot.interact(() -> yaml.selectRange(0, 0));
        robot.clickOn(link);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(yaml.getSelectedText()).isEqualTo("  labels: [oops");
        writeScreenshot("draft-yaml-error.png");
    }

    @Test
    void flowStyleYamlIsADraftToo(FxRobot robot) throws Exception {
        awaitLab();
        robot.interact(() ->
                robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        org.fxmisc.richtext.CodeArea yaml = robot.lookup("#yamlArea").queryAs(org.fxmisc.richtext.CodeArea.class);
        robot.interact(() -> yaml.replaceText("{apiVersion: security.istio.io/v1, kind: AuthorizationPolicy,"
                + " metadata: {name: x, namespace: payments},\n spec: {selector: {matchLabels: {app: ledger}},"
                + " action: DENY, rules: [{}]}}\n"));

        awaitClass(window, "would_break, deny, mtls");
        assertThat(app.editor().viewModel().yaml().errorProperty().get()).isEmpty();
    }

    @Test
    void allowOnlyThisNamesTheOtherPoliciesThatStillAllowOtherCallers(FxRobot robot) throws Exception {
        awaitLab();
        EditorViewModel editor = app.editor().viewModel();
        java.util.Set<String> stillAllowed = new java.util.TreeSet<>();
        window.viewModel().graph().visibleProperty().get().edges().stream()
                .map(e -> e.assessment())
                .filter(a -> a.request().to().id().equals("payments/ledger"))
                .filter(a -> !a.edge().sourceId().equals("payments/payments"))
                .filter(a -> "ALLOW".equals(a.verdict().authz().action())
                        && a.verdict().decision() != dev.trustmap.engine.Decision.DENY)
                .forEach(a -> stillAllowed.add(a.verdict().authz().policy() + " still allows"));
        assertThat(stillAllowed).as("the lab's ledger has other ALLOW policies").isNotEmpty();

        rightClickEdge(robot);
        robot.clickOn("Allow only this");

        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> !editor.noticeProperty().get().isEmpty());
        assertThat(editor.noticeProperty().get())
                .startsWith("Not only this: ALLOW policies add up, so other callers of payments/ledger stay allowed")
                .contains(stillAllowed);
        writeScreenshot("draft-allow-only.png");
    }

    @Test
    void defaultDenyWhereAnAllowNothingExistsSaysSoAndChangesNothing(FxRobot robot) throws Exception {
        awaitLab();
        EditorViewModel editor = app.editor().viewModel();
        assertThat(editor.hasDefaultDeny("payments"))
                .as("the lab's payments has an allow-nothing")
                .isTrue();

        robot.interact(() -> editor.defaultDeny("payments"));

        assertThat(editor.noticeProperty().get()).startsWith("Namespace payments already has an allow-nothing");
        assertThat(editor.draft().isEmpty()).isTrue();
    }

    @Test
    void aWorkloadsInspectionListsTheDraftsPoliciesThatSelectIt(FxRobot robot) throws Exception {
        awaitLab();
        EditorViewModel editor = app.editor().viewModel();
        robot.interact(
                () -> window.viewModel().graph().select(dev.trustmap.ui.graph.Selection.node("payments/ledger")));
        assertThat(window.viewModel().inspector().text()).doesNotContain("trustmap-deny-ledger");

        robot.interact(() -> editor.deny(EDGE));
        // The selected workload's edges carry the class "related" first, so look at the verdict's classes after it.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> edgeClass(window).endsWith("would_break, deny, mtls"));

        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> window.viewModel()
                        .inspector()
                        .text()
                        .contains("payments/trustmap-deny-ledger DENY, 1 rule (draft)"));
        assertThat(window.viewModel().inspector().text())
                .as("a policy the draft leaves as it is is not marked")
                .contains("payments/ledger-callers ALLOW")
                .doesNotContainPattern("ledger-callers ALLOW, [^\\n]*\\(draft\\)");
        robot.interact(editor::undo);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> edgeClass(window).endsWith("allow_policy, mtls"));
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> !window.viewModel().inspector().text().contains("trustmap-deny-ledger"));
    }

    @Test
    void aRestartOffersTheDraftBack(FxRobot robot) throws Exception {
        awaitLab();
        robot.interact(() -> app.editor().viewModel().deny(EDGE));
        awaitClass(window, "would_break, deny, mtls");
        assertThat(dev.trustmap.analysis.workspace.DraftFiles.lab(home)).exists();
        WaitForAsyncUtils.asyncFx(app::stop).get();

        TrustmapApp again = new TrustmapApp(home);
        MainWindow[] reopened = new MainWindow[1];
        robot.interact(() -> reopened[0] = again.open(new Stage(), null));
        app = again;
        window = reopened[0];
        awaitLab();
        awaitClass(window, "would_break, deny, mtls");
        assertThat(again.editor().viewModel().noticeProperty().get()).startsWith("Restored your draft");
    }

    /** Scrolls the form so the node is in view, as a user would before clicking it. */
    private static void scrollIntoView(FxRobot robot, javafx.scene.Node node) {
        robot.interact(() -> {
            javafx.scene.Parent parent = node.getParent();
            while (parent != null && !(parent instanceof javafx.scene.control.ScrollPane)) {
                parent = parent.getParent();
            }
            if (parent instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
                javafx.geometry.Bounds content = scroll.getContent().getLayoutBounds();
                javafx.geometry.Bounds at = scroll.getContent().sceneToLocal(node.localToScene(node.getLayoutBounds()));
                double room = content.getHeight() - scroll.getViewportBounds().getHeight();
                if (room > 0) {
                    scroll.setVvalue(Math.max(0, Math.min(1, (at.getMinY() - 20) / room)));
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
