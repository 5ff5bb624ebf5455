package dev.trustmap.ui.audit;

import dev.trustmap.analysis.workspace.AuditEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An audit-log entry as the tab lists it, its time in the local zone.
 *
 * @param entry the entry read from the log
 * @param zone the zone to show times in
 */
public record AuditRow(AuditEntry entry, ZoneId zone) {
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter OLDER = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ENGLISH);

    /** The time, short enough for the narrow column: {@link #compact}, with today's date. */
    public String time() {
        return compact(entry.time(), zone, LocalDate.now(zone));
    }

    /** The whole timestamp, for the tooltip. */
    public String fullTime() {
        return FULL.format(entry.time().atZone(zone));
    }

    /** {@code 19:42:07} today, {@code Dec 2 19:42} earlier this year, {@code 2025-12-02} before that. */
    static String compact(Instant time, ZoneId zone, LocalDate today) {
        ZonedDateTime local = time.atZone(zone);
        if (local.toLocalDate().equals(today)) {
            return TODAY.format(local);
        }
        return local.getYear() == today.getYear() ? THIS_YEAR.format(local) : OLDER.format(local);
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
