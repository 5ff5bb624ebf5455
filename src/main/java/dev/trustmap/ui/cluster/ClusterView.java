package dev.trustmap.ui.cluster;

import dev.trustmap.source.cluster.ClusterStatus;
import java.util.List;

/**
 * What the status bar and banner show of a cluster connection, made on the worker and handed to the FX thread.
 *
 * @param context the context name
 * @param status what is live, stale or failing
 * @param ambientNamespaces namespaces in ambient mode
 * @param notes sentences about the snapshot (ambient namespaces...)
 * @param namespaces every namespace of the cluster, sorted
 * @param telemetryProblem why Prometheus could not be read, or null when it could (or none was chosen)
 * @param settings how the connection was made, for advice (service proxy or URL)
 */
record ClusterView(
        String context,
        ClusterStatus status,
        List<String> ambientNamespaces,
        List<String> notes,
        List<String> namespaces,
        String telemetryProblem,
        ClusterSettings settings) {

    ClusterView {
        ambientNamespaces = List.copyOf(ambientNamespaces);
        notes = List.copyOf(notes);
        namespaces = List.copyOf(namespaces);
    }
}
