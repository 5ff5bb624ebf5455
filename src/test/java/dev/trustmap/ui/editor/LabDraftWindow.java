package dev.trustmap.ui.editor;

import dev.trustmap.ui.Screenshots;
import dev.trustmap.ui.main.MainWindow;
import dev.trustmap.ui.main.TrustmapApp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's window on the built-in lab, headless, with an empty draft folder for each test: what the draft window
 * tests share (waiting for the lab, reading an edge's style classes, screenshots).
 */
@ExtendWith(ApplicationExtension.class)
abstract class LabDraftWindow {
    /** The edge most draft tests turn: payments calling the ledger. */
    static final String EDGE = "payments/payments -> payments/ledger:80";

    @TempDir
    static Path home;

    TrustmapApp app;
    MainWindow window;
    Stage stage;

    /** Opens the window; each test class calls it from its own {@code @Start} (TestFX looks in that class only). */
    void open(Stage stage) throws IOException {
        this.stage = stage;
        dev.trustmap.analysis.workspace.DraftFiles.clear(home);
        app = new TrustmapApp(home);
        window = app.open(stage, null);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(app::stop).get();
    }

    /** Waits until the lab's 20 workloads and the outside client are drawn. */
    void awaitLab() throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> window.graphView().graph().getNodeCount() == 21);
        WaitForAsyncUtils.waitForFxEvents();
    }

    String edgeClass(MainWindow shown) {
        return edgeClass(shown, EDGE);
    }

    static String edgeClass(MainWindow shown, String id) {
        var edge = shown.graphView().graph().getEdge(id);
        return edge == null ? "" : String.valueOf(edge.getAttribute("ui.class"));
    }

    /** Waits until {@link #EDGE} has exactly these style classes. */
    void awaitClass(MainWindow shown, String expected) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> edgeClass(shown).equals(expected));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A PNG of the whole window under target/screenshots, to look at. */
    void writeScreenshot(String name) throws Exception {
        Thread.sleep(300);
        Screenshots.write(window.scene(), name);
    }
}
