package dev.trustmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.analysis.workspace.AuditEntry;
import dev.trustmap.analysis.workspace.AuditLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path folder;

    @Test
    void writesTheLabReportWithItsWeaknesses() throws Exception {
        Path audit = folder.resolve("audit.jsonl");
        new AuditLog(audit)
                .append(new AuditEntry(
                        Instant.parse("2025-01-15T09:00:00Z"),
                        "bob",
                        "",
                        "",
                        "export",
                        List.of("create AuthorizationPolicy payments/bobs-draft"),
                        "sha256:00",
                        "ok"));
        Path output = folder.resolve("report.html");

        CliRun run = CliRun.of("report", "--lab", "--audit-log", audit.toString(), "-o", output.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("wrote " + output).contains("findings").contains("observed edges");
        assertThat(Files.readString(output))
                .contains("messaging/notifications-no-admin")
                .contains("payments/fraud-check-callers")
                .contains("Recent audit-log entries")
                .contains("payments/bobs-draft")
                .contains("<td>bob</td>");
    }

    @Test
    void aMissingAuditLogIsBadInputNamingTheFile() {
        Path missing = folder.resolve("nope.jsonl");

        CliRun run = CliRun.of(
                "report",
                "--lab",
                "--audit-log",
                missing.toString(),
                "-o",
                folder.resolve("x.html").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(missing + ": no such audit log");
    }

    @Test
    void reportsOnAFolderOfManifestsWithoutTraffic() throws Exception {
        Path base = Path.of(getClass().getResource("/findings/base.yaml").toURI());
        Path output = folder.resolve("report.html");

        CliRun run = CliRun.of("report", "--manifests", base.toString(), "-o", output.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(output)).contains("No observed traffic.").contains("Namespace shop");
    }

    @Test
    void refusesAnOutputFolderThatDoesNotExist() {
        Path output = folder.resolve("no/such/dir/r.html");

        CliRun run = CliRun.of("report", "--lab", "-o", output.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(output + ": the folder").contains("does not exist");
        assertThat(folder.resolve("no")).doesNotExist();
    }

    @Test
    void refusesAFolderOrAnEmptyNameAsTheOutputFileOrTheAuditLog() {
        CliRun intoFolder = CliRun.of("report", "--lab", "-o", folder.toString());
        CliRun empty = CliRun.of("report", "--lab", "-o", "");
        CliRun auditFolder = CliRun.of(
                "report",
                "--lab",
                "--audit-log",
                folder.toString(),
                "-o",
                folder.resolve("r.html").toString());

        assertThat(intoFolder.exitCode()).isEqualTo(2);
        assertThat(intoFolder.err()).contains(folder + " is a folder").contains("-o " + folder.resolve("report.html"));
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("-o is empty");
        assertThat(auditFolder.exitCode()).isEqualTo(2);
        assertThat(auditFolder.err()).contains(folder + " is a folder").contains("audit.jsonl");
    }

    @Test
    void readsTheTrafficFileOfTheManifestFolder() throws Exception {
        Path bookinfo = Path.of(getClass().getResource("/traffic/bookinfo").toURI());
        Path output = folder.resolve("report.html");

        CliRun run = CliRun.of("report", "--manifests", bookinfo.toString(), "-o", output.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain(" 0 observed edges").containsPattern("[1-9]\\d* observed edges");
        assertThat(run.err()).doesNotContain("Traffic");
    }
}
