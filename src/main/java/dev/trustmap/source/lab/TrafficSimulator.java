package dev.trustmap.source.lab;

import dev.trustmap.engine.Decision;
import dev.trustmap.engine.Engine;
import dev.trustmap.engine.Peer;
import dev.trustmap.engine.Verdict;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.mesh.Workload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulates the traffic of a call graph, one second per {@link #tick(Instant)}. Each call's rate follows a seeded
 * random walk around its base rate times a compressed day cycle (15 minutes); requests are sampled by their weights
 * and each one is decided by the engine: allowed requests answer 200 (a few 500 or 503), denied ones the verdict's
 * status (403 by policy, 401 for a rejected token, 503 or 0 for a broken connection). For the same seed and the same
 * sequence of ticks the output is the same, whatever engine is used: swapping the engine changes verdicts, not
 * rates or samples. Thread-safe.
 */
public final class TrafficSimulator {
    private static final Logger LOG = LoggerFactory.getLogger(TrafficSimulator.class);
    private static final int MIN_SAMPLES = 8;
    private static final int MAX_SAMPLES = 40;
    private static final double DAY_SECONDS = 900;
    private static final double DAY_AMPLITUDE = 0.35;
    private static final double WALK_MIN = 0.4;
    private static final double WALK_MAX = 1.8;

    private final CallGraph graph;
    private final SplittableRandom[] randoms;
    private final double[] walk;
    private final double[] phase;
    private Engine engine;
    private List<Optional<CallRoute>> routes;

    /**
     * A simulator of {@code graph}'s calls, decided by {@code engine}.
     *
     * @param seed the seed of every random choice
     */
    public TrafficSimulator(Engine engine, CallGraph graph, long seed) {
        this.graph = graph;
        int calls = graph.calls().size();
        this.randoms = new SplittableRandom[calls];
        this.walk = new double[calls];
        this.phase = new double[calls];
        SplittableRandom root = new SplittableRandom(seed);
        for (int i = 0; i < calls; i++) {
            randoms[i] = root.split();
            walk[i] = 1;
            phase[i] = randoms[i].nextDouble() * 2 * Math.PI;
        }
        setEngine(engine);
    }

    /** Decides later ticks with another engine (for example one built from draft policies); rates carry on. */
    public synchronized void setEngine(Engine newEngine) {
        this.engine = newEngine;
        this.routes = graph.calls().stream()
                .map(call -> CallRoute.resolve(call, newEngine))
                .toList();
        LOG.debug(
                "Simulating {} calls",
                routes.stream().filter(Optional::isPresent).count());
    }

    /** The engine deciding requests. */
    public synchronized Engine engine() {
        return engine;
    }

    /** The traffic of the second ending at {@code now}: one edge per client, Service port and server the mesh has. */
    public synchronized Traffic tick(Instant now) {
        List<TrafficEdge> edges = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            double rate = nextRate(i, now);
            TrafficEdge edge = sample(i, rate);
            if (edge != null) {
                edges.add(edge);
            }
        }
        // Two calls on one Service port (the lab's web -> api-gateway with and without a token) are one edge, as
        // Istio's metrics report them: averaging a single observation merges them.
        return Traffic.averaged(List.of(new Traffic(edges, now)));
    }

    private double nextRate(int call, Instant now) {
        SplittableRandom random = randoms[call];
        double step = random.nextDouble() + random.nextDouble() - 1;
        walk[call] = Math.max(WALK_MIN, Math.min(WALK_MAX, walk[call] + 0.2 * (1 - walk[call]) + 0.15 * step));
        double seconds = now.getEpochSecond() + now.getNano() / 1e9;
        double day = 1 + DAY_AMPLITUDE * Math.sin(2 * Math.PI * seconds / DAY_SECONDS + phase[call]);
        return graph.calls().get(call).rps() * day * walk[call];
    }

    /** Samples the requests of one call; every sample draws the same random numbers whatever the verdict. */
    private TrafficEdge sample(int call, double rate) {
        SplittableRandom random = randoms[call];
        CallGraph.Call shape = graph.calls().get(call);
        int samples = (int) Math.min(MAX_SAMPLES, Math.max(MIN_SAMPLES, Math.ceil(rate)));
        Tally tally = new Tally(rate / samples);
        for (int s = 0; s < samples; s++) {
            int request = pick(shape, random.nextDouble());
            boolean badToken = random.nextDouble() < shape.badTokenShare();
            boolean fails = random.nextDouble() < shape.errorRate();
            boolean unavailable = random.nextBoolean();
            Optional<CallRoute> route = routes.get(call);
            if (route.isPresent()) {
                Verdict verdict = route.get().verdict(request, badToken);
                tally.add(shape, request, verdict, code(verdict, fails, unavailable));
            }
        }
        return routes.get(call).map(route -> tally.edge(route, rate)).orElse(null);
    }

    /** The index of the request a uniform draw {@code u} picks, by weight; 0 for TCP calls. */
    static int pick(CallGraph.Call call, double u) {
        List<CallGraph.Sample> requests = call.requests();
        double total = requests.stream().mapToDouble(CallGraph.Sample::weight).sum();
        double point = u * total;
        for (int i = 0; i < requests.size(); i++) {
            point -= requests.get(i).weight();
            if (point < 0) {
                return i;
            }
        }
        return Math.max(0, requests.size() - 1);
    }

    /** The status a client sees: the verdict's when denied, else 200 or, for a failing request, 500 or 503. */
    static int code(Verdict verdict, boolean fails, boolean unavailable) {
        // CONDITIONAL cannot depend on request details here (all are known), only on unknown CUSTOM providers
        // TODO(#3): answer CUSTOM (ext_authz) policies with a seeded share instead of treating them as allowed
        if (verdict.decision() == Decision.DENY) {
            return verdict.httpStatus();
        }
        if (fails) {
            return unavailable ? 503 : 500;
        }
        return 200;
    }

    /** Adds up the samples of one call in one tick. */
    private static final class Tally {
        private final double weight;
        private final Map<Integer, Double> codes = new HashMap<>();
        private final Set<String> methods = new LinkedHashSet<>();
        private final Set<String> paths = new LinkedHashSet<>();
        private double mtls;
        private double total;

        Tally(double weight) {
            this.weight = weight;
        }

        void add(CallGraph.Call call, int request, Verdict verdict, int code) {
            codes.merge(code, weight, Double::sum);
            total += weight;
            mtls += verdict.mtls() ? weight : 0;
            // TCP has no status codes; 200 stands for an accepted connection so denied shares stay visible
            if (call.protocol().isHttp()) {
                methods.add(call.requests().get(request).method());
                paths.add(call.requests().get(request).path());
            }
        }

        TrafficEdge edge(CallRoute route, double rate) {
            CallGraph.Call call = route.call();
            Workload client = route.from() instanceof Peer.Pod pod ? pod.workload() : null;
            return new TrafficEdge(
                    client == null ? null : client.namespace(),
                    client == null ? null : client.name(),
                    route.to().namespace(),
                    route.to().name(),
                    call.service(),
                    call.port(),
                    call.protocol(),
                    rate,
                    codes,
                    total > 0 ? mtls / total : 0,
                    methods,
                    paths);
        }
    }
}
