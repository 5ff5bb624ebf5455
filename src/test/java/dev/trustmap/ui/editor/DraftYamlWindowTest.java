package dev.trustmap.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The YAML tab on a real window, headless: text not applied yet survives edits made elsewhere; its room. */
class DraftYamlWindowTest extends LabDraftWindow {
    @Start
    void start(Stage stage) throws IOException {
        open(stage);
    }

    @Test
    void unappliedYamlSurvivesAnEditMadeElsewhereAndCanBeReloadedRestoredOrApplied(FxRobot robot) throws Exception {
        awaitLab();
        robot.interact(() ->
                robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        org.fxmisc.richtext.CodeArea yaml = robot.lookup("#yamlArea").queryAs(org.fxmisc.richtext.CodeArea.class);
        String typed = "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n"
                + "  name: x\n  namespace: payments\nspec:\n  selector:\n    matchLabels: {app: ledger}\n"
                + "  action: DENNY\n  rules:\n  - {}\n";
        robot.interact(() -> yaml.replaceText(typed));
        EditorViewModel editor = app.editor().viewModel();
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> editor.yaml().errorLineProperty().get() == 9);

        robot.interact(() -> editor.deny(EDGE));
        awaitClass(window, "would_break, deny, mtls");

        assertThat(yaml.getText()).as("the typed text is kept").isEqualTo(typed);
        assertThat(robot.lookup("#yamlStaleBar").query().isVisible()).isTrue();
        assertThat(editor.yaml().errorLineProperty().get())
                .as("its error still shows")
                .isEqualTo(9);
        writeScreenshot("draft-yaml-stale.png");

        robot.clickOn("#yamlReloadButton");
        assertThat(yaml.getText()).contains("name: trustmap-deny-ledger").doesNotContain("DENNY");
        assertThat(editor.yaml().errorProperty().get()).isEmpty();
        robot.clickOn("#yamlRestoreButton");
        assertThat(yaml.getText()).isEqualTo(typed);
        assertThat(editor.draft().objects()).as("restoring applies nothing").hasSize(1);

        robot.interact(() -> yaml.replaceText(typed.replace("DENNY", "DENY")));
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> editor.yaml().errorProperty().get().isEmpty());
        Thread.sleep(500);
        assertThat(editor.draft().objects())
                .as("stale text is not applied by itself")
                .hasSize(1);
        robot.clickOn("#yamlApplyButton");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> editor.draft().objects().size() == 1
                        && editor.draft()
                                .objects()
                                .get(0)
                                .getMetadata()
                                .getName()
                                .equals("x"));
        assertThat(robot.lookup("#yamlStaleBar").query().isVisible()).isFalse();
        robot.interact(editor::undo);
        assertThat(editor.draft().objects().get(0).getMetadata().getName()).isEqualTo("trustmap-deny-ledger");
    }

    @Test
    void aValidEditNotYetCheckedIsNotAppliedOverAnEditMadeMeanwhile(FxRobot robot) throws Exception {
        awaitLab();
        robot.interact(() ->
                robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        org.fxmisc.richtext.CodeArea yaml = robot.lookup("#yamlArea").queryAs(org.fxmisc.richtext.CodeArea.class);
        String typed = "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n"
                + "  name: x\n  namespace: payments\nspec:\n  action: DENY\n";
        EditorViewModel editor = app.editor().viewModel();

        // Within the typing pause: the text has not been checked when the gesture changes the draft.
        robot.interact(() -> {
            yaml.replaceText(typed);
            editor.deny(EDGE);
        });
        awaitClass(window, "would_break, deny, mtls");
        Thread.sleep(800);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(yaml.getText()).isEqualTo(typed);
        assertThat(editor.yaml().staleProperty().get()).isTrue();
        assertThat(editor.draft().objects())
                .singleElement()
                .satisfies(o -> assertThat(o.getMetadata().getName()).isEqualTo("trustmap-deny-ledger"));
    }

    @Test
    void atSixteenHundredByAThousandTheYamlEditorKeepsTwelveLinesUnderALongNote(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(1600);
            stage.setHeight(1000);
        });
        awaitLab();
        EditorViewModel editor = app.editor().viewModel();
        robot.interact(() ->
                robot.lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        org.fxmisc.richtext.CodeArea yaml = robot.lookup("#yamlArea").queryAs(org.fxmisc.richtext.CodeArea.class);
        // The most the pane shows above the editor: a long note, the stale bar, an error and its line.
        robot.interact(() -> yaml.replaceText("kind: AuthorizationPolicy\nmetadata: [oops\n"));
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> editor.yaml().errorLineProperty().get() > 0);
        robot.interact(() -> editor.allowOnly(EDGE));
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> editor.noticeProperty().get().startsWith("Not only"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor.yaml().staleProperty().get()).isTrue();
        double line = 12 * 1.2; // the editor's font is 12px (trustmap.css, .draft-code .text)
        assertThat(yaml.getHeight()).as("about 12 lines").isGreaterThanOrEqualTo(12 * line);
        Label note = robot.lookup("#noticeLabel").queryAs(Label.class);
        assertThat(DraftWindowTest.shownText(note))
                .as("the note is whole, scrolled")
                .isEqualTo(editor.noticeProperty().get());
        assertThat(robot.lookup(".draft-notice-scroll")
                        .queryAs(javafx.scene.layout.Region.class)
                        .getHeight())
                .as("the note takes a few lines at most")
                .isLessThan(5 * note.getFont().getSize() * 1.2);
        javafx.geometry.Bounds tab = robot.lookup(".draft-yaml-scroll")
                .query()
                .localToScene(robot.lookup(".draft-yaml-scroll").query().getLayoutBounds());
        javafx.geometry.Bounds area = yaml.localToScene(yaml.getLayoutBounds());
        assertThat(area.getMinY()).as("the editor's top is in view").isGreaterThanOrEqualTo(tab.getMinY());
        writeScreenshot("draft-yaml-1600x1000.png");
    }
}
