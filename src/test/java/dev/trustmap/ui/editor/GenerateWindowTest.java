package dev.trustmap.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.ui.editor.GenerateDialogViewModel.Choice;
import dev.trustmap.ui.main.MainWindow;
import dev.trustmap.ui.main.TrustmapApp;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListCell;
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

/** "Generate least privilege…" on the lab, headless: choose a namespace, preview, add to the draft, undo. */
@ExtendWith(ApplicationExtension.class)
class GenerateWindowTest {
    private static final String NAMESPACE = "analytics";

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

    private GenerateDialogViewModel openDialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> window.graphView().graph().getNodeCount() == 21);
        robot.clickOn("#generateButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> app.editor().generateDialog() != null);
        GenerateDialogViewModel dialog = app.editor().generateDialog().viewModel();
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> !dialog.namespaces().isEmpty());
        return dialog;
    }

    private void check(FxRobot robot, String namespace) {
        CheckBox box = robot.lookup("#namespacesList .list-cell")
                                .match((ListCell<Choice> cell) -> cell.getItem() != null
                                        && cell.getItem().name().equals(namespace))
                                .queryAs(ListCell.class)
                                .getGraphic()
                        instanceof CheckBox found
                ? found
                : null;
        assertThat(box).as("the check box of %s", namespace).isNotNull();
        robot.clickOn(box);
    }

    @Test
    void addsTheNamespacesPoliciesAsOneEditThatBreaksNothingAndUndoesAtOnce(FxRobot robot) throws Exception {
        GenerateDialogViewModel dialog = openDialog(robot);
        assertThat(draftLegend(robot).isVisible())
                .as("no draft, no draft legend")
                .isFalse();
        assertThat(dialog.trafficNoteProperty().get()).startsWith("The lab's simulated traffic");
        assertThat(dialog.windows()).isNotEmpty();

        check(robot, NAMESPACE);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> dialog.canAddProperty().get());
        assertThat(dialog.preview())
                .extracting(PreviewRow::text)
                .contains("analytics/audit-log: ALLOW trustmap-allow-audit-log, STRICT trustmap-strict-audit-log")
                .anySatisfy(t -> assertThat(t).startsWith("← identity/user-auth as cluster.local/ns/identity/sa/"));
        List<HasMetadata> generated = dialog.result().policies();
        assertThat(generated)
                .allSatisfy(p -> assertThat(p.getMetadata().getNamespace()).isEqualTo(NAMESPACE));

        robot.clickOn("#addButton");
        EditorViewModel editor = app.editor().viewModel();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> editor.draft().size() == generated.size());
        assertThat(editor.draft().objects())
                .extracting(p -> p.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(
                        generated.stream().map(p -> p.getMetadata().getName()).toList())
                .contains("trustmap-allow-reporting")
                .as("the lab's analytics already has an allow-nothing")
                .doesNotContain("trustmap-allow-nothing");
        assertThat(dialog.preview())
                .extracting(PreviewRow::text)
                .anySatisfy(t -> assertThat(t).contains("namespace analytics already has an allow-nothing"));
        assertThat(app.editor().generateDialog().stage().isShowing()).isFalse();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> assessedIntoNamespace(editor) > 0);
        WaitForAsyncUtils.waitForFxEvents();
        // The note and the summary count alike: many resources, one edit (one Undo).
        int added = generated.size();
        assertThat(editor.noticeProperty().get())
                .isEqualTo(
                        "Added " + added + " generated resources to the draft as one edit (Undo takes them all back).");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> editor.summaryProperty().get().startsWith(added + " resources changed \u00b7 "));
        assertThat(editor.summaryProperty().get()).doesNotContain("edits");
        assertThat(edgesIntoNamespace())
                .isNotEmpty()
                .allSatisfy(e -> assertThat(String.valueOf(e.getAttribute("ui.class")))
                        .as(e.getId())
                        .doesNotContain("would_break"));
        assertThat(editor.assessed().diff().wouldBreak())
                .noneMatch(c -> c.edge().destinationNamespace().equals(NAMESPACE));
        assertThat(draftLegend(robot).isVisible()).isTrue();
        assertThat(draftLegend(robot).getChildrenUnmodifiable())
                .filteredOn(n -> n instanceof javafx.scene.control.Label)
                .extracting(n -> ((javafx.scene.control.Label) n).getText())
                .containsExactly(
                        "Draft:", "would break (observed, denied)", "opens (newly allowed)", "intended (drawn by you)");

        robot.clickOn("#undoButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> editor.draft().isEmpty());
        assertThat(editor.canUndoProperty().get()).isFalse();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !draftLegend(robot).isVisible());
    }

    @Test
    void replacingTheExistingAllowsDeletesThemInTheSameEditAndBreaksNothing(FxRobot robot) throws Exception {
        GenerateDialogViewModel dialog = openDialog(robot);
        check(robot, "payments");
        robot.clickOn("#replaceAllowsBox");
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> dialog.canAddProperty().get()
                        && dialog.result() != null
                        && !dialog.result().deletions().isEmpty());
        List<String> replaced = dialog.result().deletions().stream()
                .map(d -> d.getMetadata().getName())
                .toList();

        robot.clickOn("#addButton");
        EditorViewModel editor = app.editor().viewModel();
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> editor.draft().deleted().size() == replaced.size());
        assertThat(editor.draft().deleted())
                .extracting(p -> p.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(replaced);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> editor.assessed() != null && editor.assessed().draft() == editor.draft());
        assertThat(editor.assessed().diff().wouldBreak())
                .as("the drafted ALLOWs grant what the deleted ones granted to observed traffic")
                .noneMatch(c -> c.edge().destinationNamespace().equals("payments"));

        robot.clickOn("#undoButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> editor.draft().isEmpty());
    }

    private static javafx.scene.Parent draftLegend(FxRobot robot) {
        return robot.lookup("#draftGroup").queryParent();
    }

    @Test
    void withoutANamespaceNothingCanBeAdded(FxRobot robot) throws Exception {
        GenerateDialogViewModel dialog = openDialog(robot);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> dialog.summaryProperty().get().startsWith("Check at least one namespace"));

        assertThat(dialog.canAddProperty().get()).isFalse();
        robot.clickOn("All");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> dialog.canAddProperty().get());
        assertThat(dialog.namespaces())
                .allSatisfy(c -> assertThat(c.selected().get()).isTrue());
        assertThat(dialog.workloads()).isNotEmpty();
        robot.clickOn("None");
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> !dialog.canAddProperty().get());
    }

    /** How many of the namespace's observed edges the draft assessment decided with the generated draft. */
    private long assessedIntoNamespace(EditorViewModel editor) {
        var assessed = editor.assessed();
        if (assessed == null || assessed.draft() != editor.draft()) {
            return 0;
        }
        return assessed.edges().stream()
                .filter(e -> e.edge().destinationNamespace().equals(NAMESPACE))
                .count();
    }

    private List<Edge> edgesIntoNamespace() {
        return window.graphView()
                .graph()
                .edges()
                .filter(e -> e.getTargetNode().getId().startsWith(NAMESPACE + "/"))
                .toList();
    }
}
