package dev.trustmap.source.cluster;

import dev.trustmap.mesh.MeshSnapshot;
import java.util.List;

/**
 * What a live cluster looks like now.
 *
 * @param snapshot the mesh built from the informers' caches
 * @param status what is live, stale or failing
 * @param ambientNamespaces namespaces labelled {@code istio.io/dataplane-mode=ambient}
 * @param notes sentences for people: ambient namespaces (policies not yet assessed) and odd but harmless input
 */
public record ClusterUpdate(
        MeshSnapshot snapshot, ClusterStatus status, List<String> ambientNamespaces, List<String> notes) {

    public ClusterUpdate {
        ambientNamespaces = List.copyOf(ambientNamespaces);
        notes = List.copyOf(notes);
    }

    /** The same snapshot with another status. */
    ClusterUpdate withStatus(ClusterStatus newStatus) {
        return new ClusterUpdate(snapshot, newStatus, ambientNamespaces, notes);
    }
}
