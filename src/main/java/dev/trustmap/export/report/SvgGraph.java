package dev.trustmap.export.report;

import dev.trustmap.analysis.EdgeAssessment;
import dev.trustmap.mesh.Workload;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws workloads and observed edges as an inline SVG: columns by call depth from the entry points (outside clients
 * and workloads nobody calls), one row per workload in a column; edge colour is the verdict, the line pattern the
 * connection. Node shape: circle with a sidecar, square without, diamond for a gateway, triangle for outside clients.
 */
public final class SvgGraph {
    static final String OUTSIDE = "unknown";
    private static final int COLUMN = 250;
    private static final int ROW = 58;
    private static final int MARGIN = 60;
    private static final int RADIUS = 11;
    private static final int LEGEND_HEIGHT = 96;
    private static final int LEGEND_WIDTH = 820;
    private static final int LEGEND_ITEM = 200;

    /**
     * The namespace fills of the app's graph ({@code css/graph.css}, classes {@code ns0..ns7}), by the namespace's
     * position in the sorted list, so an export shows each namespace in the colour it has on screen.
     */
    static final List<String> NAMESPACE_FILLS =
            List.of("#a5d8ff", "#d0bfff", "#ffe066", "#96f2d7", "#fcc2d7", "#ced4da", "#ffd8a8", "#c0eb75");

    private SvgGraph() {}

    /** The SVG document of the workloads and edges with a legend under them (the app's "Export graph as SVG"). */
    public static String draw(List<Workload> workloads, List<EdgeAssessment> edges) {
        return draw(workloads, edges, true);
    }

