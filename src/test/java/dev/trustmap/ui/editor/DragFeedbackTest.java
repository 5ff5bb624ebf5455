package dev.trustmap.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.ui.graph.GraphView;
import dev.trustmap.ui.graph.LinkDrag;
import dev.trustmap.ui.main.MainWindow;
import dev.trustmap.ui.main.TrustmapApp;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Dragging from one workload to another on a real window, headless: the dashed line, the target ring, Escape. */
@ExtendWith(ApplicationExtension.class)
class DragFeedbackTest {
    private static final String FROM = "payments/settlement-batch";
    private static final String TO = "payments/cards";

    @TempDir
    static Path home;

    private TrustmapApp app;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        dev.trustmap.analysis.workspace.DraftFiles.clear(home);
        app = new TrustmapApp(home);
        window = app.open(stage, null);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(app::stop).get();
    }

    private Point2D onScreen(String node) {
        GraphView graph = window.graphView();
        return graph.node().localToScreen(graph.pixelOf(node));
    }

    private Line line(FxRobot robot) {
        return robot.lookup("#link-layer .link-line").queryAs(Line.class);
    }

    private Circle ring(FxRobot robot) {
        return robot.lookup("#link-layer .link-target").queryAs(Circle.class);
    }

    private LinkDrag drag() {
        return window.viewModel().graph().linkDragProperty().get();
    }

    private void awaitLab() throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> window.graphView().graph().getNodeCount() == 21);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aDashedLineFollowsThePointerAndTheTargetIsRingedUntilTheDrop(FxRobot robot) throws Exception {
        awaitLab();
        Point2D from = onScreen(FROM);
        Point2D to = onScreen(TO);
        assertThat(line(robot).isVisible()).isFalse();

        robot.drag(from, MouseButton.PRIMARY).moveTo(from.midpoint(to).add(0, 40));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(drag()).isNotNull();
        assertThat(drag().from()).isEqualTo(FROM);
        assertThat(drag().valid()).isFalse();
        assertThat(line(robot).isVisible()).isTrue();
        assertThat(line(robot).getStrokeDashArray()).isNotEmpty();
        assertThat(ring(robot).isVisible()).as("no node under the pointer").isFalse();
        Point2D start =
                line(robot).localToScreen(line(robot).getStartX(), line(robot).getStartY());
        assertThat(start.distance(from))
                .as("the line starts at the source node")
                .isLessThan(2);

        robot.moveTo(to);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(drag().target()).isEqualTo(TO);
        assertThat(drag().valid()).isTrue();
        assertThat(ring(robot).isVisible()).isTrue();
        Point2D ringCentre =
                ring(robot).localToScreen(ring(robot).getCenterX(), ring(robot).getCenterY());
        assertThat(ringCentre.distance(to)).as("the ring is around the target").isLessThan(2);
        Point2D end =
                line(robot).localToScreen(line(robot).getEndX(), line(robot).getEndY());
        assertThat(end.distance(to)).as("the line ends at the pointer").isLessThan(3);

        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(drag()).isNull();
        assertThat(line(robot).isVisible()).isFalse();
        assertThat(ring(robot).isVisible()).isFalse();
        assertThat(app.editor().viewModel().draft().intended())
                .anySatisfy(e -> assertThat(e.id()).isEqualTo(FROM + " -> " + TO + ":80"));
    }

    @Test
    void aTargetWithoutAServiceIsNotRinged(FxRobot robot) throws Exception {
        awaitLab();
        Point2D from = onScreen(FROM);

        robot.drag(from, MouseButton.PRIMARY).moveTo(onScreen("unknown"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(drag().target()).isEqualTo("unknown");
        assertThat(drag().valid()).isFalse();
        assertThat(ring(robot).isVisible()).isFalse();
        assertThat(line(robot).isVisible()).isTrue();
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.editor().viewModel().draft().isEmpty()).isTrue();
    }

    @Test
    void escapeDropsTheDragWithoutDeclaringAnything(FxRobot robot) throws Exception {
        awaitLab();
        Point2D from = onScreen(FROM);
        Point2D to = onScreen(TO);

        robot.drag(from, MouseButton.PRIMARY).moveTo(to);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(line(robot).isVisible()).isTrue();
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(line(robot).isVisible()).isFalse();
        assertThat(drag()).isNull();
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(app.editor().viewModel().draft().isEmpty()).isTrue();
        assertThat(onScreen(FROM).distance(from))
                .as("the rest of the drag did not pan")
                .isLessThan(1);
    }
}
