package dev.trustmap.ui.main;

import dev.trustmap.analysis.UnresolvedEdge;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.ui.common.Messages;
import java.util.List;

/**
 * Observed edges the graph cannot show because they name a workload or Service the mesh does not have (a typo in a
 * traffic file, a workload deleted since): one line each, saying which file, which edge and what is missing.
 */
final class UnresolvedEdges {
    private UnresolvedEdges() {}

    /** One line per edge, e.g. {@code traffic.yaml: edge a/b -> a/c: no such workload a/c}. */
    static List<String> describe(String origin, MeshSnapshot snapshot, List<TrafficEdge> edges, Messages messages) {
        return edges.stream()
                .map(edge -> messages.get(
                        "status.unresolved.line",
                        origin,
                        edge.sourceId(),
                        edge.destinationId(),
                        missing(snapshot, edge, messages)))
                .toList();
    }

    private static String missing(MeshSnapshot snapshot, TrafficEdge edge, Messages messages) {
        return UnresolvedEdge.of(snapshot, edge)
                .map(gap -> messages.get(
                        gap.missing() == UnresolvedEdge.Missing.WORKLOAD
                                ? "status.unresolved.workload"
                                : "status.unresolved.service",
                        gap.id()))
                .orElse("");
    }
}
