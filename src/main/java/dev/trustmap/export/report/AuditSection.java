package dev.trustmap.export.report;

import dev.trustmap.analysis.workspace.AuditEntry;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The report's "Recent audit-log entries" section: a table of the newest entries, or why there is none. */
final class AuditSection {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private AuditSection() {}

    static void append(StringBuilder html, AuditExcerpt audit) {
        html.append("<h2 id=\"audit\">Recent audit-log entries</h2>");
        String where = audit.location() == null ? "" : " <code>" + Html.escape(audit.location()) + "</code>";
        if (audit.problem() != null) {
            html.append("<p class=\"muted\">The audit log could not be read: ")
                    .append(Html.escape(audit.problem()))
                    .append("</p>");
            return;
        }
        if (audit.location() == null) {
            html.append("<p class=\"muted\">No audit log was given for this report.</p>");
            return;
        }
        if (audit.entries().isEmpty()) {
            html.append("<p class=\"muted\">The audit log")
                    .append(where)
                    .append(
                            audit.skipped() > 0
                                    ? " has no readable entries.</p>"
                                    : " has no entries: nothing has been exported, dry-run or applied from Trustmap"
                                            + " yet.</p>");
            skipped(html, audit);
            return;
        }
        html.append("<p class=\"muted\">The newest ")
                .append(audit.entries().size())
                .append(" entries of")
                .append(where)
                .append(", newest first; times in UTC.</p>");
        skipped(html, audit);
        table(html, audit);
    }

    private static void skipped(StringBuilder html, AuditExcerpt audit) {
        if (audit.skipped() > 0) {
            html.append("<p class=\"muted\">")
                    .append(audit.skipped())
                    .append(
                            audit.skipped() == 1
                                    ? " unreadable line of the log was"
                                    : " unreadable lines of the log were")
                    .append(" skipped.</p>");
        }
    }

    private static void table(StringBuilder html, AuditExcerpt audit) {
        html.append("<table><tr><th class=\"narrow\">Time</th><th>Action</th><th>OS user</th>"
                + "<th>Kubernetes user</th><th>Context</th><th>Resources</th><th>Outcome</th><th>Digest</th></tr>");
        for (AuditEntry entry : audit.entries()) {
            html.append("<tr><td class=\"narrow\">")
                    .append(TIME.format(entry.time()))
                    .append("</td>");
            cell(html, entry.action());
            cell(html, entry.osUser());
            cell(html, entry.kubeUser());
            cell(html, entry.context());
            html.append("<td>");
            for (int i = 0; i < entry.resources().size(); i++) {
                html.append(i == 0 ? "" : "<br/>")
                        .append(Html.escape(entry.resources().get(i)));
            }
            html.append("</td>");
            cell(html, entry.outcome());
            html.append("<td><code>").append(Html.escape(entry.digest())).append("</code></td></tr>");
        }
        html.append("</table>");
    }

    private static void cell(StringBuilder html, String text) {
        html.append("<td>").append(Html.escape(text)).append("</td>");
    }
}
