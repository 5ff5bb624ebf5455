package dev.trustmap.export.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.analysis.findings.Finding;
import dev.trustmap.analysis.findings.FindingValidator;
import dev.trustmap.analysis.findings.MeshContext;
import dev.trustmap.analysis.workspace.AuditEntry;
import dev.trustmap.analysis.workspace.AuditLog;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.Traffic;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class HtmlReportTest {
    private static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");
    private static Engine engine;
    private static Traffic traffic;
    private static List<Finding> findings;

    @BeforeAll
    static void assessTheLab() {
        engine = Engine.of(LocatedManifests.lab().mesh().snapshot());
        traffic = LabTraffic.simulate(engine, 5, NOW);
        findings = new FindingValidator().validate(MeshContext.of(engine, traffic));
    }

    private static final AuditEntry APPLIED = new AuditEntry(
            Instant.parse("2025-01-15T09:59:00Z"),
            "alice",
            "kube-admin",
            "kind-dev",
            "apply",
            List.of("create AuthorizationPolicy payments/allow-ledger", "delete AuthorizationPolicy payments/<old>"),
            "sha256:0123abcd",
            "ok");

    private static String render(byte[] image, AuditExcerpt audit) {
        return HtmlReport.render(
                new ReportInput("built-in lab", engine, Assessment.of(engine, traffic), findings, audit, image, NOW));
    }

    @Test
    void isAWellFormedSelfContainedDocumentWrittenToTarget() throws Exception {
        String html = render(null, new AuditExcerpt("/home/alice/.trustmap/audit.jsonl", List.of(APPLIED), 0, null));
        Files.writeString(Path.of("target", "report-lab.html"), html, StandardCharsets.UTF_8);

        Document document = parse(html);

        assertThat(document.getElementsByTagName("svg").getLength()).isEqualTo(1);
        assertThat(document.getElementsByTagName("h2").getLength()).isEqualTo(6);
        assertThat(html)
                .doesNotContain("src=\"http", "href=\"http", "<link", "<script")
                .contains("<td>kind-dev</td>")
                .contains("payments/&lt;old&gt;");
    }

    @Test
    void namesTheLabsWeaknesses() {
        String html = render(null, AuditExcerpt.none());

        assertThat(html)
                .contains("payments/fraud-check-callers")
                .contains("analytics/audit-log-writers")
                .contains("messaging/notifications-no-admin")
                .contains("Namespace messaging")
                .contains("legacy/core-banking-adapter")
                .contains("PeerAuthentication frontend/default");
    }

    @Test
    void listsEveryObservedEdgeWithItsVerdictAndPolicy() {
        String html = render(null, AuditExcerpt.none());

        assertThat(html).contains("payments/ledger-callers rule 0 (ALLOW)");
        assertThat(html.split("<tr>").length - 1)
                .isGreaterThanOrEqualTo(traffic.edges().size());
    }

    @Test
    void countsEveryWorkloadOfTheStrictPaymentsNamespaceAsStrictTheCronJobIncluded() {
        List<String> payments = engine.snapshot().workloads().stream()
                .filter(w -> w.namespace().equals("payments"))
                .map(w -> w.name())
                .toList();

        Coverage coverage = Coverage.of(engine, Assessment.of(engine, traffic));

        // The lab README: payments (7 workloads, settlement-batch a CronJob without ports) is the only STRICT one.
        assertThat(payments).hasSize(7).contains("settlement-batch");
        assertThat(coverage.strictWorkloads()).isEqualTo(7);
        assertThat(render(null, AuditExcerpt.none())).contains("7 / " + coverage.meshWorkloads() + "</b>");
    }

    @Test
    void statesTheTimeInSecondsAndTheNoAllowMatchDenyInTheWordsOfEveryView() {
        String html = render(null, AuditExcerpt.none());

        assertThat(html)
                .contains("Generated 2025-01-15 10:00:00 UTC")
                .contains("denied: no ALLOW policy matches; ALLOW policies selecting it: identity/allow-nothing,"
                        + " identity/user-auth-callers")
                .doesNotContain("identity/user-auth-callers (ALLOW)");
    }

    @Test
    void saysAConditionalRowsReasonOnce() {
        String html = render(null, AuditExcerpt.none());

        assertThat(html).contains("denied otherwise: ALLOW policies select the workload");
        assertThat(html).doesNotContain("allowed only for some requests: ALLOW policies select the workload");
    }

    @Test
    void embedsAGivenImageInsteadOfTheDrawnGraph() throws Exception {
        String html = render(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, AuditExcerpt.none());

        Document document = parse(html);

        assertThat(document.getElementsByTagName("svg").getLength()).isZero();
        assertThat(html).contains("src=\"data:image/png;base64,iVBORw==\"");
    }

    @Nested
    class RecentAuditLogEntries {
        @Test
        void listsTheNewestTwentyEntriesOfTheLogNewestFirst(@TempDir Path home) throws Exception {
            AuditLog log = new AuditLog(home.resolve("audit.jsonl"));
            for (int i = 0; i < 25; i++) {
                log.append(new AuditEntry(
                        NOW.plusSeconds(i),
                        "alice",
                        "",
                        "",
                        "export",
                        List.of("create AuthorizationPolicy payments/p" + i),
                        "sha256:" + i,
                        "ok"));
            }

            String html = render(null, AuditExcerpt.of(log));

            String section = html.substring(html.indexOf("<h2 id=\"audit\">Recent audit-log entries</h2>"));
            assertThat(section).contains("The newest 20 entries of <code>" + log.file() + "</code>");
            assertThat(section.split("<tr>").length - 2).isEqualTo(20);
            assertThat(section).contains("payments/p24").contains("payments/p5").doesNotContain("payments/p4<");
            assertThat(section.indexOf("payments/p24")).isLessThan(section.indexOf("payments/p23"));
            assertThat(section).contains("2025-01-15 10:00:24");
            parse(html);
        }

        @Test
        void saysWhereTheLogIsWhenItIsEmpty(@TempDir Path home) {
            AuditLog log = new AuditLog(home.resolve("audit.jsonl"));

            String html = render(null, AuditExcerpt.of(log));

            assertThat(html)
                    .contains("The audit log <code>" + log.file() + "</code> has no entries")
                    .doesNotContain("unreadable");
        }

        @Test
        void countsUnreadableLinesAndSaysWhenThereIsNoLog(@TempDir Path home) throws Exception {
            Path file = Files.writeString(home.resolve("audit.jsonl"), "half a line\n");
            new AuditLog(file).append(APPLIED);

            String html = render(null, AuditExcerpt.of(new AuditLog(file)));

            assertThat(html)
                    .contains("1 unreadable line of the log was skipped")
                    .contains("sha256:0123abcd");
            assertThat(render(null, AuditExcerpt.none())).contains("No audit log was given for this report.");
        }
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }
}
