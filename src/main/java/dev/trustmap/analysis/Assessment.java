package dev.trustmap.analysis;

import dev.trustmap.engine.Engine;
import dev.trustmap.engine.Jwt;
import dev.trustmap.engine.Peer;
import dev.trustmap.engine.Request;
import dev.trustmap.engine.Verdict;
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

    /** Most method and path combinations of one edge that are decided one by one. */
    private static final int MAX_COMBINATIONS = 32;

    /**
     * Decides every observed edge. When the traffic source names the methods and paths seen, each combination is
     * decided; if they all agree, that is the edge's verdict (the first combination's, explained), otherwise the
     * edge is decided with method and path unknown, which names the conditions.
     */
    public static Assessment of(Engine engine, Traffic traffic) {
        List<EdgeAssessment> decided = new ArrayList<>();
        List<TrafficEdge> unknown = new ArrayList<>();
        for (TrafficEdge edge : traffic.edges()) {
            Optional<Request> request = requestFor(engine.snapshot(), edge);
            if (request.isPresent()) {
                decided.add(decide(engine, edge, request.get()));
            } else {
                unknown.add(edge);
            }
        }
        return new Assessment(decided, unknown);
    }

    private static EdgeAssessment decide(Engine engine, TrafficEdge edge, Request general) {
        List<Request> concrete = combinations(edge, general);
        if (concrete.isEmpty()) {
            return new EdgeAssessment(edge, general, engine.evaluate(general));
        }
        Verdict first = engine.evaluate(concrete.get(0));
        for (Request request : concrete.subList(1, concrete.size())) {
            if (engine.evaluate(request).decision() != first.decision()) {
                return new EdgeAssessment(edge, general, engine.evaluate(general));
            }
        }
        return new EdgeAssessment(edge, concrete.get(0), first);
    }

    /** The edge's method and path combinations, or none when it does not name several (or names too many). */
    private static List<Request> combinations(TrafficEdge edge, Request general) {
        int count =
                Math.max(1, edge.methods().size()) * Math.max(1, edge.paths().size());
        if (edge.methods().size() < 2 && edge.paths().size() < 2 || count > MAX_COMBINATIONS) {
            return List.of();
        }
        List<String> methods = edge.methods().isEmpty()
                ? java.util.Collections.singletonList(null)
                : edge.methods().stream().sorted().toList();
        List<String> paths = edge.paths().isEmpty()
                ? java.util.Collections.singletonList(null)
                : edge.paths().stream().sorted().toList();
        List<Request> requests = new ArrayList<>();
        for (String method : methods) {
            for (String path : paths) {
                requests.add(new Request(
                        general.from(),
                        general.to(),
                        general.service(),
                        general.port(),
                        general.protocol(),
                        method,
                        path,
                        null,
                        null,
                        general.jwt()));
            }
        }
        return requests;
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
