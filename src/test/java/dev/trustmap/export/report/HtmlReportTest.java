package dev.trustmap.export.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.analysis.findings.Finding;
import dev.trustmap.analysis.findings.FindingValidator;
import dev.trustmap.analysis.findings.MeshContext;
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
import org.junit.jupiter.api.Test;
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

    private static String render(byte[] image, List<String> audit) {
        return HtmlReport.render(
                new ReportInput("built-in lab", engine, Assessment.of(engine, traffic), findings, audit, image, NOW));
    }

    @Test
    void isAWellFormedSelfContainedDocumentWrittenToTarget() throws Exception {
        String html = render(null, List.of("2025-01-15T09:59:00Z alice applied AuthorizationPolicy payments/x"));
        Files.writeString(Path.of("target", "report-lab.html"), html, StandardCharsets.UTF_8);

        Document document = parse(html);

        assertThat(document.getElementsByTagName("svg").getLength()).isEqualTo(1);
        assertThat(document.getElementsByTagName("h2").getLength()).isEqualTo(6);
        assertThat(html)
                .doesNotContain("src=\"http", "href=\"http", "<link", "<script")
                .contains("alice applied");
    }

    @Test
    void namesTheLabsWeaknesses() {
        String html = render(null, List.of());

        assertThat(html)
                .contains("payments/fraud-check-callers")
                .contains("analytics/audit-log-writers")
                .contains("messaging/notifications-no-admin")
                .contains("Namespace messaging")
                .contains("legacy/core-banking-adapter")
                .contains("PeerAuthentication frontend/default")
                .contains("No audit-log entries.");
    }

    @Test
    void listsEveryObservedEdgeWithItsVerdictAndPolicy() {
        String html = render(null, List.of());

        assertThat(html).contains("payments/ledger-callers rule 0 (ALLOW)");
        assertThat(html.split("<tr>").length - 1)
                .isGreaterThanOrEqualTo(traffic.edges().size());
    }

    @Test
    void embedsAGivenImageInsteadOfTheDrawnGraph() throws Exception {
        String html = render(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, List.of());

        Document document = parse(html);

        assertThat(document.getElementsByTagName("svg").getLength()).isZero();
        assertThat(html).contains("src=\"data:image/png;base64,iVBORw==\"");
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }
}
