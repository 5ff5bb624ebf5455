package dev.trustmap.ui.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.source.scenario.RequestOutcome;
import dev.trustmap.source.scenario.ScenarioLoader;
import dev.trustmap.source.scenario.ScenarioRunner;
import dev.trustmap.ui.Screenshots;
import dev.trustmap.ui.main.MainWindow;
import dev.trustmap.ui.main.TrustmapApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The scenario replay on a real window, headless: open a scenario, run it, a failing row, a bad file. */
@ExtendWith(ApplicationExtension.class)
class ReplayWindowTest {
    private static final Path SCENARIOS = Path.of("src/test/resources/scenarios");

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

    private ReplayViewModel replay() {
        return app.replay().viewModel();
    }

    private void awaitLab() throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> window.graphView().graph().getNodeCount() == 21);
    }

    private void openScenario(FxRobot robot, Path file) throws Exception {
        robot.interact(() -> replay().openScenario(file));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> replay().loadedProperty().get()
                        && window.viewModel()
                                .sourceProperty()
                                .get()
                                .contains(file.getFileName().toString()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String label(FxRobot robot, String styleClass) {
        return robot.lookup("." + styleClass).queryAs(Label.class).getText();
    }

    private String edgeClass(String id) {
        Object value = window.graphView().graph().getEdge(id).getAttribute("ui.class");
        return value == null ? "" : value.toString();
    }

    @Test
    void runAllOnASharedScenarioPassesEveryRequestOfTheFile(FxRobot robot) throws Exception {
        awaitLab();
        Path file = SCENARIOS.resolve("shared/062-bookinfo-http-authorization.yaml");
        openScenario(robot, file);
        TabPane tabs = robot.lookup("#side-tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("replay-tab");
        assertThat(window.graphView().graph().getNode("default/productpage")).isNotNull();
        assertThat(window.graphView().graph().getNode("payments/ledger")).isNull();
        assertThat(window.viewModel().sourceProperty().get())
                .isEqualTo("Source: Scenario 062-bookinfo-http-authorization.yaml");

        robot.clickOn("#scenarioRunAllButton");
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> label(robot, "replay-counts").equals("7 of 7 passed"));
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        ListView<ReplayRow> list = robot.lookup(".replay-rows").queryAs(ListView.class);
        var expected = ScenarioRunner.run(ScenarioLoader.load(file));
        assertThat(list.getItems())
                .extracting(ReplayRow::text)
                .containsExactlyElementsOf(
                        expected.stream().map(RequestOutcome::request).toList());
        assertThat(list.getItems()).extracting(ReplayRow::result).containsOnly("PASS");
        ReplayRow first = list.getItems().get(0);
        assertThat(edgeClass(first.edgeId())).startsWith(ReplayMarks.PASS + ", ");

        robot.interact(() -> list.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.viewModel().graph().selectionProperty().get().id()).isEqualTo(first.edgeId());
        assertThat(robot.lookup(".replay-detail").queryTextInputControl().getText())
                .contains("PASS: the verdict meets the expectation.", "Decided by:");
        assertThat(window.viewModel().inspector().titleProperty().get())
                .isEqualTo(first.edgeId()
                        .substring(0, first.edgeId().lastIndexOf(':'))
                        .replace("->", "→"));
    }

    @Test
    void aWrongExpectationShowsAsAFailedRow(FxRobot robot) throws Exception {
        awaitLab();
        openScenario(robot, SCENARIOS.resolve("replay/wrong-expectation.yaml"));
        robot.clickOn(robot.lookup(".replay-rows .list-cell")
                .match((javafx.scene.control.ListCell<?> cell) -> cell.getIndex() == 0)
                .queryAs(javafx.scene.control.ListCell.class));
        assertThat(robot.lookup(".replay-detail").queryTextInputControl().getText())
                .contains("Not replayed yet.");

        robot.clickOn("#scenarioRunAllButton");
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> label(robot, "replay-counts").equals("1 of 2 passed, 1 failed"));
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        ListView<ReplayRow> list = robot.lookup(".replay-rows").queryAs(ListView.class);
        assertThat(list.getItems()).extracting(ReplayRow::result).containsExactly("FAIL", "PASS");
        assertThat(robot.lookup(".row-fail")
                        .queryAs(javafx.scene.control.ListCell.class)
                        .getItem())
                .isSameAs(list.getItems().get(0));
        assertThat(edgeClass(list.getItems().get(0).edgeId())).startsWith(ReplayMarks.FAIL + ", ");
        assertThat(list.getSelectionModel().getSelectedIndex()).isZero();
        assertThat(robot.lookup(".replay-detail").queryTextInputControl().getText())
                .contains("FAIL: decision: expected ALLOW, got DENY");
        assertThat(robot.lookup(".row-fail .replay-verdicts")
                        .queryAs(Label.class)
                        .getText())
                .contains("decision: expected ALLOW, got DENY");
    }

    @Test
    void rightClickingAScenarioWorkloadOffersTheDraftAndBreachMenu(FxRobot robot) throws Exception {
        awaitLab();
        openScenario(robot, SCENARIOS.resolve("shared/033-mtls-mesh-wide-strict.yaml"));
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> window.graphView().graph().getNode("foo/sleep") != null);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Point2D sleep =
                window.graphView().node().localToScreen(window.graphView().pixelOf("foo/sleep"));

        robot.rightClickOn(sleep);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("Mark as compromised").tryQuery()).isPresent();
        robot.clickOn("Default deny for namespace foo");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> !app.editor().viewModel().emptyProperty().get());
    }

    @Test
    void theListFollowsALongReplayAndRepeatedNamesShowTheirNamespace(FxRobot robot) throws Exception {
        awaitLab();
        // Scenario 033 with its five requests twelve times over: a list longer than the pane.
        String text = Files.readString(SCENARIOS.resolve("shared/033-mtls-mesh-wide-strict.yaml"));
        int cut = text.indexOf("requests:\n") + "requests:\n".length();
        Path file = home.resolve("long-033.yaml");
        Files.writeString(file, text.substring(0, cut) + text.substring(cut).repeat(12));
        openScenario(robot, file);
        @SuppressWarnings("unchecked")
        ListView<ReplayRow> list = robot.lookup(".replay-rows").queryAs(ListView.class);
        assertThat(list.getItems().size()).isGreaterThan(40);
        assertThat(window.viewModel().graph().modelProperty().get().nodes())
                .extracting(n -> n.label())
                .contains("foo/sleep", "bar/sleep", "legacy/sleep")
                .doesNotContain("sleep");
        robot.interact(() -> replay().setStep(java.time.Duration.ofMillis(20)));

        robot.clickOn("#scenarioReplayButton");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> list.getItems().stream().filter(ReplayRow::finished).count() > 30);
        robot.interact(replay()::stop);
        WaitForAsyncUtils.waitForFxEvents();

        long done = list.getItems().stream().filter(ReplayRow::finished).count();
        int lastVisible = robot.lookup(".replay-rows .list-cell").queryAll().stream()
                .map(n -> (javafx.scene.control.ListCell<?>) n)
                .filter(c -> c.getItem() != null
                        && c.isVisible()
                        && c.getBoundsInParent().getMaxY() > 0)
                .mapToInt(javafx.scene.control.ListCell::getIndex)
                .max()
                .orElse(-1);
        assertThat(lastVisible).as("last row in view after %d replayed", done).isGreaterThanOrEqualTo((int) done - 1);
    }

    @Test
    void aBadScenarioFileShowsTheDialogAndKeepsTheMesh(FxRobot robot) throws Exception {
        awaitLab();
        robot.interact(() -> replay().openScenario(SCENARIOS.resolve("replay/bad-workload.yaml")));
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup("#error-dialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#error-dialog").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Could not open the scenario");
        assertThat(dialog.getContentText()).contains("bad-workload.yaml:10", "no workload 'foo/ghost'");
        assertThat(window.graphView().graph().getNodeCount()).isEqualTo(21);
        assertThat(window.viewModel().sourceProperty().get()).contains("Lab");
        assertThat(replay().loadedProperty().get()).isFalse();
    }

    @Test
    void writesScreenshotsOfAReplay(FxRobot robot) throws Exception {
        awaitLab();
        openScenario(robot, SCENARIOS.resolve("shared/062-bookinfo-http-authorization.yaml"));
        // A slow step holds the replay still on one request long enough to draw it.
        replay().setStep(java.time.Duration.ofMillis(1500));
        robot.clickOn("#scenarioReplayButton");
        robot.interact(() ->
                robot.lookup(".replay-rows").queryListView().getSelectionModel().select(1));
        String fifth = replay().rows().get(4).edgeId();
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> edgeClass(fifth).startsWith(ReplayMarks.CURRENT + ", "));
        Thread.sleep(300);
        Path running = snapshot("replay-running.png");
        javafx.scene.Node legend = robot.lookup("#legend-replay").query();
        assertThat(legend.isVisible())
                .as("the legend explains the replay's colours once it marks the edges")
                .isTrue();
        robot.interact(() -> replay().stop());

        openScenario(robot, SCENARIOS.resolve("replay/wrong-expectation.yaml"));
        robot.clickOn("#scenarioRunAllButton");
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> !replay().rows().get(0).result().isEmpty());
        @SuppressWarnings("unchecked")
        ListView<ReplayRow> list = robot.lookup(".replay-rows").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        Path failed = snapshot("replay-failed.png");
        assertThat(Files.size(running)).isGreaterThan(20_000);
        assertThat(Files.size(failed)).isGreaterThan(20_000);
    }

    private Path snapshot(String name) throws Exception {
        return Screenshots.write(window.scene(), name);
    }
}
