package dev.trustmap.ui.graph;

import java.util.List;

/**
 * A node of the graph: a workload, or {@code unknown} for clients outside the mesh.
 *
 * @param id {@code namespace/name}, or {@code unknown}
 * @param label what the graph prints next to the node
 * @param namespace the namespace, or empty for {@code unknown}
 * @param kind sidecar, no sidecar, gateway or outside
 * @param namespaceIndex the namespace's position in the sorted namespace list, for its colour
 */
public record GraphNode(String id, String label, String namespace, NodeKind kind, int namespaceIndex) {

    /** The id of the node for traffic from outside the mesh. */
    public static final String UNKNOWN_ID = "unknown";

    /** Number of namespace colours in the theme; namespaces beyond it reuse them. */
    public static final int NAMESPACE_COLOURS = 8;

    /** Style classes for the graph's stylesheet: the kind, then the namespace colour. */
    public List<String> styleClasses() {
        if (kind == NodeKind.UNKNOWN) {
            return List.of(kind.styleClass());
        }
        return List.of(kind.styleClass(), "ns" + (namespaceIndex % NAMESPACE_COLOURS));
    }
}
