package dev.trustmap.export.report;

import dev.trustmap.analysis.workspace.AuditEntry;
import dev.trustmap.analysis.workspace.AuditLog;
import java.io.IOException;
import java.util.List;

/**
 * The recent audit-log entries a report shows.
 *
 * @param location the log file, or null when the report has no log
 * @param entries the newest entries, newest first
 * @param skipped lines of the log that could not be read
 * @param problem why the log could not be read, or null
 */
public record AuditExcerpt(String location, List<AuditEntry> entries, int skipped, String problem) {
    /** How many entries a report shows. */
    public static final int LIMIT = 20;

    public AuditExcerpt {
        entries = List.copyOf(entries);
    }

    /** The last {@link #LIMIT} entries of {@code log}; a log that cannot be read is reported, not thrown. */
    public static AuditExcerpt of(AuditLog log) {
        String location = log.file().toString();
        try {
            AuditLog.Recent recent = log.read(LIMIT);
            return new AuditExcerpt(location, recent.entries(), recent.skipped(), null);
        } catch (IOException e) {
            return new AuditExcerpt(location, List.of(), 0, e.getMessage());
        }
    }

    /** No audit log for this report. */
    public static AuditExcerpt none() {
        return new AuditExcerpt(null, List.of(), 0, null);
    }
}
