package dev.trustmap.analysis.workspace;

import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Protocol;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.ServicePort;
import dev.trustmap.mesh.TrafficEdge;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Traffic the user declared as intended by drawing it on the graph: from one workload to a Service port of another.
 *
 * @param from the client workload, {@code namespace/name}
 * @param to the server workload, {@code namespace/name}
 * @param service the Service dialled
 * @param port the Service port
 */
public record IntendedEdge(String from, String to, String service, int port) {

    /** The edge to the first Service port of {@code to}, or empty when no Service routes to it. */
    public static Optional<IntendedEdge> between(MeshSnapshot snapshot, String from, String to) {
        String[] parts = to.split("/", 2);
        return snapshot.workload(parts[0], parts[1])
                .flatMap(workload -> snapshot.servicesOf(workload).stream()
                        .filter(s -> !s.ports().isEmpty())
                        .findFirst()
                        .map(s -> new IntendedEdge(
                                from, to, s.name(), s.ports().get(0).port())));
    }

    /** As observed traffic with no rate, so the engine decides it like any edge. */
    public TrafficEdge asTraffic(MeshSnapshot snapshot) {
        String[] source = from.split("/", 2);
        String[] target = to.split("/", 2);
        Protocol protocol = snapshot.service(target[0], service)
                .flatMap((Service s) -> s.port(port))
                .map(ServicePort::protocol)
                .orElse(Protocol.TCP);
        return new TrafficEdge(
                source[0], source[1], target[0], target[1], service, port, protocol, 0, Map.of(), 1, Set.of(),
                Set.of());
    }

    /** {@code ns/a -> ns/b:80}, the graph's edge id. */
    public String id() {
        return from + " -> " + to + ":" + port;
    }
}
