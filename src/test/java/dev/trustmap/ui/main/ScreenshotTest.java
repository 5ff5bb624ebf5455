package dev.trustmap.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.ui.Screenshots;
import dev.trustmap.ui.graph.Selection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Writes screenshots of the lab window to {@code target/screenshots/} so people can look at them. */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {

    @org.junit.jupiter.api.io.TempDir
    static Path home;

    private TrustmapApp app;
    private MainWindow window;

    @Start
    void start(Stage stage) throws IOException {
        // A folder of its own: the user's saved draft would otherwise be restored into the pictures.
        dev.trustmap.analysis.workspace.DraftFiles.clear(home);
        app = new TrustmapApp(home);
        window = app.open(stage, null);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(app::stop).get();
    }

    @Test
    void writesTheLabWindow(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> window.graphView().graph().getNodeCount() == 21);
        Thread.sleep(300);
        Path plain = snapshot("lab-window.png");
        robot.interact(() ->
                window.viewModel().graph().select(Selection.edge("legacy/core-banking-adapter -> payments/ledger:80")));
        Thread.sleep(300);
        Path selected = snapshot("lab-window-edge-selected.png");
        robot.interact(() -> window.viewModel().graph().select(Selection.node("payments/ledger")));
        Thread.sleep(300);
        Path node = snapshot("lab-window-node-selected.png");
        assertThat(Files.size(node)).isGreaterThan(20_000);
        assertThat(Files.size(plain)).isGreaterThan(20_000);
        assertThat(Files.size(selected)).isGreaterThan(20_000);
    }

    @Test
    void writesTheBookinfoWindow(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> window.graphView().graph().getNodeCount() == 21);
        robot.interact(() -> window.viewModel().openFolder(Path.of("src/test/resources/traffic/bookinfo")));
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> window.graphView().graph().getNode("bookinfo/ratings-v1") != null);
        Thread.sleep(300);
        Path plain = snapshot("bookinfo-window.png");
        robot.interact(() -> window.viewModel().graph().select(Selection.node("bookinfo/reviews-v2")));
        Thread.sleep(300);
        Path selected = snapshot("bookinfo-window-node-selected.png");
        assertThat(Files.size(plain)).isGreaterThan(20_000);
        assertThat(Files.size(selected)).isGreaterThan(20_000);
        robot.interact(() -> app.editor().openGenerate());
        var dialog = app.editor().generateDialog();
        robot.interact(() -> dialog.viewModel().select("bookinfo"));
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> dialog.viewModel().canAddProperty().get());
        Thread.sleep(300);
        Path generate = snapshot(dialog.stage().getScene(), "generate-dialog-folder.png");
        robot.interact(() -> dialog.stage().close());
        assertThat(Files.size(generate)).isGreaterThan(20_000);
    }

    @Test
    void writesTheGenerateDialogAndTheDraftLegend(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> window.graphView().graph().getNodeCount() == 21);
        robot.interact(() -> app.editor().openGenerate());
        var dialog = app.editor().generateDialog();
        robot.interact(() -> {
            dialog.viewModel().select("payments");
            dialog.viewModel().select("messaging");
        });
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> dialog.viewModel().canAddProperty().get());
        Thread.sleep(300);
        Path shown = snapshot(dialog.stage().getScene(), "generate-dialog.png");
        robot.interact(() -> {
            dialog.viewModel().add();
            dialog.stage().close();
            // An intended edge too, so every draft mark is on screen.
            app.editor().viewModel().intend("payments/settlement-batch", "payments/cards");
        });
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> window.viewModel().graph().draftShownProperty().get());
        Thread.sleep(500);
        Path legend = snapshot("draft-legend.png");
        assertThat(Files.size(shown)).isGreaterThan(20_000);
        assertThat(Files.size(legend)).isGreaterThan(20_000);
    }

    @Test
    void writesADragFromOneWorkloadToAnother(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> window.graphView().graph().getNodeCount() == 21);
        var graph = window.graphView();
        robot.drag(
                        graph.node().localToScreen(graph.pixelOf("payments/settlement-batch")),
                        javafx.scene.input.MouseButton.PRIMARY)
                .moveTo(graph.node().localToScreen(graph.pixelOf("payments/cards")));
        WaitForAsyncUtils.waitForFxEvents();
        Path dragging = snapshot("drag-intended.png");
        robot.drop();
        assertThat(Files.size(dragging)).isGreaterThan(20_000);
    }

    private Path snapshot(String name) throws Exception {
        return snapshot(window.scene(), name);
    }

    private Path snapshot(javafx.scene.Scene scene, String name) throws Exception {
        return Screenshots.write(scene, name);
    }
}
