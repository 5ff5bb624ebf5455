package dev.trustmap.mesh;

import java.util.Map;
import java.util.Set;

/**
 * Observed traffic from one workload (or from outside the mesh) to one Service port of another workload.
 *
 * @param sourceNamespace the client's namespace, or null for traffic from outside the mesh
 * @param sourceWorkload the client workload's name, or null for traffic from outside the mesh ("unknown")
 * @param destinationNamespace the server's namespace
 * @param destinationWorkload the server workload's name
 * @param service the Service name dialled, or null when the pod IP was dialled
 * @param port the Service port (or the container port when {@code service} is null)
 * @param protocol what was spoken
 * @param requestsPerSecond the observed rate
 * @param responseCodes requests per second by HTTP status (0 for connection failures), may be empty for TCP
 * @param mtlsShare the share of requests, 0 to 1, that used mutual TLS
 * @param methods HTTP methods seen, empty when the source does not know
 * @param paths request paths seen, empty when the source does not know
 */
public record TrafficEdge(
        String sourceNamespace,
        String sourceWorkload,
        String destinationNamespace,
        String destinationWorkload,
        String service,
        int port,
        Protocol protocol,
        double requestsPerSecond,
        Map<Integer, Double> responseCodes,
        double mtlsShare,
        Set<String> methods,
        Set<String> paths) {

    public TrafficEdge {
        responseCodes = Map.copyOf(responseCodes);
        methods = Set.copyOf(methods);
        paths = Set.copyOf(paths);
    }

    /** Whether the client is outside the mesh (shown as the {@code unknown} node). */
    public boolean fromOutside() {
        return sourceWorkload == null;
    }

    /** {@code namespace/name} of the client, or {@code unknown}. */
    public String sourceId() {
        return fromOutside() ? "unknown" : sourceNamespace + "/" + sourceWorkload;
    }

    /** {@code namespace/name} of the server. */
    public String destinationId() {
        return destinationNamespace + "/" + destinationWorkload;
    }

    /** The share of requests that failed: 5xx, 403, 401 and connection failures (code 0). */
    public double errorShare() {
        double total =
                responseCodes.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total <= 0) {
            return 0;
        }
        double errors = responseCodes.entrySet().stream()
                .filter(e -> e.getKey() == 0 || e.getKey() >= 500 || e.getKey() == 401 || e.getKey() == 403)
                .mapToDouble(Map.Entry::getValue)
                .sum();
        return errors / total;
    }
}
