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
 * @param marks style classes that override the node's own look, e.g. the breach lab's {@code compromised}
 * @param badges style classes that only add to it, e.g. the findings halo ({@code finding})
 */
public record GraphNode(
        String id,
        String label,
        String namespace,
        NodeKind kind,
        int namespaceIndex,
        List<String> marks,
        List<String> badges) {

    /** The id of the node for traffic from outside the mesh. */
    public static final String UNKNOWN_ID = "unknown";

    /** Number of namespace colours in the theme; namespaces beyond it reuse them. */
    public static final int NAMESPACE_COLOURS = 8;

    public GraphNode {
        marks = List.copyOf(marks);
        badges = List.copyOf(badges);
    }

    /** A node without marks or badges. */
    public GraphNode(String id, String label, String namespace, NodeKind kind, int namespaceIndex) {
        this(id, label, namespace, kind, namespaceIndex, List.of(), List.of());
    }

    /** The same node with more marks and badges. */
    public GraphNode with(List<String> moreMarks, List<String> moreBadges) {
        List<String> allMarks = new java.util.ArrayList<>(marks);
        allMarks.addAll(moreMarks);
        List<String> allBadges = new java.util.ArrayList<>(badges);
        allBadges.addAll(moreBadges);
        return new GraphNode(id, label, namespace, kind, namespaceIndex, allMarks, allBadges);
    }

    /**
     * Style classes for the graph's stylesheet: the marks, the kind, the namespace colour, then the badges. Marks
     * come first because GraphStream gives the first class that sets a property priority.
     */
    public List<String> styleClasses() {
        List<String> classes = kind == NodeKind.UNKNOWN
                ? List.of(kind.styleClass())
                : List.of(kind.styleClass(), "ns" + (namespaceIndex % NAMESPACE_COLOURS));
        if (marks.isEmpty() && badges.isEmpty()) {
            return classes;
        }
        List<String> all = new java.util.ArrayList<>(marks);
        all.addAll(classes);
        all.addAll(badges);
        return all;
    }
}
