package dev.trustmap.export.report;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.analysis.EdgeAssessment;
import dev.trustmap.analysis.findings.Finding;
import dev.trustmap.engine.AuthzResult;
import dev.trustmap.engine.Decision;
import dev.trustmap.text.Plural;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML report (inline CSS and graph, no external assets) an auditor can file: the graph, mTLS and
 * policy coverage, findings, every observed edge with its verdict and deciding policy, and recent audit-log entries.
 * The output is well-formed XML as well as HTML.
 */
public final class HtmlReport {
    private static final String CSS = "body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}"
            + "header{background:#263238;color:#fff;padding:18px 32px}header h1{margin:0;font-size:22px}"
            + "header p{margin:4px 0 0;color:#b0bec5}main{padding:8px 32px 40px;max-width:1400px}"
            + "h2{border-bottom:2px solid #cfd8dc;padding-bottom:4px;margin-top:32px}"
            + ".cards{display:flex;gap:16px;flex-wrap:wrap}.card{background:#fff;border:1px solid #cfd8dc;"
            + "border-radius:6px;padding:12px 18px;min-width:200px}.card b{display:block;font-size:26px}"
            + "table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #e0e0e0;"
            + "padding:5px 8px;text-align:left;vertical-align:top}th{background:#eceff1}"
            + ".ERROR{color:#fff;background:#c62828}.WARNING{color:#000;background:#ffb300}.INFO{background:#90caf9}"
            + ".sev{font-weight:bold;padding:1px 6px;border-radius:3px;font-size:12px}"
            + ".graph{background:#fff;border:1px solid #cfd8dc;overflow:auto;max-height:900px}"
            + ".legend span{margin-right:18px}.swatch{display:inline-block;width:22px;height:4px;margin-right:6px;"
            + "vertical-align:middle}code{font-size:12px}pre{background:#fff;border:1px solid #e0e0e0;padding:8px;"
            + "overflow:auto}.muted{color:#777}td code{word-break:break-all}.narrow{width:1%;white-space:nowrap}"
            + ".path{width:18%}.note{background:#fff8e1;border-left:4px solid #ffb300;padding:8px 12px}";

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private HtmlReport() {}

    /** The report as one HTML document. */
    public static String render(ReportInput input) {
        Coverage coverage = Coverage.of(input.engine(), input.assessment());
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>")
                .append(Html.escape("Trustmap report: " + input.title()))
                .append("</title><style>")
                .append(CSS)
                .append("</style></head><body><header><h1>")
                .append(Html.escape("Trustmap report: " + input.title()))
                .append("</h1><p>Generated ")
                .append(GENERATED.withZone(ZoneOffset.UTC).format(input.generatedAt()))
                .append(" UTC</p></header><main>");
        input.notes()
                .forEach(note -> html.append("<p class=\"note\">")
                        .append(Html.escape(note))
                        .append("</p>"));
        summary(html, input, coverage);
        graph(html, input);
        coverage(html, coverage);
        findings(html, input.findings());
        edges(html, input.assessment());
        AuditSection.append(html, input.audit());
        return html.append("</main></body></html>\n").toString();
    }

    private static void summary(StringBuilder html, ReportInput input, Coverage c) {
        long errors = input.findings().stream()
                .filter(f -> f.severity().name().equals("ERROR"))
                .count();
        html.append("<h2 id=\"summary\">Summary</h2><div class=\"cards\">");
        card(
                html,
                String.valueOf(input.engine().snapshot().workloads().size()),
                "workloads in " + input.engine().snapshot().namespaces().size() + " namespaces");
        card(html, Coverage.percent(c.mtlsRps(), c.observedRps()), "of observed traffic on mTLS");
        card(html, c.strictWorkloads() + " / " + c.meshWorkloads(), "mesh workloads in STRICT mTLS");
        card(html, c.allowWorkloads() + " / " + c.meshWorkloads(), "mesh workloads denied by default (under an ALLOW)");
        card(html, c.grantWorkloads() + " / " + c.meshWorkloads(), "mesh workloads with ALLOW rules");
        card(
                html,
                c.defaultDenyNamespaces().size() + " / " + c.meshNamespaces().size(),
                "namespaces with default deny");
        card(
                html,
                String.valueOf(input.findings().size()),
                (input.findings().size() == 1 ? "finding (" : "findings (") + Plural.of(errors, "error") + ")");
        html.append("</div>");
    }

