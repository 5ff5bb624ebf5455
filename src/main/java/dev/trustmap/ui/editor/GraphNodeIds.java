package dev.trustmap.ui.editor;

import dev.trustmap.ui.graph.GraphNode;

/** Reading the graph's node ids. */
final class GraphNodeIds {
    private GraphNodeIds() {}

    /** Whether the id is the node for clients outside the mesh. */
    static boolean outside(String id) {
        return GraphNode.UNKNOWN_ID.equals(id);
    }

    /** The namespace of a workload node id ({@code namespace/name}). */
    static String namespace(String id) {
        int slash = id.indexOf('/');
        return slash < 0 ? "" : id.substring(0, slash);
    }
}
