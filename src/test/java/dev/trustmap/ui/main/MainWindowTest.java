package dev.trustmap.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.ui.graph.GraphView;
import dev.trustmap.ui.graph.Selection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.graphstream.graph.Edge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main flows on a real window, headless (Monocle): lab, graph classes, clicking an edge, search, bad folder. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static final String EDGE = "payments/payments -> payments/ledger:80";

    private final TrustmapApp app = new TrustmapApp();
    private MainWindow window;

    @TempDir
    Path folder;

    @Start
    void start(Stage stage) {
        window = app.open(stage, null);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(app::stop).get();
    }

    private void awaitLab() throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> window.graphView().graph().getNodeCount() == 21);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void opensOnTheLabWithStyledNodesAndEdges(FxRobot robot) throws Exception {
        awaitLab();
        GraphView graph = window.graphView();
        assertThat(graph.graph().getNode("unknown").getAttribute("ui.class")).isEqualTo("external");
        assertThat(graph.graph()
                        .getNode("legacy/core-banking-adapter")
                        .getAttribute("ui.class")
                        .toString())
                .startsWith("no_sidecar, ns");
        assertThat(graph.graph().getEdgeCount()).isEqualTo(33);
        Edge broken = graph.graph().getEdge("legacy/core-banking-adapter -> payments/ledger:80");
        assertThat(broken.getAttribute("ui.class")).isEqualTo("deny, broken");
        assertThat(graph.graph().getEdge(EDGE).getAttribute("ui.class")).isEqualTo("allow_policy, mtls");
        assertThat(robot.lookup("#legend").tryQuery()).isPresent();
        assertThat(window.viewModel().countsProperty().get()).startsWith("20 workloads");
    }

    @Test
    void aLongStatusMessageIsTheOneCutShortAndShowsWholeInItsTooltip(FxRobot robot) throws Exception {
        awaitLab();
        javafx.scene.control.Label message = new javafx.scene.control.Label(
                "Applied 3 resources to kind-dev as kube-admin; 2 edges now denied. ".repeat(6));
        robot.interact(() -> window.addToStatusBar(message));
        WaitForAsyncUtils.waitForFxEvents();

        for (String id : List.of("#sourceLabel", "#countsLabel", "#updatedLabel")) {
            javafx.scene.control.Label label = robot.from(
                            robot.lookup(".status-bar").queryAs(javafx.scene.Node.class))
                    .lookup(id)
                    .queryAs(javafx.scene.control.Label.class);
            assertThat(shown(label)).as(id).isEqualTo(label.getText()).isNotEmpty();
        }
        assertThat(shown(message)).as("the message is the one cut short").isNotEqualTo(message.getText());
        assertThat(message.getTooltip().getText()).isEqualTo(message.getText());
    }

    private static String shown(javafx.scene.control.Label label) {
        return ((javafx.scene.text.Text) label.lookup(".text")).getText();
    }

    @Test
    void clickingAnEdgeShowsItsDecidingPolicy(FxRobot robot) throws Exception {
        awaitLab();
        GraphView graph = window.graphView();
        Point2D from = graph.pixelOf("payments/payments");
        Point2D to = graph.pixelOf("payments/ledger");
        Point2D middle = graph.node().localToScreen(from.midpoint(to));
        robot.clickOn(middle);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.viewModel().graph().selectionProperty().get()).isEqualTo(Selection.edge(EDGE));
        assertThat(window.viewModel().inspector().text())
                .contains("Decided by payments/ledger-callers (ALLOW), rule 0");
        robot.lookup("payments/ledger-callers (ALLOW), rule 0").tryQuery().ifPresent(n -> assertThat(n.isVisible()));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.viewModel().graph().selectionProperty().get()).isEqualTo(Selection.NONE);
    }

    @Test
    void searchSelectsAndCentresAWorkload(FxRobot robot) throws Exception {
        awaitLab();
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TextField search = robot.lookup(".text-field").queryAs(TextField.class);
        assertThat(search.isFocused()).isTrue();
        robot.write("fraud").press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.viewModel().graph().selectionProperty().get())
                .isEqualTo(Selection.node("payments/fraud-check"));
        assertThat(window.graphView().graph().getNode("payments/fraud-check").hasAttribute("ui.selected"))
                .isTrue();
        assertThat(window.viewModel().inspector().text()).contains("payments/fraud-check-callers");
        var centre = window.graphView().camera().getViewCenter();
        var node = window.viewModel().graph().positionsProperty().get().get("payments/fraud-check");
        assertThat(centre.x).isCloseTo(node.x(), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(centre.y).isCloseTo(node.y(), org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void hoveringAnEdgeShowsItsRate(FxRobot robot) throws Exception {
        awaitLab();
        GraphView graph = window.graphView();
        Point2D middle = graph.pixelOf("payments/payments").midpoint(graph.pixelOf("payments/ledger"));
        robot.moveTo(graph.node().localToScreen(middle));
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup(".graph-tooltip").tryQuery().isPresent());
        javafx.scene.control.Labeled text = robot.lookup(".graph-tooltip")
                .lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Labeled)
                .queryLabeled();
        assertThat(text.getText())
                .contains("payments/payments → payments/ledger:80")
                .contains("req/s");
    }

    @Test
    void theNamespaceFilterAndZoomKeysChangeTheView(FxRobot robot) throws Exception {
        awaitLab();
        ComboBox<String> namespaces = robot.lookup(".combo-box").queryAs(ComboBox.class);
        robot.interact(() -> namespaces.getSelectionModel().select("legacy"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.graphView().graph().getNode("legacy/core-banking-adapter"))
                .isNotNull();
        assertThat(window.graphView().graph().getNode("identity/users-db")).isNull();
        double before = window.graphView().camera().getViewPercent();
        robot.clickOn(window.graphView().node());
        robot.type(KeyCode.MINUS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.graphView().camera().getViewPercent()).isGreaterThan(before);
    }

    @Test
    void aBrokenFolderShowsTheErrorDialogAndKeepsTheView(FxRobot robot) throws Exception {
        awaitLab();
        Files.writeString(folder.resolve("broken.yaml"), "apiVersion: v1\nkind: Service\nmetadata:\n  name: [\n");
        robot.interact(() -> window.viewModel().openFolder(folder));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#error-dialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Could not open the folder");
        assertThat(dialog.getContentText()).contains("broken.yaml:5");
        assertThat(window.graphView().graph().getNodeCount()).isEqualTo(21);
        assertThat(window.viewModel().sourceProperty().get()).contains("Lab");
    }

    @Test
    void theNamespaceFilterFitsCountsAndResetsWithANewSource(FxRobot robot) throws Exception {
        awaitLab();
        GraphView graph = window.graphView();
        double before = spread(graph);
        ComboBox<String> namespaces = robot.lookup("#namespaceBox").queryAs(ComboBox.class);
        robot.interact(() -> namespaces.getSelectionModel().select("legacy"));
        robot.interact(graph::fit);
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(spread(graph)).isGreaterThan(before * 1.15);
        assertThat(window.viewModel().countsProperty().get()).startsWith("4 of 20 workloads · 4 of 33 edges");

        robot.interact(() -> window.viewModel().openFolder(Path.of("src/test/resources/traffic/bookinfo")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> graph.graph().getNode("bookinfo/productpage-v1") != null);
        WaitForAsyncUtils.waitForFxEvents();
        var shown = ((javafx.scene.control.skin.ComboBoxListViewSkin<?>) namespaces.getSkin()).getDisplayNode();
        assertThat(((javafx.scene.control.Labeled) shown).getText()).isEqualTo("All namespaces");
        assertThat(window.viewModel().graph().namespaceFilterProperty().get()).isEmpty();
        assertThat(window.viewModel().countsProperty().get()).doesNotContain(" of ");
    }

    private static double spread(GraphView graph) {
        return graph.pixelOf("legacy/core-banking-adapter").distance(graph.pixelOf("payments/settlement-batch"));
    }

    @Test
    void selectingAWorkloadHighlightsItsEdgesAndDimsTheRest(FxRobot robot) throws Exception {
        awaitLab();
        var graph = window.graphView().graph();
        robot.interact(() -> window.viewModel().graph().select(Selection.node("payments/ledger")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(graph.getEdge(EDGE).getAttribute("ui.class").toString()).startsWith("related, ");
        assertThat(graph.getNode("payments/payments").getAttribute("ui.class").toString())
                .doesNotContain("dimmed");
        assertThat(graph.getNode("identity/users-db").getAttribute("ui.class").toString())
                .startsWith("dimmed, ");
        assertThat(graph.edges().filter(e -> !e.getId().contains("payments/ledger")))
                .allMatch(e -> e.getAttribute("ui.class").toString().startsWith("dimmed, "));

        robot.interact(() -> window.viewModel().graph().clearSelection());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(graph.getEdge(EDGE).getAttribute("ui.class")).isEqualTo("allow_policy, mtls");
    }

    @Test
    void theInspectorKeepsItsWidthWhenTheWindowGrows(FxRobot robot) throws Exception {
        awaitLab();
        javafx.scene.layout.Region inspector = robot.lookup(".inspector").queryAs(javafx.scene.layout.Region.class);
        double before = inspector.getWidth();
        javafx.stage.Window stage = window.scene().getWindow();
        double wide = stage.getWidth();
        robot.interact(() -> stage.setWidth(wide + 200));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(inspector.getWidth()).isCloseTo(before, org.assertj.core.api.Assertions.within(2.0));

        // A laptop-wide window: the graph column gives way first, the inspector keeps at least its preferred width.
        robot.interact(() -> stage.setWidth(wide - 200));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(inspector.getWidth()).isGreaterThanOrEqualTo(inspector.prefWidth(-1) - 2);
    }
}
