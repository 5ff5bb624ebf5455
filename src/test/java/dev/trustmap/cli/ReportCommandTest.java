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
        assertThat(Files.readString(output))
                .contains("No observed traffic: the findings consider every workload the policies let through")
                .contains("Namespace shop");
    }

    @Test
    void tellsWorkloadsDeniedByDefaultFromWorkloadsWithAllowRules() throws Exception {
        Path base = Path.of(getClass().getResource("/findings/base.yaml").toURI());
        Path policies = Files.writeString(folder.resolve("policies.yaml"), """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: allow-nothing, namespace: shop}
                spec: {}
                ---
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: api, namespace: shop}
                spec:
                  selector: {matchLabels: {app: api}}
                  rules: [{from: [{source: {principals: [cluster.local/ns/shop/sa/web]}}]}]
                """);
        Path output = folder.resolve("report.html");

        CliRun run = CliRun.of(
                "report", "--manifests", base.toString(), "--manifests", policies.toString(), "-o", output.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(output))
                .containsPattern("<td>mesh workloads under an ALLOW policy [^<]*</td><td>3 of 3 \\(100%\\)</td>")
                .containsPattern("<td>mesh workloads with ALLOW rules [^<]*</td><td>1 of 3 \\(33%\\)</td>");
    }

    @Test
    void countsOnlyTheObservedEdgesItCouldAssessAndNamesTheMeshWithoutBrackets() throws Exception {
        Path bookinfo = Path.of("src/test/resources/traffic/bookinfo");
        Path output = folder.resolve("report.html");

        CliRun run = CliRun.of(
                "report",
                "--manifests",
                bookinfo.resolve("bookinfo.yaml").toString(),
                bookinfo.resolve("policies.yaml").toString(),
                "--traffic",
                bookinfo.resolve("traffic.yaml").toString(),
                "-o",
                output.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).endsWith("observed edges (2 left out)\n").doesNotContain(" 8 observed edges");
        assertThat(run.err()).contains("warning: 2 observed edges left out");
        String html = Files.readString(output);
        assertThat(html)
                .contains("2 observed edges left out: they name a workload or Service the mesh does not have.")
                .contains(bookinfo.resolve("bookinfo.yaml") + ", " + bookinfo.resolve("policies.yaml"))
                .doesNotContain("[" + bookinfo.resolve("bookinfo.yaml"));
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