    private static void card(StringBuilder html, String value, String label) {
        html.append("<div class=\"card\"><b>")
                .append(Html.escape(value))
                .append("</b>")
                .append(Html.escape(label))
                .append("</div>");
    }

    private static void graph(StringBuilder html, ReportInput input) {
        html.append("<h2 id=\"graph\">Service graph</h2><div class=\"graph\">");
        if (input.graphImage() != null) {
            html.append("<img alt=\"service graph\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(input.graphImage()))
                    .append("\"/>");
        } else {
            html.append(SvgGraph.draw(
                    input.engine().snapshot().workloads(), input.assessment().edges(), false));
        }
        html.append("</div><p class=\"legend\">");
        for (EdgeStyle style : EdgeStyle.values()) {
            html.append("<span><i class=\"swatch\" style=\"background:")
                    .append(style.colour)
                    .append("\"></i>")
                    .append(style.label)
                    .append("</span>");
        }
        html.append("<span>solid: mTLS, dashed: plaintext, dotted: broken</span><span>circle: sidecar, red square:"
                + " no sidecar, diamond: gateway, triangle: outside</span></p>");
    }

    private static void coverage(StringBuilder html, Coverage c) {
        html.append("<h2 id=\"coverage\">Coverage</h2><table><tr><th>measure</th><th>value</th></tr>");
        row(
                html,
                "observed traffic on mTLS",
                String.format(
                        Locale.ROOT,
                        "%s (%.1f of %.1f requests/s)",
                        Coverage.percent(c.mtlsRps(), c.observedRps()),
                        c.mtlsRps(),
                        c.observedRps()));
        row(
                html,
                "mesh workloads in STRICT mTLS",
                c.strictWorkloads() + " of " + c.meshWorkloads() + " ("
                        + Coverage.percent(c.strictWorkloads(), c.meshWorkloads()) + ")");
        row(
                html,
                "mesh workloads under an ALLOW policy (denied unless a rule allows, an allow-nothing counts)",
                c.allowWorkloads() + " of " + c.meshWorkloads() + " ("
                        + Coverage.percent(c.allowWorkloads(), c.meshWorkloads()) + ")");
        row(
                html,
                "mesh workloads with ALLOW rules (callers granted explicitly)",
                c.grantWorkloads() + " of " + c.meshWorkloads() + " ("
                        + Coverage.percent(c.grantWorkloads(), c.meshWorkloads()) + ")");
        row(
                html,
                "namespaces with default deny",
                c.defaultDenyNamespaces().isEmpty() ? "none" : String.join(", ", c.defaultDenyNamespaces()));
        List<String> open = c.meshNamespaces().stream()
                .filter(n -> !c.defaultDenyNamespaces().contains(n))
                .toList();
        row(html, "namespaces without default deny", open.isEmpty() ? "none" : String.join(", ", open));
        html.append("</table>");
    }

    private static void row(StringBuilder html, String... cells) {
        html.append("<tr>");
        for (String cell : cells) {
            html.append("<td>").append(Html.escape(cell)).append("</td>");
        }
        html.append("</tr>");
    }

    private static void findings(StringBuilder html, List<Finding> findings) {
        html.append("<h2 id=\"findings\">Findings</h2>");
        if (findings.isEmpty()) {
            html.append("<p>No findings.</p>");
            return;
        }
        html.append("<table><tr><th class=\"narrow\">severity</th><th class=\"narrow\">code</th><th>resource</th>"
                + "<th class=\"path\">path</th><th>problem</th><th>fix</th></tr>");
        for (Finding f : findings) {
            html.append("<tr><td><span class=\"sev ")
                    .append(f.severity())
                    .append("\">")
                    .append(f.severity())
                    .append("</span></td><td>")
                    .append(f.code())
                    .append("</td><td>")
                    .append(Html.escape(f.resource()))
                    .append("</td><td><code>")
                    .append(Html.escape(f.path()))
                    .append("</code></td><td>")
                    .append(Html.escape(f.message()))
                    .append("</td><td>")
                    .append(Html.escape(f.fix()))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void edges(StringBuilder html, Assessment assessment) {
        List<EdgeAssessment> edges = assessment.edges();
        html.append("<h2 id=\"edges\">Observed edges</h2>");
        int unresolved = assessment.unresolved().size();
        if (unresolved > 0) {
            html.append("<p class=\"note\">")
                    .append(Plural.of(unresolved, "observed edge"))
                    .append(" left out: ")
                    .append(unresolved == 1 ? "it names" : "they name")
                    .append(" a workload or Service the mesh does not have.</p>");
        }
        if (edges.isEmpty()) {
            html.append("<p class=\"muted\">No observed traffic: the findings consider every workload the policies"
                    + " let through as a caller. Give a traffic file (--traffic) to list the observed edges with their"
                    + " verdicts.</p>");
            return;
        }
        html.append("<table><tr><th>from</th><th>to</th><th>port</th><th>requests/s</th><th>mTLS share</th>"
                + "<th>connection</th><th>verdict</th><th>deciding policy</th></tr>");
        edges.stream()
                .sorted(Comparator.comparing((EdgeAssessment e) -> e.edge().sourceId())
                        .thenComparing(e -> e.edge().destinationId()))
                .forEach(e -> edge(html, e));
        html.append("</table>");
    }

    private static void edge(StringBuilder html, EdgeAssessment e) {
        EdgeStyle style = EdgeStyle.of(e);
        html.append("<tr><td>")
                .append(Html.escape(e.edge().sourceId()))
                .append("</td><td>")
                .append(Html.escape(e.edge().destinationId()))
                .append("</td><td>")
                .append(e.edge().port())
                .append(" ")
                .append(e.edge().protocol())
                .append("</td><td>")
                .append(String.format(Locale.ROOT, "%.2f", e.edge().requestsPerSecond()))
                .append("</td><td>")
                .append(Math.round(e.edge().mtlsShare() * 100))
                .append("%</td><td>")
                .append(e.verdict().connection().connection().label())
                .append("</td><td style=\"color:")
                .append(style.colour)
                .append(";font-weight:bold\">")
                .append(e.verdict().decision())
                .append("</td><td>")
                .append(Html.escape(decidedBy(e.verdict().authz())));
        String details = details(e.verdict().authz());
        if (!details.isEmpty()) {
            html.append("<br/><span class=\"muted\">")
                    .append(Html.escape(details))
                    .append("</span>");
        }
        html.append("</td></tr>");
    }

    /**
     * The reason under the deciding policy, without what that line says already: a conditional verdict's reason
     * ("allowed only for some requests: ALLOW policies select the workload") repeats its last condition.
     */
    private static String details(AuthzResult authz) {
        String details = authz.details();
        String shown = decidedBy(authz);
        int colon = details.indexOf(": ");
        String gist = colon < 0 ? details : details.substring(colon + 2);
        return authz.decision() == Decision.CONDITIONAL && shown.contains(gist) ? "" : details;
    }

    /** The deciding policy and rule; for a conditional verdict, its conditions. */
    private static String decidedBy(AuthzResult authz) {
        if (authz.decision() == Decision.CONDITIONAL && !authz.conditions().isEmpty()) {
            return "depends on: " + String.join("; ", authz.conditions());
        }
        if (authz.noAllowMatched()) {
            return authz.noAllowMatchSummary();
        }
        if (authz.policy() == null) {
            return "no policy";
        }
        return authz.policy() + (authz.rule() >= 0 ? " rule " + authz.rule() : "") + " (" + authz.action() + ")";
    }
}
