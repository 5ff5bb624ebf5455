package dev.trustmap.ui.graph;

import java.util.List;
import java.util.Map;

/** Finds what lies under a point of the graph: nodes win over edges. Works in graph units, without a display. */
public final class HitTest {
    private HitTest() {}

    /**
     * The node within {@code nodeRadius} of {@code at}, else the edge within {@code edgeTolerance}, else none.
     */
    public static Selection find(
            GraphModel model, Map<String, Point> positions, Point at, double nodeRadius, double edgeTolerance) {
        return find(model, positions, EdgeRoutes.of(model, positions), at, nodeRadius, edgeTolerance);
    }

    /** As above, with the edges' drawn shapes already computed: curved edges are hit along their curve. */
    public static Selection find(
            GraphModel model,
            Map<String, Point> positions,
            EdgeRoutes routes,
            Point at,
            double nodeRadius,
            double edgeTolerance) {
        String bestNode = null;
        double bestNodeDistance = nodeRadius;
        for (GraphNode node : model.nodes()) {
            Point p = positions.get(node.id());
            if (p != null && p.distance(at) <= bestNodeDistance) {
                bestNode = node.id();
                bestNodeDistance = p.distance(at);
            }
        }
        if (bestNode != null) {
            return Selection.node(bestNode);
        }
        String bestEdge = null;
        double bestEdgeDistance = edgeTolerance;
        for (GraphEdge edge : model.edges()) {
            double distance = edgeDistance(edge, positions, routes, at);
            if (distance <= bestEdgeDistance) {
                bestEdge = edge.id();
                bestEdgeDistance = distance;
            }
        }
        return bestEdge == null ? Selection.NONE : Selection.edge(bestEdge);
    }

    private static double edgeDistance(GraphEdge edge, Map<String, Point> positions, EdgeRoutes routes, Point at) {
        List<Point> curve = routes.curve(edge.id());
        if (curve != null) {
            return EdgeRoutes.distance(at, curve);
        }
        Point a = positions.get(edge.source());
        Point b = positions.get(edge.target());
        return a == null || b == null ? Double.POSITIVE_INFINITY : segmentDistance(at, a, b);
    }

    /** Distance from {@code p} to the segment {@code a}–{@code b}. */
    static double segmentDistance(Point p, Point a, Point b) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double lengthSquared = dx * dx + dy * dy;
        if (lengthSquared == 0) {
            return p.distance(a);
        }
        double t = ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / lengthSquared;
        t = Math.max(0, Math.min(1, t));
        return p.distance(new Point(a.x() + t * dx, a.y() + t * dy));
    }
}
