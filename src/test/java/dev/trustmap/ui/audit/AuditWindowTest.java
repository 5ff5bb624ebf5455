package dev.trustmap.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.analysis.workspace.AuditEntry;
import dev.trustmap.analysis.workspace.AuditLog;
import dev.trustmap.ui.Screenshots;
import dev.trustmap.ui.main.MainWindow;
import dev.trustmap.ui.main.TrustmapApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Audit log tab on a real window, headless: an export of the draft appears in it. */
@ExtendWith(ApplicationExtension.class)
class AuditWindowTest {
    private static final String EDGE = "payments/payments -> payments/ledger:80";

    @TempDir
    static Path home;

    @TempDir
    Path exportFolder;

    private TrustmapApp app;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        dev.trustmap.analysis.workspace.DraftFiles.clear(home);
        Files.deleteIfExists(home.resolve(AuditLog.FILE));
        app = new TrustmapApp(home);
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

    @SuppressWarnings("unchecked")
    private TableView<AuditRow> table(FxRobot robot) {
        return robot.lookup(".audit-table").queryAs(TableView.class);
    }

    @Test
    void anExportOfTheDraftAppearsInTheAuditLogTab(FxRobot robot) throws Exception {
        awaitLab();
        robot.clickOn("Audit log");
        WaitForAsyncUtils.waitFor(
                5,
                TimeUnit.SECONDS,
                () -> robot.lookup(".audit-empty").tryQuery().isPresent()
                        && robot.lookup(".audit-empty").queryAs(Label.class).isVisible());
        assertThat(robot.lookup(".audit-location").queryAs(Label.class).getText())
                .isEqualTo("Log file: " + home.resolve("audit.jsonl").toAbsolutePath());

        robot.interact(() -> app.editor().viewModel().deny(EDGE));
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> !app.editor().viewModel().draft().isEmpty());
        robot.interact(() -> app.editor().viewModel().exportToFolder(exportFolder));

        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        AuditRow row = table(robot).getItems().get(0);
        assertThat(row.action()).isEqualTo("export");
        assertThat(row.outcome()).isEqualTo("ok");
        assertThat(row.kubeUser()).isEmpty();
        assertThat(Files.list(exportFolder).count()).isEqualTo(Long.parseLong(row.resourceCount()));

        robot.clickOn(robot.lookup(".audit-table .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        TextArea detail = robot.lookup(".audit-detail").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !detail.getText().isEmpty());
        assertThat(detail.getText())
                .contains("create AuthorizationPolicy payments/trustmap-deny-ledger")
                .contains("Digest: sha256:");
        assertThat(new AuditLog(home.resolve("audit.jsonl")).recent(5))
                .singleElement()
                .extracting(AuditEntry::osUser)
                .isEqualTo(System.getProperty("user.name"));
        writeScreenshot("audit-log.png");

        Path report = exportFolder.resolve("report.html");
        robot.interact(() -> app.lab().export().writeReport(window.viewModel().state(), report));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(report) && Files.size(report) > 0);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> Files.readString(report).endsWith("</html>\n"));
        assertThat(Files.readString(report))
                .contains("Recent audit-log entries")
                .contains("create AuthorizationPolicy payments/trustmap-deny-ledger");
    }

    @Test
    void copyYamlIsRecordedAndRefreshReadsEntriesOthersAppended(FxRobot robot) throws Exception {
        awaitLab();
        robot.interact(() -> app.editor().viewModel().deny(EDGE));
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> !app.editor().viewModel().draft().isEmpty());
        robot.clickOn("#copyButton");
        robot.clickOn("Audit log");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 1);
        assertThat(table(robot).getItems().get(0).action()).isEqualTo("export");

        // Another Trustmap (another window, the apply flow) appends; Refresh picks it up.
        new AuditLog(home.resolve("audit.jsonl"))
                .append(new AuditEntry(
                        Instant.now(), "someone", "admin", "kind-dev", "dry-run", List.of(), "sha256:00", "ok"));
        robot.clickOn("Refresh");
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> table(robot).getItems().size() == 2);
        assertThat(table(robot).getItems().get(0).context()).isEqualTo("kind-dev");
    }

    private void writeScreenshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.write(window.scene(), name);
    }
}
