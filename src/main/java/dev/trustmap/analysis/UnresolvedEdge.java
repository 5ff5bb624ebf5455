package dev.trustmap.analysis;

import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.TrafficEdge;
import java.util.Optional;

/**
 * An observed edge that cannot be assessed because it names a workload or Service the mesh does not have (a typo in a
 * traffic file, a workload deleted since the traffic was observed, manifests that leave part of the mesh out).
 *
 * @param missing what the mesh lacks
 * @param id the missing workload ({@code namespace/name}) or Service ({@code namespace/name})
 */
public record UnresolvedEdge(TrafficEdge edge, Missing missing, String id) {

    /** What an edge names that the mesh does not have. */
    public enum Missing {
        WORKLOAD,
        SERVICE
    }

    /** Why the mesh cannot resolve the edge, or empty when it can. */
    public static Optional<UnresolvedEdge> of(MeshSnapshot snapshot, TrafficEdge edge) {
        if (!edge.fromOutside()
                && snapshot.workload(edge.sourceNamespace(), edge.sourceWorkload())
                        .isEmpty()) {
            return Optional.of(new UnresolvedEdge(edge, Missing.WORKLOAD, edge.sourceId()));
        }
        if (snapshot.workload(edge.destinationNamespace(), edge.destinationWorkload())
                .isEmpty()) {
            return Optional.of(new UnresolvedEdge(edge, Missing.WORKLOAD, edge.destinationId()));
        }
        if (edge.service() != null
                && snapshot.service(edge.destinationNamespace(), edge.service()).isEmpty()) {
            return Optional.of(
                    new UnresolvedEdge(edge, Missing.SERVICE, edge.destinationNamespace() + "/" + edge.service()));
        }
        return Optional.empty();
    }

    /** One line in English, e.g. {@code edge a/web -> a/db:5432: no workload a/db}. */
    public String describe() {
        return "edge " + edge.sourceId() + " -> " + edge.destinationId() + ":" + edge.port() + ": no "
                + (missing == Missing.WORKLOAD ? "workload " : "Service ") + id;
    }
}
