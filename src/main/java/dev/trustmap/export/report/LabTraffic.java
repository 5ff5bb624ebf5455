package dev.trustmap.export.report;

import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.source.lab.Lab;
import dev.trustmap.source.lab.TrafficSimulator;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A few seconds of the lab's simulated traffic, merged into one window (rates averaged over it). */
public final class LabTraffic {
    private static final long SEED = 42;

    private LabTraffic() {}

    /** Simulates {@code seconds} ticks ending at {@code end} and averages them per edge. */
    public static Traffic simulate(Engine engine, int seconds, Instant end) {
        TrafficSimulator simulator = new TrafficSimulator(engine, Lab.callGraph(), SEED);
        Map<String, TrafficEdge> merged = new LinkedHashMap<>();
        for (int s = seconds - 1; s >= 0; s--) {
            for (TrafficEdge edge : simulator.tick(end.minusSeconds(s)).edges()) {
                merged.merge(key(edge), scaled(edge, seconds), LabTraffic::sum);
            }
        }
        return new Traffic(List.copyOf(merged.values()), end);
    }

    private static String key(TrafficEdge e) {
        return e.sourceId() + ">" + e.destinationId() + ">" + e.service() + ">" + e.port();
    }

    private static TrafficEdge scaled(TrafficEdge e, int seconds) {
        Map<Integer, Double> codes = new HashMap<>();
        e.responseCodes().forEach((code, rate) -> codes.put(code, rate / seconds));
        return copy(e, e.requestsPerSecond() / seconds, codes, e.mtlsShare(), e.methods(), e.paths());
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
