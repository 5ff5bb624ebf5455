package dev.trustmap.analysis;

import dev.trustmap.engine.Connection;
import dev.trustmap.engine.Decision;
import dev.trustmap.engine.EdgeOutcome;
import dev.trustmap.engine.EdgeSource;
import dev.trustmap.engine.EdgeTarget;
import dev.trustmap.engine.Engine;
import dev.trustmap.engine.Peer;
import dev.trustmap.istio.AuthzPolicy;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.ServicePort;
import dev.trustmap.mesh.Workload;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Verdicts for every ordered pair of workloads at port level: each workload as a client against every Service
 * port of every workload, as an edge seen in telemetry would be decided. Outcomes are packed into one int per
 * pair. After a policy edit, {@link #reassess} recomputes only the destinations the edit touches.
 */
public final class MeshAssessment {
    /** A destination: one Service port of one workload. */
    public record Target(Workload workload, Service service, int port) {}

    private final Engine engine;
    private final List<Workload> sources;
    private final List<Target> targets;
    private final int[][] outcomes;
    private final List<AuthzPolicy> policies;

    private MeshAssessment(Engine engine, List<Target> targets, int[][] outcomes) {
        this.engine = engine;
        this.sources = engine.snapshot().workloads();
        this.targets = targets;
        this.outcomes = outcomes;
        this.policies = engine.policies().authzPolicies();
    }

    /** Assesses every pair, destinations in parallel. */
    public static MeshAssessment of(Engine engine) {
        List<Target> targets = targets(engine.snapshot());
        int[][] outcomes = new int[targets.size()][];
        List<EdgeSource> sources = sources(engine);
        Map<AuthzPolicy, Integer> index = policyIndex(engine);
        IntStream.range(0, targets.size())
                .parallel()
                .forEach(t -> outcomes[t] = assessTarget(engine, sources, targets.get(t), index));
        return new MeshAssessment(engine, targets, outcomes);
    }

    /**
     * The assessment under another engine for the same workloads and Services, recomputing only the destinations
     * in {@code changed} (workload ids {@code namespace/name}). Rows kept from this assessment have their deciding
     * policies renumbered (by {@code namespace/name}) when the other engine lists its policies in another order.
     */
    public MeshAssessment reassess(Engine next, Set<String> changed) {
        List<EdgeSource> nextSources = sources(next);
        Map<AuthzPolicy, Integer> index = policyIndex(next);
        int[] renumber = OutcomeCode.renumbering(policies, next.policies().authzPolicies());
        int[][] nextOutcomes = new int[outcomes.length][];
        IntStream.range(0, targets.size())
                .parallel()
                .forEach(t -> nextOutcomes[t] =
                        changed.contains(targets.get(t).workload().id())
                                ? assessTarget(next, nextSources, targets.get(t), index)
                                : OutcomeCode.renumber(outcomes[t], renumber));
        return new MeshAssessment(next, targets, nextOutcomes);
    }

    private static List<Target> targets(MeshSnapshot snapshot) {
        List<Target> targets = new ArrayList<>();
        Map<String, List<Service>> servicesByNamespace = new java.util.HashMap<>();
        snapshot.services()
                .forEach(s -> servicesByNamespace
                        .computeIfAbsent(s.namespace(), k -> new ArrayList<>())
                        .add(s));
        for (Workload workload : snapshot.workloads()) {
            for (Service service : servicesByNamespace.getOrDefault(workload.namespace(), List.of())) {
                if (service.selects(workload)) {
                    for (ServicePort port : service.ports()) {
                        targets.add(new Target(workload, service, port.port()));
                    }
                }
            }
        }
        return targets;
    }

    private static List<EdgeSource> sources(Engine engine) {
        return engine.snapshot().workloads().stream()
                .map(w -> engine.source(new Peer.Pod(w)))
                .toList();
    }

    private static Map<AuthzPolicy, Integer> policyIndex(Engine engine) {
        Map<AuthzPolicy, Integer> index = new IdentityHashMap<>();
        List<AuthzPolicy> all = engine.policies().authzPolicies();
        for (int i = 0; i < all.size(); i++) {
            index.put(all.get(i), i);
        }
        return index;
    }

    private static int[] assessTarget(
            Engine engine, List<EdgeSource> sources, Target destination, Map<AuthzPolicy, Integer> index) {
        EdgeTarget target = engine.target(destination.workload(), destination.service(), destination.port());
        int[] row = new int[sources.size()];
        for (int s = 0; s < row.length; s++) {
            row[s] = OutcomeCode.encode(engine.decide(sources.get(s), target), index);
        }
        return row;
    }

    public Engine engine() {
        return engine;
    }

    /** The destinations: one per Service port of each workload. */
    public List<Target> targets() {
        return targets;
    }

    /** The clients, in the snapshot's workload order. */
    public List<Workload> sources() {
        return sources;
    }

    public long pairCount() {
        return (long) targets.size() * sources.size();
    }

    /** The verdict of one client against one destination. */
    public EdgeOutcome outcome(int target, int source) {
        return OutcomeCode.decode(outcomes[target][source], policies);
    }

    /** How many pairs got each decision. */
    public Map<Decision, Long> countByDecision() {
        Map<Decision, Long> counts = new EnumMap<>(Decision.class);
        for (int[] row : outcomes) {
            for (int code : row) {
                counts.merge(OutcomeCode.decision(code), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** How many pairs got each connection result. */
    public Map<Connection, Long> countByConnection() {
        Map<Connection, Long> counts = new EnumMap<>(Connection.class);
        for (int[] row : outcomes) {
            for (int code : row) {
                counts.merge(OutcomeCode.connection(code), 1L, Long::sum);
            }
        }
        return counts;
    }
}
