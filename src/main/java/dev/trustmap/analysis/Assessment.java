package dev.trustmap.analysis;

import dev.trustmap.engine.Engine;
import dev.trustmap.engine.Jwt;
import dev.trustmap.engine.Peer;
import dev.trustmap.engine.Request;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.mesh.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The engine's conclusions for the observed traffic of a mesh under one policy set: a verdict for every edge whose
 * workloads the snapshot knows; the others are listed as unresolved.
 */
public final class Assessment {
    private final List<EdgeAssessment> edges;
    private final List<TrafficEdge> unresolved;

    private Assessment(List<EdgeAssessment> edges, List<TrafficEdge> unresolved) {
        this.edges = List.copyOf(edges);
        this.unresolved = List.copyOf(unresolved);
    }

    /** Decides every observed edge; an edge's request knows method and path only when one of each was seen. */
    public static Assessment of(Engine engine, Traffic traffic) {
        List<EdgeAssessment> decided = new ArrayList<>();
        List<TrafficEdge> unknown = new ArrayList<>();
        for (TrafficEdge edge : traffic.edges()) {
            Optional<Request> request = requestFor(engine.snapshot(), edge);
            if (request.isPresent()) {
                decided.add(new EdgeAssessment(edge, request.get(), engine.evaluate(request.get())));
            } else {
                unknown.add(edge);
            }
        }
        return new Assessment(decided, unknown);
    }

    /** The request that stands for an edge, or empty when a workload or the Service is not in the snapshot. */
    public static Optional<Request> requestFor(MeshSnapshot snapshot, TrafficEdge edge) {
        Optional<Workload> to = snapshot.workload(edge.destinationNamespace(), edge.destinationWorkload());
        Optional<Peer> from = edge.fromOutside()
                ? Optional.of(new Peer.External(null))
                : snapshot.workload(edge.sourceNamespace(), edge.sourceWorkload())
                        .map(Peer.Pod::new);
        Service service = edge.service() == null
                ? null
                : snapshot.service(edge.destinationNamespace(), edge.service()).orElse(null);
        if (to.isEmpty() || from.isEmpty() || (edge.service() != null && service == null)) {
            return Optional.empty();
        }
        String method = edge.methods().size() == 1 ? edge.methods().iterator().next() : null;
        String path = edge.paths().size() == 1 ? edge.paths().iterator().next() : null;
        return Optional.of(new Request(
                from.get(), to.get(), service, edge.port(), edge.protocol(), method, path, null, null, Jwt.unknown()));
    }

    public List<EdgeAssessment> edges() {
        return edges;
    }

    /** Observed edges naming workloads or Services the snapshot does not have. */
    public List<TrafficEdge> unresolved() {
        return unresolved;
    }
}
