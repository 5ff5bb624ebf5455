package dev.trustmap.ui.graph;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.application.Platform;
import org.graphstream.graph.Edge;
import org.graphstream.graph.Graph;
import org.graphstream.graph.Node;

/**
 * Maps a {@link GraphModel} onto a GraphStream graph: adds and removes what changed and sets style classes and
 * positions only when they differ, so a tick that changes a few verdicts costs little.
 */
final class GraphSync {
    private final Graph graph;
    private final Map<String, String> classes = new HashMap<>();
    private final Map<String, Point> placed = new HashMap<>();
    private final Map<String, List<Point>> curved = new HashMap<>();
    private EdgeRoutes routes = EdgeRoutes.none();
    private GraphModel applied = GraphModel.empty();
    private String focus;
    private Set<String> neighbours = Set.of();

    GraphSync(Graph graph) {
        this.graph = graph;
    }

    void apply(GraphModel model, Map<String, Point> positions) {
        assert Platform.isFxApplicationThread();
        applied = model;
        neighbours = neighboursOf(model, focus);
        Set<String> edgeIds = new HashSet<>();
        model.edges().forEach(e -> edgeIds.add(e.id()));
        List<String> staleEdges = graph.edges()
                .map(Edge::getId)
                .filter(id -> !edgeIds.contains(id))
                .toList();
        staleEdges.forEach(this::removeEdge);
        List<String> staleNodes = graph.nodes()
                .map(Node::getId)
                .filter(id -> !model.nodeIds().contains(id))
                .toList();
        staleNodes.forEach(this::removeNode);
        for (GraphNode node : model.nodes()) {
            syncNode(node, positions.get(node.id()));
        }
        if (!staleNodes.isEmpty()) {
            remeasure();
        }
        routes = EdgeRoutes.of(model, positions);
        for (GraphEdge edge : model.edges()) {
            syncEdge(edge);
        }
    }

    /**
     * GraphStream recomputes the graph's bounds (which Fit shows) only when a node moves, not when one is removed;
     * setting a node's position again makes a filtered graph fit to what is left.
     */
    private void remeasure() {
        graph.nodes().findFirst().ifPresent(node -> {
            Point at = placed.getOrDefault(node.getId(), new Point(0, 0));
            node.setAttribute("xyz", at.x(), at.y(), 0.0);
        });
    }

    /**
     * Highlights a workload's edges: they get the class {@code related}, every other edge and node {@code dimmed};
     * null shows everything plainly again. The classes come first since GraphStream lets the first class win.
     */
    void focus(String nodeId) {
        focus = nodeId;
        neighbours = neighboursOf(applied, nodeId);
        applied.nodes().forEach(n -> setClass(n.id(), graph.getNode(n.id()), nodeClasses(n)));
        applied.edges().forEach(e -> setClass("e:" + e.id(), graph.getEdge(e.id()), edgeClasses(e)));
    }

    private static Set<String> neighboursOf(GraphModel model, String nodeId) {
        if (nodeId == null) {
            return Set.of();
        }
        Set<String> ids = new HashSet<>();
        ids.add(nodeId);
        model.incoming(nodeId).forEach(e -> ids.add(e.source()));
        model.outgoing(nodeId).forEach(e -> ids.add(e.target()));
        return ids;
    }

    private String nodeClasses(GraphNode node) {
        String own = String.join(", ", node.styleClasses());
        return focus == null || neighbours.contains(node.id()) ? own : "dimmed, " + own;
    }

    private String edgeClasses(GraphEdge edge) {
        String own = String.join(", ", edge.styleClasses());
        if (focus == null) {
            return own;
        }
        boolean related = edge.source().equals(focus) || edge.target().equals(focus);
        return (related ? "related, " : "dimmed, ") + own;
    }

    /** How the edges last applied are drawn (curves for calls within a column). */
    EdgeRoutes routes() {
        return routes;
    }

    private void syncNode(GraphNode model, Point position) {
        Node node = graph.getNode(model.id());
        if (node == null) {
            node = graph.addNode(model.id());
            node.setAttribute("ui.label", model.label());
        }
        setClass(node.getId(), node, nodeClasses(model));
        Point at = position == null ? new Point(0, 0) : position;
        if (!at.equals(placed.get(model.id()))) {
            node.setAttribute("xyz", at.x(), at.y(), 0.0);
            placed.put(model.id(), at);
        }
    }

    private void syncEdge(GraphEdge model) {
        Edge edge = graph.getEdge(model.id());
        if (edge == null) {
            edge = graph.addEdge(model.id(), model.source(), model.target(), true);
        }
        setClass("e:" + model.id(), edge, edgeClasses(model));
        setCurve(model.id(), edge, routes.curve(model.id()));
    }

    private void setCurve(String id, Edge edge, List<Point> curve) {
        if (java.util.Objects.equals(curve, curved.get(id))) {
            return;
        }
        if (curve == null) {
            edge.removeAttribute("ui.points");
            edge.removeAttribute("ui.style");
            curved.remove(id);
            return;
        }
        Object[] points = curve.stream()
                .flatMap(p -> java.util.stream.Stream.of(p.x(), p.y(), 0.0))
                .toArray();
        edge.setAttribute("ui.points", points);
        edge.setAttribute("ui.style", "shape: cubic-curve;");
        curved.put(id, curve);
    }

    private void setClass(String key, org.graphstream.graph.Element element, String styleClass) {
        if (element != null && !styleClass.equals(classes.get(key))) {
            element.setAttribute("ui.class", styleClass);
            classes.put(key, styleClass);
        }
    }

    private void removeEdge(String id) {
        graph.removeEdge(id);
        classes.remove("e:" + id);
        curved.remove(id);
    }

    private void removeNode(String id) {
        graph.removeNode(id);
        classes.remove(id);
        placed.remove(id);
    }

    /** The style class string last set on an element, as GraphStream holds it (for tests). */
    static String styleClassOf(org.graphstream.graph.Element element) {
        Object value = element.getAttribute("ui.class");
        return value == null ? "" : value.toString();
    }
}
