package dev.trustmap.ui.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The nodes and edges to draw, independent of any drawing library. Immutable. */
public final class GraphModel {
    private final Map<String, GraphNode> nodes;
    private final Map<String, GraphEdge> edges;

    public GraphModel(List<GraphNode> nodes, List<GraphEdge> edges) {
        this.nodes = index(nodes, GraphNode::id);
        this.edges = index(edges, GraphEdge::id);
    }

    public static GraphModel empty() {
        return new GraphModel(List.of(), List.of());
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        Map<String, T> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(id.apply(item), item));
        return java.util.Collections.unmodifiableMap(byId);
    }

    public List<GraphNode> nodes() {
        return List.copyOf(nodes.values());
    }

    public List<GraphEdge> edges() {
        return List.copyOf(edges.values());
    }

    public Optional<GraphNode> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    public Optional<GraphEdge> edge(String id) {
        return Optional.ofNullable(edges.get(id));
    }

    public Set<String> nodeIds() {
        return nodes.keySet();
    }

    /** The namespaces of the workload nodes, sorted. */
    public Set<String> namespaces() {
        return nodes.values().stream()
                .map(GraphNode::namespace)
                .filter(ns -> !ns.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Edges into the node. */
    public List<GraphEdge> incoming(String nodeId) {
        return edges.values().stream().filter(e -> e.target().equals(nodeId)).toList();
    }

    /** Edges out of the node. */
    public List<GraphEdge> outgoing(String nodeId) {
        return edges.values().stream().filter(e -> e.source().equals(nodeId)).toList();
    }

    public long deniedCount() {
        return edges.values().stream().filter(GraphEdge::denied).count();
    }

    /**
     * The part of the graph touching a namespace: its nodes, every edge with an end in it, and the nodes at the
     * other ends. A null or empty namespace keeps everything.
     */
    public GraphModel filterNamespace(String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            return this;
        }
        List<GraphEdge> kept = edges.values().stream()
                .filter(e -> inNamespace(e.source(), namespace) || inNamespace(e.target(), namespace))
                .toList();
        Set<String> ends = kept.stream()
                .flatMap(e -> java.util.stream.Stream.of(e.source(), e.target()))
                .collect(Collectors.toSet());
        List<GraphNode> keptNodes = nodes.values().stream()
                .filter(n -> n.namespace().equals(namespace) || ends.contains(n.id()))
                .toList();
        return new GraphModel(keptNodes, kept);
    }

    private boolean inNamespace(String nodeId, String namespace) {
        GraphNode node = nodes.get(nodeId);
        return node != null && node.namespace().equals(namespace);
    }
}
