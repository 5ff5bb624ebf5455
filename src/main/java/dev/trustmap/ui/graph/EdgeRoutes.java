package dev.trustmap.ui.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How edges are drawn: straight, except a call between two nodes of one column with other nodes between them, which
 * would run through those nodes and read as a chain. Such an edge bends out to the right as a cubic curve (away from
 * the calls coming in from the left; the graph's padding leaves room in the last column), leaving and entering the
 * nodes sideways so its arrowhead stays clear of the label under the node. Drawing and hit testing both use these
 * curves. Pure computation, in graph units.
 */
public final class EdgeRoutes {
    private static final double SAME_COLUMN = 1e-6;
    private static final double BASE_BEND = 0.15 * LayeredLayout.COLUMN_GAP;
    private static final double BEND_PER_NODE = 0.05 * LayeredLayout.COLUMN_GAP;
    private static final double MAX_BEND = 0.4 * LayeredLayout.COLUMN_GAP;
    private static final double PARALLEL_GAP = 0.3;
    private static final int SAMPLES = 24;

    private final Map<String, List<Point>> curves;

    private EdgeRoutes(Map<String, List<Point>> curves) {
        this.curves = Map.copyOf(curves);
    }

    public static EdgeRoutes none() {
        return new EdgeRoutes(Map.of());
    }

    // TODO(#3): an edge between columns can still pass over a node of a column it crosses (the lab's
    // settlement-batch -> ledger runs past web); bend such edges too, or let the layout keep those spots free.
    /** The curved edges of a model at the given positions; every other edge is a straight line. */
    public static EdgeRoutes of(GraphModel model, Map<String, Point> positions) {
        Map<Double, List<Double>> columns = new HashMap<>();
        positions
                .values()
                .forEach(p ->
                        columns.computeIfAbsent(p.x(), x -> new ArrayList<>()).add(p.y()));
        Set<String> pairs = new HashSet<>();
        model.edges().forEach(e -> pairs.add(e.source() + "\n" + e.target()));
        Map<String, List<Point>> curves = new HashMap<>();
        for (GraphEdge edge : model.edges()) {
            Point from = positions.get(edge.source());
            Point to = positions.get(edge.target());
            if (from == null || to == null || Math.abs(from.x() - to.x()) > SAME_COLUMN) {
                continue;
            }
            int between = between(columns.getOrDefault(from.x(), List.of()), from.y(), to.y());
            if (between > 0) {
                boolean wider = pairs.contains(edge.target() + "\n" + edge.source())
                        && edge.source().compareTo(edge.target()) > 0;
                curves.put(edge.id(), arc(from, to, between, wider));
            }
        }
        parallel(model, positions, curves);
        return new EdgeRoutes(curves);
    }

    /**
     * Several edges between the same two nodes (both directions, or several ports) would lie on one line; they fan
     * out as curves on either side, which also replaces GraphStream's own multi-edge curves that hit testing could
     * not follow.
     */
    private static void parallel(GraphModel model, Map<String, Point> positions, Map<String, List<Point>> curves) {
        Map<String, List<GraphEdge>> byPair = new TreeMap<>();
        for (GraphEdge edge : model.edges()) {
            String a = edge.source().compareTo(edge.target()) < 0 ? edge.source() : edge.target();
            String b = a.equals(edge.source()) ? edge.target() : edge.source();
            byPair.computeIfAbsent(a + "\n" + b, k -> new ArrayList<>()).add(edge);
        }
        for (List<GraphEdge> group : byPair.values()) {
            if (group.size() < 2) {
                continue;
            }
            group.sort(java.util.Comparator.comparing(GraphEdge::id));
            for (int i = 0; i < group.size(); i++) {
                GraphEdge edge = group.get(i);
                Point from = positions.get(edge.source());
                Point to = positions.get(edge.target());
                if (from != null && to != null && !curves.containsKey(edge.id()) && from.distance(to) > 0) {
                    curves.put(edge.id(), fanned(edge, from, to, i - (group.size() - 1) / 2.0));
                }
            }
        }
    }

    private static List<Point> fanned(GraphEdge edge, Point from, Point to, double slot) {
        boolean forward = edge.source().compareTo(edge.target()) < 0;
        Point a = forward ? from : to;
        Point b = forward ? to : from;
        double length = a.distance(b);
        double offset = slot * Math.min(PARALLEL_GAP * length, MAX_BEND);
        double nx = -(b.y() - a.y()) / length * offset;
        double ny = (b.x() - a.x()) / length * offset;
        double dx = (to.x() - from.x()) / 3;
        double dy = (to.y() - from.y()) / 3;
        return List.of(
                from,
                new Point(from.x() + dx + nx, from.y() + dy + ny),
                new Point(from.x() + 2 * dx + nx, from.y() + 2 * dy + ny),
                to);
    }

    private static List<Point> arc(Point from, Point to, int between, boolean wider) {
        double bend = Math.min(MAX_BEND, BASE_BEND + BEND_PER_NODE * between);
        if (wider) {
            bend += BASE_BEND; // the call back on the same pair takes a wider arc
        }
        double cx = from.x() + bend;
        return List.of(from, new Point(cx, from.y()), new Point(cx, to.y()), to);
    }

    private static int between(List<Double> column, double y1, double y2) {
        double low = Math.min(y1, y2);
        double high = Math.max(y1, y2);
        return (int) column.stream().filter(y -> y > low && y < high).count();
    }

    /** The four Bézier points (start, two controls, end) of a curved edge, or null for a straight one. */
    public List<Point> curve(String edgeId) {
        return curves.get(edgeId);
    }

    public boolean isEmpty() {
        return curves.isEmpty();
    }

    /** Distance from {@code p} to the drawn curve, measured along a polyline of samples. */
    static double distance(Point p, List<Point> curve) {
        double best = Double.POSITIVE_INFINITY;
        Point previous = curve.get(0);
        for (int i = 1; i <= SAMPLES; i++) {
            Point next = at(curve, (double) i / SAMPLES);
            best = Math.min(best, HitTest.segmentDistance(p, previous, next));
            previous = next;
        }
        return best;
    }

    /** The point of a cubic Bézier curve at {@code t} in [0, 1]. */
    static Point at(List<Point> c, double t) {
        double u = 1 - t;
        double a = u * u * u;
        double b = 3 * u * u * t;
        double d = 3 * u * t * t;
        double e = t * t * t;
        return new Point(
                a * c.get(0).x()
                        + b * c.get(1).x()
                        + d * c.get(2).x()
                        + e * c.get(3).x(),
                a * c.get(0).y()
                        + b * c.get(1).y()
                        + d * c.get(2).y()
                        + e * c.get(3).y());
    }
}
