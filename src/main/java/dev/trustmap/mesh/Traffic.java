package dev.trustmap.mesh;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What was observed over a window: the edges between workloads with their rates. */
public record Traffic(List<TrafficEdge> edges, Instant observedAt) {

    public Traffic {
        edges = List.copyOf(edges);
    }

    public static Traffic none() {
        return new Traffic(List.of(), Instant.EPOCH);
    }

    /**
     * Consecutive observations of equal length as one window: per edge (client, server, Service, port) the rates
     * averaged over all of them (an edge missing from one counts 0 there), the mTLS share weighted by rate, and the
     * methods and paths of all. Observed at the latest one's time; {@link #none()} for none.
     */
    public static Traffic averaged(List<Traffic> observations) {
        if (observations.isEmpty()) {
            return none();
        }
        int count = observations.size();
        Map<String, TrafficEdge> merged = new LinkedHashMap<>();
        Instant latest = Instant.EPOCH;
        for (Traffic traffic : observations) {
            for (TrafficEdge edge : traffic.edges()) {
                merged.merge(key(edge), scaled(edge, count), Traffic::sum);
            }
            latest = traffic.observedAt().isAfter(latest) ? traffic.observedAt() : latest;
        }
        return new Traffic(List.copyOf(merged.values()), latest);
    }

    private static String key(TrafficEdge e) {
        return e.sourceId() + ">" + e.destinationId() + ">" + e.service() + ">" + e.port();
    }

    private static TrafficEdge scaled(TrafficEdge e, int count) {
        Map<Integer, Double> codes = new HashMap<>();
        e.responseCodes().forEach((code, rate) -> codes.put(code, rate / count));
        return copy(e, e.requestsPerSecond() / count, codes, e.mtlsShare(), e.methods(), e.paths());
    }

    private static TrafficEdge sum(TrafficEdge a, TrafficEdge b) {
        Map<Integer, Double> codes = new HashMap<>(a.responseCodes());
        b.responseCodes().forEach((code, rate) -> codes.merge(code, rate, Double::sum));
        double rate = a.requestsPerSecond() + b.requestsPerSecond();
        double mtls = rate <= 0
                ? a.mtlsShare()
                : (a.mtlsShare() * a.requestsPerSecond() + b.mtlsShare() * b.requestsPerSecond()) / rate;
        Set<String> methods = new HashSet<>(a.methods());
        methods.addAll(b.methods());
        Set<String> paths = new HashSet<>(a.paths());
        paths.addAll(b.paths());
        return copy(a, rate, codes, mtls, methods, paths);
    }

    private static TrafficEdge copy(
            TrafficEdge e,
            double rate,
            Map<Integer, Double> codes,
            double mtls,
            Set<String> methods,
            Set<String> paths) {
        return new TrafficEdge(
                e.sourceNamespace(),
                e.sourceWorkload(),
                e.destinationNamespace(),
                e.destinationWorkload(),
                e.service(),
                e.port(),
                e.protocol(),
                rate,
                codes,
                mtls,
                methods,
                paths);
    }
}