    /**
     * The SVG document of the workloads and edges, in a sans-serif font.
     *
     * @param legend whether to draw the legend (verdict colours, line patterns, node shapes) under the graph; the
     *     HTML report has its own
     */
    public static String draw(List<Workload> workloads, List<EdgeAssessment> edges, boolean legend) {
        Map<String, Workload> nodes = new LinkedHashMap<>();
        workloads.forEach(w -> nodes.put(w.id(), w));
        boolean outside = edges.stream().anyMatch(e -> e.edge().fromOutside());
        Map<String, int[]> at = layout(nodes, edges, outside);
        int width = at.values().stream().mapToInt(p -> p[0]).max().orElse(0) + COLUMN;
        int graphHeight = at.values().stream().mapToInt(p -> p[1]).max().orElse(0) + MARGIN;
        if (legend) {
            width = Math.max(width, LEGEND_WIDTH);
        }
        int height = graphHeight + (legend ? LEGEND_HEIGHT : 0);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
                        + " font-family=\"Helvetica, Arial, 'DejaVu Sans', sans-serif\" role=\"img\""
                        + " aria-label=\"service graph\">",
                width,
                height,
                width,
                height));
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\""
                + " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\""
                + " fill=\"#555\"/></marker></defs>");
        edges.forEach(e -> edge(svg, e, at));
        List<String> namespaces = nodes.values().stream()
                .map(Workload::namespace)
                .distinct()
                .sorted()
                .toList();
        at.forEach((id, p) -> node(svg, id, nodes.get(id), p, namespaces));
        if (legend) {
            legend(svg, graphHeight);
        }
        return svg.append("</svg>").toString();
    }

    /** Three rows: verdict colours, connection line patterns, node shapes. */
    private static void legend(StringBuilder svg, int top) {
        svg.append(String.format(
                Locale.ROOT,
                "<g class=\"legend\" font-size=\"12\"><rect x=\"0\" y=\"%d\" width=\"100%%\" height=\"%d\""
                        + " fill=\"#f5f7f8\"/>",
                top,
                LEGEND_HEIGHT));
        int y = top + 22;
        int x = MARGIN / 3;
        for (EdgeStyle style : EdgeStyle.values()) {
            legendLine(svg, x + LEGEND_ITEM * style.ordinal(), y, style.colour, "", style.label);
        }
        legendLine(svg, x, y + 26, "#555", "", "mTLS");
        legendLine(svg, x + LEGEND_ITEM, y + 26, "#555", "7 4", "plaintext");
        legendLine(svg, x + 2 * LEGEND_ITEM, y + 26, "#555", "2 4", "broken");
        int shapes = y + 52;
        int cx = x + RADIUS;
        svg.append(
                String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"7\" fill=\"#90a4ae\"/>", cx, shapes - 4));
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"#90a4ae\" stroke=\"#c62828\""
                        + " stroke-width=\"3\"/>",
                cx + LEGEND_ITEM - 7,
                shapes - 11));
        svg.append(String.format(
                Locale.ROOT,
                "<polygon points=\"%d,%d %d,%d %d,%d %d,%d\" fill=\"#90a4ae\"/>",
                cx + 2 * LEGEND_ITEM,
                shapes - 13,
                cx + 2 * LEGEND_ITEM + 9,
                shapes - 4,
                cx + 2 * LEGEND_ITEM,
                shapes + 5,
                cx + 2 * LEGEND_ITEM - 9,
                shapes - 4));
        svg.append(String.format(
                Locale.ROOT,
                "<polygon points=\"%d,%d %d,%d %d,%d\" fill=\"#9e9e9e\"/>",
                cx + 3 * LEGEND_ITEM,
                shapes - 12,
                cx + 3 * LEGEND_ITEM - 8,
                shapes + 3,
                cx + 3 * LEGEND_ITEM + 8,
                shapes + 3));
        String[] names = {"sidecar", "no sidecar", "gateway", "outside the mesh"};
        for (int i = 0; i < names.length; i++) {
            legendText(svg, x + i * LEGEND_ITEM + 2 * RADIUS + 8, shapes, names[i]);
        }
        svg.append("</g>");
    }

    private static void legendLine(StringBuilder svg, int x, int y, String colour, String dashes, String label) {
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2.5\""
                        + " stroke-dasharray=\"%s\"/>",
                x,
                y - 4,
                x + 2 * RADIUS,
                y - 4,
                colour,
                dashes));
        legendText(svg, x + 2 * RADIUS + 8, y, label);
    }

    private static void legendText(StringBuilder svg, int x, int y, String text) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", x, y, Html.escape(text)));
    }

    /** Column by breadth-first call depth from the entry points; rows in order within a column. */
    private static Map<String, int[]> layout(Map<String, Workload> nodes, List<EdgeAssessment> edges, boolean outside) {
        Map<String, List<String>> out = new HashMap<>();
        Map<String, Integer> incoming = new HashMap<>();
        for (EdgeAssessment e : edges) {
            out.computeIfAbsent(e.edge().sourceId(), k -> new ArrayList<>())
                    .add(e.edge().destinationId());
            incoming.merge(e.edge().destinationId(), 1, Integer::sum);
        }
        Map<String, Integer> depth = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        if (outside) {
            depth.put(OUTSIDE, 0);
            queue.add(OUTSIDE);
        }
        nodes.keySet().stream().filter(id -> !incoming.containsKey(id)).forEach(id -> {
            depth.put(id, outside && out.containsKey(id) ? 1 : 0);
            queue.add(id);
        });
        while (!queue.isEmpty()) {
            String id = queue.poll();
            for (String next : out.getOrDefault(id, List.of())) {
                if (!depth.containsKey(next) && nodes.containsKey(next)) {
                    depth.put(next, depth.get(id) + 1);
                    queue.add(next);
                }
            }
        }
        nodes.keySet().forEach(id -> depth.putIfAbsent(id, 0));
        Map<Integer, Integer> rows = new HashMap<>();
        Map<String, int[]> at = new LinkedHashMap<>();
        depth.forEach((id, d) -> {
            int row = rows.merge(d, 1, Integer::sum) - 1;
            at.put(id, new int[] {MARGIN + d * COLUMN, MARGIN + row * ROW});
        });
        return at;
    }

    private static void edge(StringBuilder svg, EdgeAssessment e, Map<String, int[]> at) {
        int[] a = at.get(e.edge().sourceId());
        int[] b = at.get(e.edge().destinationId());
        if (a == null || b == null) {
            return;
        }
        EdgeStyle style = EdgeStyle.of(e);
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double length = Math.max(1, Math.hypot(dx, dy));
        double x2 = b[0] - dx / length * (RADIUS + 3);
        double y2 = b[1] - dy / length * (RADIUS + 3);
        double bend = dx <= 0 ? 40 : 0;
        svg.append(String.format(
                Locale.ROOT,
                "<path d=\"M %d %d Q %.1f %.1f %.1f %.1f\" fill=\"none\" stroke=\"%s\""
                        + " stroke-width=\"1.8\" stroke-dasharray=\"%s\" marker-end=\"url(#arrow)\" opacity=\"0.85\">"
                        + "<title>%s</title></path>",
                a[0],
                a[1],
                (a[0] + x2) / 2 + bend,
                (a[1] + y2) / 2 - bend,
                x2,
                y2,
                style.colour,
                EdgeStyle.dashes(e.verdict().connection().connection()),
                Html.escape(e.edge().sourceId() + " -> " + e.edge().destinationId() + ":"
                        + e.edge().port() + " " + e.verdict().decision() + ", "
                        + e.verdict().connection().connection().label())));
    }

    private static void node(StringBuilder svg, String id, Workload w, int[] p, List<String> namespaces) {
        String fill = w == null ? null : colour(namespaces.indexOf(w.namespace()));
        int x = p[0];
        int y = p[1];
        if (w == null) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<polygon points=\"%d,%d %d,%d %d,%d\" fill=\"#9e9e9e\"/>",
                    x,
                    y - RADIUS,
                    x - RADIUS,
                    y + RADIUS,
                    x + RADIUS,
                    y + RADIUS));
        } else if (w.gateway()) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<polygon points=\"%d,%d %d,%d %d,%d %d,%d\" fill=\"%s\"/>",
                    x,
                    y - RADIUS - 2,
                    x + RADIUS + 2,
                    y,
                    x,
                    y + RADIUS + 2,
                    x - RADIUS - 2,
                    y,
                    fill));
        } else if (!w.sidecar()) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\""
                            + " stroke=\"#c62828\" stroke-width=\"3\"/>",
                    x - RADIUS,
                    y - RADIUS,
                    2 * RADIUS,
                    2 * RADIUS,
                    fill));
        } else {
            svg.append(String.format(
                    Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"%s\"/>", x, y, RADIUS, fill));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-size=\"12\" stroke=\"#fff\" stroke-width=\"3\""
                        + " paint-order=\"stroke\">%s</text>",
                x + RADIUS + 5,
                y + 4,
                Html.escape(id)));
    }

    /** The fill of the namespace at {@code index} in the sorted list; namespaces beyond the palette reuse it. */
    static String colour(int index) {
        return NAMESPACE_FILLS.get(Math.floorMod(index, NAMESPACE_FILLS.size()));
    }
}
