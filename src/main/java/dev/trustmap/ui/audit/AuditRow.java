package dev.trustmap.ui.audit;

import dev.trustmap.analysis.workspace.AuditEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * An audit-log entry as the tab lists it, its time in the local zone.
 *
 * @param entry the entry read from the log
 * @param zone the zone to show times in
 */
public record AuditRow(AuditEntry entry, ZoneId zone) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public String time() {
        return TIME.format(entry.time().atZone(zone));
    }

    public String action() {
        return entry.action();
    }

    public String context() {
        return entry.context();
    }

    public String kubeUser() {
        return entry.kubeUser();
    }

    public String resourceCount() {
        return String.valueOf(entry.resources().size());
    }

    public String outcome() {
        return entry.outcome();
    }
}
