package dev.trustmap.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.analysis.workspace.DraftFiles;
import dev.trustmap.ui.main.MainWindow;
import dev.trustmap.ui.main.TrustmapApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A saved draft that cannot be read, on a real window: moved aside before the next edit, and said in full. */
@ExtendWith(ApplicationExtension.class)
class BrokenDraftWindowTest {
    private static final String BROKEN = "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n"
            + "  name: x\n  namespace: payments\nspec:\n  action: DENNY\n";

    @TempDir
    static Path home;

    private TrustmapApp app;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        DraftFiles.clear(home);
        Path saved = DraftFiles.lab(home);
        Files.createDirectories(saved.getParent());
        Files.writeString(saved, BROKEN);
        app = new TrustmapApp(home);
        window = app.open(stage, null);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(app::stop).get();
    }

    @Test
    void theBrokenDraftIsMovedAsideAndTheNoteSaysWhereInFull(FxRobot robot) throws Exception {
        EditorViewModel editor = app.editor().viewModel();
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> !editor.noticeProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Path copy = copies().get(0);
        String notice = editor.noticeProperty().get();
        assertThat(notice)
                .startsWith("The saved draft " + DraftFiles.lab(home) + " could not be read (line 7: field spec.action")
                .contains("It was moved to " + copy);
        assertThat(Files.readString(copy)).isEqualTo(BROKEN);
        Label label = robot.lookup(".draft-notice").queryAs(Label.class);
        Text shown = (Text) label.lookup(".text");
        assertThat(shown.getText()).as("not cut off").isEqualTo(notice);

        robot.interact(() -> editor.put(new io.fabric8.istio.api.security.v1.AuthorizationPolicyBuilder()
                .withNewMetadata()
                .withName("x")
                .withNamespace("payments")
                .endMetadata()
                .withNewSpec()
                .endSpec()
                .build()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Files.exists(DraftFiles.lab(home)));
        assertThat(Files.readString(copies().get(0)))
                .as("the next edit leaves the copy alone")
                .isEqualTo(BROKEN);
    }

    private static List<Path> copies() throws Exception {
        try (Stream<Path> files = Files.list(DraftFiles.lab(home).getParent())) {
            return files.filter(f -> f.getFileName().toString().contains(".broken-"))
                    .toList();
        }
    }

    @Test
    void aDraftWithBytesThatAreNotTextIsNamedWithoutALine(FxRobot robot) throws Exception {
        EditorViewModel first = app.editor().viewModel();
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> !first.noticeProperty().get().isEmpty());
        WaitForAsyncUtils.asyncFx(app::stop).get();
        Files.write(DraftFiles.lab(home), new byte[] {'k', 'i', 'n', 'd', ':', ' ', (byte) 0xff, '\n'});

        TrustmapApp again = new TrustmapApp(home);
        robot.interact(() -> window = again.open(new Stage(), null));
        app = again;
        EditorViewModel editor = again.editor().viewModel();
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> editor.noticeProperty().get().contains("not UTF-8"));

        assertThat(editor.noticeProperty().get())
                .startsWith("The saved draft " + DraftFiles.lab(home) + " could not be read (holds bytes that are not"
                        + " UTF-8 text, so it is damaged or not a draft). It was moved to ")
                .doesNotContain("line")
                .doesNotContain("manifest");
    }
}
