package dev.trustmap.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.analysis.findings.Severity;
import dev.trustmap.ui.Screenshots;
import dev.trustmap.ui.findings.FindingRow;
import dev.trustmap.ui.main.MainWindow;
import dev.trustmap.ui.main.TrustmapApp;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The breach lab and the findings pane on a real window, headless: right-click, totals, classes, findings. */
@ExtendWith(ApplicationExtension.class)
class BreachLabWindowTest {
    private static final String WEB = "frontend/web";

    @TempDir
    static Path home;

    private TrustmapApp app;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        app = new TrustmapApp(home);
        window = app.open(stage, null);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(app::stop).get();
    }

    private String nodeClass(String id) {
        Object value = window.graphView().graph().getNode(id).getAttribute("ui.class");
        return value == null ? "" : value.toString();
    }

    @Test
    void compromisingALabWorkloadShowsTheTotalsAndMarksTheGraph(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> window.graphView().graph().getNodeCount() == 21);
        WaitForAsyncUtils.waitForFxEvents();
        Point2D web = window.graphView().node().localToScreen(window.graphView().pixelOf(WEB));
        robot.rightClickOn(web);
        robot.clickOn("Mark as compromised");
        BreachViewModel breach = app.lab().breach();
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> breach.activeProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(breach.summaryProperty().get()).matches(WEB + " reaches \\d+ of 19 workloads .*");
        assertThat(nodeClass(WEB)).contains("compromised");
        String reachedId = breach.marksProperty().get().nodes().entrySet().stream()
                .filter(e -> e.getValue().equals(BreachMarks.REACHED))
                .findFirst()
                .orElseThrow()
                .getKey();
        String farId = breach.marksProperty().get().nodes().entrySet().stream()
                .filter(e -> e.getValue().equals(BreachMarks.REACHED_FAR))
                .findFirst()
                .orElseThrow()
                .getKey();
        assertThat(nodeClass(reachedId)).startsWith("reached, ");
        assertThat(nodeClass(farId))
                .as("marking clears the selection, whose dimming would hide the further hops")
                .startsWith("reached_far, ");
        java.util.Set<String> plaintext = breach.marksProperty().get().plaintextPairs();
        java.util.List<String> exposed = window.graphView()
                .graph()
                .edges()
                .filter(e -> plaintext.contains(BreachMarks.pair(
                        e.getSourceNode().getId(), e.getTargetNode().getId())))
                .map(e -> String.valueOf(e.getAttribute("ui.class")))
                .toList();
        assertThat(exposed).as("each plaintext edge counted is drawn").hasSize(plaintext.size());
        assertThat(exposed).allMatch(c -> c.contains("exposed"));
        assertThat(breach.summaryProperty().get())
                .contains("; " + plaintext.size() + " observed plaintext edges it could read or forge.");
        TabPane tabs = robot.lookup("#side-tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("breach-tab");
        assertThat(robot.lookup(".breach-summary").queryLabeled().getText())
                .isEqualTo(breach.summaryProperty().get());
        snapshot("breach-lab.png");
    }

    @Test
    void replayingTheAttackShowsTheProbesPassedAndBlockedOnTheGraph(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> window.graphView().graph().getNodeCount() == 21);
        BreachViewModel breach = app.lab().breach();
        robot.interact(() -> breach.compromise(WEB));
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> breach.activeProperty().get());
        AttackReplayViewModel attack = breach.attack();
        TabPane tabs = robot.lookup("#side-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getTabs().stream()
                .filter(tab -> "breach-tab".equals(tab.getId()))
                .findFirst()
                .ifPresent(tab -> tabs.getSelectionModel().select(tab)));

        robot.clickOn("#attackReplayButton");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> attack.runningProperty().get());
        robot.clickOn("#attackRunAllButton");
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> !attack.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        List<ProbeRow> rows = attack.rows();
        long passed = rows.stream().filter(ProbeRow::passed).count();
        assertThat(rows).hasSameSizeAs(attack.planned());
        assertThat(robot.lookup(".breach-replay").queryLabeled().getText())
                .isEqualTo(attack.summaryProperty().get())
                .startsWith(rows.size() + " probes: " + passed + " passed to ");
        TableView<ProbeRow> table = robot.lookup(".breach-probes").queryTableView();
        assertThat(table.getItems()).hasSize(rows.size());
        ProbeRow passedRow = rows.stream().filter(ProbeRow::passed).findFirst().orElseThrow();
        robot.interact(() -> window.viewModel().clearSelection());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(edgeClass(passedRow.edgeId())).startsWith(BreachMarks.PROBE_PASS + ", ");
        ProbeRow blockedRow = rows.stream()
                .filter(r ->
                        rows.stream().noneMatch(o -> o.passed() && o.edgeId().equals(r.edgeId())))
                .findFirst()
                .orElseThrow();
        assertThat(edgeClass(blockedRow.edgeId())).startsWith(BreachMarks.PROBE_BLOCKED + ", ");
        javafx.scene.control.TableCell<?, ?> decidedBy = robot.lookup(".breach-probes .table-cell")
                .match((javafx.scene.control.TableCell<?, ?> cell) -> cell.getTableColumn() != null
                        && cell.getTableColumn()
                                .getText()
                                .equals(table.getColumns().get(5).getText())
                        && cell.getItem() != null
                        && !cell.getItem().toString().isEmpty())
                .query();
        assertThat(decidedBy.getTooltip())
                .as("the whole text of a cell that may be cut")
                .isNotNull();
        assertThat(decidedBy.getTooltip().getText()).isEqualTo(decidedBy.getItem());
        robot.interact(() -> table.getSelectionModel().select(blockedRow));
        assertThat(window.viewModel().graph().selectionProperty().get())
                .isEqualTo(dev.trustmap.ui.graph.Selection.edge(blockedRow.edgeId()));
        assertThat(window.viewModel().inspector().text()).contains(blockedRow.target());
        robot.interact(() -> table.getSelectionModel().clearSelection());
        robot.interact(() -> window.viewModel().clearSelection());
        snapshot("breach-lab-replay.png");
    }

    @Test
    void withADraftTheEdgesItWouldCloseAreDrawnApartFromThoseStillOpen(FxRobot robot) throws Exception {
        String denied = "frontend/web -> frontend/api-gateway:80";
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> window.graphView().graph().getNodeCount() == 21);
        robot.interact(() -> app.editor().viewModel().deny(denied));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> edgeClass(denied).startsWith("would_break, "));
        BreachViewModel breach = app.lab().breach();

        robot.interact(() -> breach.compromise(WEB));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> BreachMarks.ATTACK_CLOSED.equals(
                        breach.marksProperty().get().edges().get(denied)));
        robot.interact(() -> window.viewModel().clearSelection());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(edgeClass(denied)).startsWith("attack_closed, would_break, deny, ");
        String open = breach.marksProperty().get().edges().entrySet().stream()
                .filter(e -> e.getValue().equals(BreachMarks.ATTACK))
                .map(java.util.Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        assertThat(edgeClass(open)).startsWith("attack, ");
        assertThat(robot.lookup("#" + BreachLegend.ID).query().isVisible()).isTrue();
        assertThat(robot.lookup("#" + BreachLegend.ID + "-more").query().isVisible())
                .isTrue();
        assertThat(robot.lookup(".legend-draft").query().isVisible()).isTrue();
        assertThat(breach.draftSummaryProperty().get()).startsWith("With the draft: ");
        TabPane tabs = robot.lookup("#side-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getTabs().stream()
                .filter(tab -> "breach-tab".equals(tab.getId()))
                .findFirst()
                .ifPresent(tab -> tabs.getSelectionModel().select(tab)));
        snapshot("breach-lab-draft.png");
    }

    @Test
    void runAllFinishesAStoppedReplayAndAProbeOnlyEdgeSaysNoTrafficWasObserved(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> window.graphView().graph().getNodeCount() == 21);
        BreachViewModel breach = app.lab().breach();
        robot.interact(() -> breach.compromise(WEB));
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> breach.activeProperty().get());
        AttackReplayViewModel attack = breach.attack();
        robot.interact(() -> {
            breach.replay();
        });
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> attack.runningProperty().get());
        robot.interact(attack::stop);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Button runAll =
                robot.lookup("#attackRunAllButton").queryAs(javafx.scene.control.Button.class);
        assertThat(attack.rows().size()).isLessThan(attack.planned().size());
        assertThat(runAll.isDisabled()).as("Run all after Stop").isFalse();
        assertThat(attack.summaryProperty().get()).startsWith("Stopped after ");

        robot.interact(runAll::fire);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(attack.rows()).hasSameSizeAs(attack.planned());
        assertThat(runAll.isDisabled()).isTrue();
        java.util.Set<String> observed = new java.util.HashSet<>();
        window.viewModel()
                .state()
                .traffic()
                .edges()
                .forEach(e -> observed.add(e.sourceId() + " -> " + e.destinationId() + ":" + e.port()));
        ProbeRow unobserved = attack.rows().stream()
                .filter(r -> !observed.contains(r.edgeId()))
                .findFirst()
                .orElseThrow();
        robot.interact(() -> attack.select(unobserved));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.viewModel().inspector().text())
                .contains("no traffic observed on this edge")
                .contains("Decision for the probe")
                .doesNotContain("req/s")
                .doesNotContain("mTLS share");
    }

    @Test
    void defaultDenyIsOfferedDisabledWhereTheNamespaceAlreadyAllowsNothing(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> window.graphView().graph().getNodeCount() == 21);
        WaitForAsyncUtils.waitForFxEvents();
        java.util.List<javafx.scene.control.MenuItem> items = WaitForAsyncUtils.asyncFx(
                        () -> window.graphView().gestures().menuFor(dev.trustmap.ui.graph.Selection.node(WEB)))
                .get();

        assertThat(items)
                .filteredOn(i -> "menu-default-deny".equals(i.getId()))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.isDisable()).isTrue();
                    assertThat(i.getText()).contains("already in place");
                });
        assertThat(items).filteredOn(i -> "menu-compromise".equals(i.getId())).hasSize(1);
    }

    @Test
    void trafficTicksWithADraftKeepTheRadiusAndOpeningAScenarioClearsIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> window.graphView().graph().getNodeCount() == 21);
        robot.interact(() -> app.editor().viewModel().deny("frontend/web -> frontend/api-gateway:80"));
        BreachViewModel breach = app.lab().breach();
        robot.interact(() -> breach.compromise(WEB));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> breach.activeProperty().get()
                        && !breach.draftSummaryProperty().get().isEmpty());
        BreachMarks shown =
                WaitForAsyncUtils.asyncFx(() -> breach.marksProperty().get()).get();
        java.time.Instant before = WaitForAsyncUtils.asyncFx(
                        () -> window.viewModel().state().updatedAt())
                .get();
        // three traffic ticks, each re-assessing the draft in a new engine
        WaitForAsyncUtils.waitFor(
                15,
                TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> window.viewModel().state().updatedAt())
                        .get()
                        .isAfter(before.plusSeconds(2)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> breach.marksProperty().get()).get())
                .as("not computed again")
                .isSameAs(shown);
        robot.interact(() -> breach.replay());
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> breach.attack().runningProperty().get());

        Path scenario =
                Path.of("src", "test", "resources", "scenarios", "shared", "062-bookinfo-http-authorization.yaml");
        robot.interact(() -> app.replay().viewModel().openScenario(scenario));
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> window.graphView().graph().getNode("default/productpage") != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(breach.activeProperty().get()).isFalse();
        assertThat(breach.attack().activeProperty().get()).isFalse();
        assertThat(breach.attack().rows()).isEmpty();
        assertThat(robot.lookup("#attackReplayButton").queryButton().isDisabled())
                .isTrue();
        assertThat(robot.lookup(".breach-summary").queryLabeled().getText()).startsWith("The mesh source changed to ");
    }

    private String edgeClass(String id) {
        org.graphstream.graph.Edge edge = window.graphView().graph().getEdge(id);
        Object value = edge == null ? null : edge.getAttribute("ui.class");
        return value == null ? "" : value.toString();
    }

    @Test
    void theFindingsPaneListsTheLabsDeliberateWeaknesses(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> !app.lab().findings().all().isEmpty());
        robot.interact(() -> robot.lookup("#side-tabs")
                .queryAs(TabPane.class)
                .getSelectionModel()
                .select(1));
        TableView<FindingRow> table = robot.lookup(".findings-table").queryTableView();
        assertThat(table.getItems()).extracting(FindingRow::code).contains("TM101", "TM206", "TM104");
        robot.interact(() -> app.lab().findings().filterTextProperty().set("TM104"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(nodeClass("legacy/core-banking-adapter")).contains("finding");
        assertThat(nodeClass(WEB)).doesNotContain("finding");
        robot.interact(() -> table.getSelectionModel().select(0));
        assertThat(window.viewModel().graph().selectionProperty().get().id()).isEqualTo("legacy/core-banking-adapter");
        WaitForAsyncUtils.waitForFxEvents();
        Label detail = robot.lookup(".findings-detail").queryAs(Label.class);
        assertThat(table.getColumns()).extracting(c -> c.getText()).containsExactly("Severity", "Code", "Resource");
        double columns =
                table.getColumns().stream().mapToDouble(c -> c.getWidth()).sum();
        assertThat(columns).isLessThanOrEqualTo(table.getWidth());
        assertThat(detail.getText())
                .contains("TM104 Deployment legacy/core-banking-adapter")
                .contains("has no sidecar")
                .contains("Fix: ");
        assertThat(detail.getBoundsInParent().getMaxX())
                .isLessThanOrEqualTo(table.getBoundsInParent().getMaxX() + 1);
        robot.interact(() -> app.lab().findings().severityProperty().set(Severity.WARNING));
        robot.interact(() -> app.lab().findings().filterTextProperty().set(""));
        snapshot("findings-pane.png");
    }

    @Test
    void theExportMenuOpensInsideTheWindow(FxRobot robot) throws Exception {
        MenuButton menu = robot.lookup("#export-menu").queryAs(MenuButton.class);

        robot.interact(menu::show);
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup("#export-report").tryQuery().isPresent() || menu.isShowing());
        Window popup = robot.listWindows().stream()
                .filter(w -> w instanceof ContextMenu)
                .findFirst()
                .orElseThrow();

        Window stage = window.scene().getWindow();
        assertThat(popup.getX() + popup.getWidth()).isLessThanOrEqualTo(stage.getX() + stage.getWidth());
        assertThat(popup.getX()).isGreaterThanOrEqualTo(stage.getX());
        robot.interact(menu::hide);
    }

    @Test
    void exportsTheReportWithThePictureOfTheGraph(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> !app.lab().findings().all().isEmpty());
        Path file = home.resolve("report.html");
        robot.interact(() -> app.lab().export().writeReport(window.viewModel().state(), file));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file) && Files.size(file) > 10_000);
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> Files.readString(file).contains("TM206"));
        assertThat(Files.readString(file)).contains("<svg").contains("notifications-no-admin");
    }

    @Test
    void exportsThePngAtTwiceTheScreenSizeWithTheLegendUnderTheGraph(FxRobot robot) throws Exception {
        Node graph = window.graphView().node();
        Node legend = window.scene().lookup("#legend");

        byte[] png = WaitForAsyncUtils.asyncFx(() -> new GraphSnapshot(graph, () -> legend).get())
                .get();

        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(png));
        double graphHeight = graph.getLayoutBounds().getHeight();
        double legendHeight = legend.getLayoutBounds().getHeight();
        assertThat(legendHeight).isPositive();
        assertThat(image.getWidth())
                .isGreaterThanOrEqualTo((int) (2 * graph.getLayoutBounds().getWidth()));
        assertThat(image.getHeight())
                .isBetween((int) (2 * (graphHeight + legendHeight)) - 2, (int) (2 * (graphHeight + legendHeight)) + 2);
        Files.createDirectories(Screenshots.FOLDER);
        Files.write(Screenshots.FOLDER.resolve("export-graph.png"), png);
    }

    private void snapshot(String name) throws Exception {
        Screenshots.write(window.scene(), name);
    }
}
