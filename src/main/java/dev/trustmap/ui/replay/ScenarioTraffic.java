package dev.trustmap.ui.replay;

import dev.trustmap.engine.Engine;
import dev.trustmap.engine.Peer;
import dev.trustmap.engine.Request;
import dev.trustmap.engine.Verdict;
import dev.trustmap.mesh.Protocol;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.source.scenario.Scenario;
import dev.trustmap.source.scenario.ScenarioRequest;
import dev.trustmap.ui.graph.GraphEdge;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scenario's requests as the traffic the graph draws: one edge per client, server and port, so every request has an
 * edge to highlight. A client outside the cluster is drawn from the {@code unknown} node. The edge's "rate" is the
 * number of requests the scenario sends on it, and its response codes and mTLS share are those the engine gives them.
 */
final class ScenarioTraffic {
    private ScenarioTraffic() {}

    /** The traffic of every request of {@code scenario}, decided by {@code engine} (the scenario's). */
    static Traffic of(Scenario scenario, Engine engine, Instant at) {
        Map<String, List<Request>> byEdge = new LinkedHashMap<>();
        for (ScenarioRequest request : scenario.requests()) {
            byEdge.computeIfAbsent(edgeId(request.request()), id -> new ArrayList<>())
                    .add(request.request());
        }
        List<TrafficEdge> edges = new ArrayList<>();
        byEdge.values().forEach(requests -> edges.add(edge(requests, engine)));
        return new Traffic(edges, at);
    }

    /** The id of the graph edge a request travels on: {@code client -> server:port} (the client may be unknown). */
    static String edgeId(Request request) {
        return GraphEdge.idOf(shape(request, Map.of(), 0, 0, Set.of(), Set.of(), engineless(request)));
    }

    private static TrafficEdge edge(List<Request> requests, Engine engine) {
        Map<Integer, Double> codes = new HashMap<>();
        Set<String> methods = new LinkedHashSet<>();
        Set<String> paths = new LinkedHashSet<>();
        int mtls = 0;
        for (Request request : requests) {
            Verdict verdict = engine.evaluate(request);
            codes.merge(verdict.httpStatus(), 1.0, Double::sum);
            mtls += verdict.mtls() ? 1 : 0;
            if (request.method() != null) {
                methods.add(request.method());
            }
            if (request.path() != null) {
                paths.add(request.path());
            }
        }
        Request first = requests.get(0);
        double mtlsShare = (double) mtls / requests.size();
        return shape(first, codes, requests.size(), mtlsShare, methods, paths, engine.protocol(first));
    }

    private static TrafficEdge shape(
            Request request,
            Map<Integer, Double> codes,
            double count,
            double mtlsShare,
            Set<String> methods,
            Set<String> paths,
            Protocol protocol) {
        String fromNamespace = null;
        String fromWorkload = null;
        if (request.from() instanceof Peer.Pod pod) {
            fromNamespace = pod.workload().namespace();
            fromWorkload = pod.workload().name();
        }
        return new TrafficEdge(
                fromNamespace,
                fromWorkload,
                request.to().namespace(),
                request.to().name(),
                request.service() == null ? null : request.service().name(),
                request.port(),
                protocol,
                count,
                codes,
                mtlsShare,
                methods,
                paths);
    }

    private static Protocol engineless(Request request) {
        return request.protocol() == null ? Protocol.UNKNOWN : request.protocol();
    }
}
