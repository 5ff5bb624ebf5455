package dev.trustmap.export.report;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.analysis.findings.Finding;
import dev.trustmap.engine.Engine;
import java.time.Instant;
import java.util.List;

/**
 * What an HTML report shows.
 *
 * @param title the report's heading, e.g. the source's name
 * @param engine the engine of the current policies
 * @param assessment the observed edges with their verdicts (may have no edges)
 * @param findings the findings to list
 * @param audit the recent audit-log entries to show
 * @param graphImage a PNG of the graph to embed instead of the drawn SVG, or null
 * @param generatedAt when the report was made
 * @param notes sentences on what was active when the report was made and is not in it (an open policy draft, a
 *     compromise marked in the breach lab), shown under the title; empty for none
 */
public record ReportInput(
        String title,
        Engine engine,
        Assessment assessment,
        List<Finding> findings,
        AuditExcerpt audit,
        byte[] graphImage,
        Instant generatedAt,
        List<String> notes) {

    public ReportInput {
        findings = List.copyOf(findings);
        audit = audit == null ? AuditExcerpt.none() : audit;
        notes = List.copyOf(notes);
    }

    /** A report without notes. */
    public ReportInput(
            String title,
            Engine engine,
            Assessment assessment,
            List<Finding> findings,
            AuditExcerpt audit,
            byte[] graphImage,
            Instant generatedAt) {
        this(title, engine, assessment, findings, audit, graphImage, generatedAt, List.of());
    }
}
