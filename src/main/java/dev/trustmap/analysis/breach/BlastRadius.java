package dev.trustmap.analysis.breach;

import dev.trustmap.analysis.MeshAssessment;
import dev.trustmap.engine.Connection;
import dev.trustmap.engine.Decision;
import dev.trustmap.engine.EdgeOutcome;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an attacker controlling some workloads reaches under one policy set: the edges the engine allows from them
 * (ALLOW or CONDITIONAL), then, as the attacker pivots, from every workload reached, until nothing new is reached;
 * the plaintext edges touching the controlled workloads (which it can read or forge); and the gateways it reaches.
 */
public final class BlastRadius {
    private final List<Workload> compromised;
    private final int workloadCount;
    private final Map<String, Integer> depths;
    private final List<Hop> hops;
    private final List<PlaintextEdge> plaintext;

    private BlastRadius(
            List<Workload> compromised,
            int workloadCount,
            Map<String, Integer> depths,
            List<Hop> hops,
            List<PlaintextEdge> plaintext) {
        this.compromised = List.copyOf(compromised);
        this.workloadCount = workloadCount;
        this.depths = Map.copyOf(depths);
        this.hops = List.copyOf(hops);
        this.plaintext = List.copyOf(plaintext);
    }

    /** An edge without mTLS between a controlled workload and another, which the attacker can read or forge. */
    public record PlaintextEdge(Workload from, Workload to, int port) {}

    /** The blast radius of one compromised workload. */
    public static BlastRadius of(Engine engine, Workload compromised) {
        return of(MeshAssessment.of(engine), List.of(compromised));
    }

    /** The blast radius of a service account: every workload running as {@code namespace/serviceAccount}. */
    public static BlastRadius ofServiceAccount(Engine engine, String namespace, String serviceAccount) {
        List<Workload> running = engine.snapshot().workloads().stream()
                .filter(w ->
                        w.namespace().equals(namespace) && w.serviceAccount().equals(serviceAccount))
                .toList();
        return of(MeshAssessment.of(engine), running);
    }

    /** The blast radius of the given workloads over an existing whole-mesh assessment. */
    public static BlastRadius of(MeshAssessment pairs, List<Workload> compromised) {
        Map<String, Integer> sourceIndex = new LinkedHashMap<>();
        for (int s = 0; s < pairs.sources().size(); s++) {
            sourceIndex.put(pairs.sources().get(s).id(), s);
        }
        Map<String, Integer> depths = new LinkedHashMap<>();
        compromised.forEach(w -> depths.put(w.id(), 0));
        List<Hop> hops = new ArrayList<>();
        List<Workload> frontier = new ArrayList<>(compromised);
        for (int depth = 1; !frontier.isEmpty(); depth++) {
            List<Workload> next = new ArrayList<>();
            for (Workload from : frontier) {
                hopsFrom(pairs, sourceIndex.get(from.id()), from, depth, hops, depths, next);
            }
            frontier = next;
        }
        List<PlaintextEdge> plaintext = plaintext(pairs, depths.keySet());
        return new BlastRadius(compromised, pairs.sources().size(), depths, hops, plaintext);
    }

    private static void hopsFrom(
            MeshAssessment pairs,
            Integer source,
            Workload from,
            int depth,
            List<Hop> hops,
            Map<String, Integer> depths,
            List<Workload> next) {
        if (source == null) {
            return;
        }
        for (int t = 0; t < pairs.targets().size(); t++) {
            MeshAssessment.Target target = pairs.targets().get(t);
            EdgeOutcome outcome = pairs.outcome(t, source);
            if (outcome.decision() == Decision.DENY || target.workload().equals(from)) {
                continue;
            }
            Operations.Allowed allowed = Operations.of(pairs.engine(), from, target.workload(), outcome);
            hops.add(new Hop(
                    from,
                    target.workload(),
                    target.service().name(),
                    target.port(),
                    outcome.decision(),
                    outcome.connection(),
                    allowed.policy(),
                    allowed.operations(),
                    depth));
            if (!depths.containsKey(target.workload().id())) {
                depths.put(target.workload().id(), depth);
                next.add(target.workload());
            }
        }
    }

    private static List<PlaintextEdge> plaintext(MeshAssessment pairs, Set<String> controlled) {
        Set<PlaintextEdge> edges = new LinkedHashSet<>();
        for (int t = 0; t < pairs.targets().size(); t++) {
            Workload to = pairs.targets().get(t).workload();
            for (int s = 0; s < pairs.sources().size(); s++) {
                Workload from = pairs.sources().get(s);
                boolean touches = controlled.contains(from.id()) || controlled.contains(to.id());
                if (!touches || from.equals(to)) {
                    continue;
                }
                EdgeOutcome outcome = pairs.outcome(t, s);
                if (outcome.decision() != Decision.DENY && outcome.connection() == Connection.PLAINTEXT) {
                    edges.add(new PlaintextEdge(from, to, pairs.targets().get(t).port()));
                }
            }
        }
        return List.copyOf(edges);
    }

    public List<Workload> compromised() {
        return compromised;
    }

    /** Every edge the attacker can use, in the order it finds them (by depth). */
    public List<Hop> hops() {
        return hops;
    }

    /** The workloads reached (the compromised ones left out), by id, with the hop depth at which each is reached. */
    public Map<String, Integer> reached() {
        Map<String, Integer> reached = new LinkedHashMap<>(depths);
        reached.values().removeIf(d -> d == 0);
        return reached;
    }

    /** The ids of the workloads reached in one hop. */
    public Set<String> direct() {
        Set<String> direct = new LinkedHashSet<>();
        reached().forEach((id, depth) -> {
            if (depth == 1) {
                direct.add(id);
            }
        });
        return direct;
    }

    /** The ids of reached workloads that some usable edge reaches without mTLS. */
    public Set<String> reachedOverPlaintext() {
        Set<String> ids = new LinkedHashSet<>();
        hops.stream()
                .filter(h -> h.connection() == Connection.PLAINTEXT && reached().containsKey(h.to().id()))
                .forEach(h -> ids.add(h.to().id()));
        return ids;
    }

    /** Plaintext edges into or out of a controlled workload (compromised or reached). */
    public List<PlaintextEdge> plaintextEdges() {
        return plaintext;
    }

    /** The gateways reached, by id. */
    public Set<String> gateways() {
        Set<String> ids = new LinkedHashSet<>();
        hops.stream().filter(h -> h.to().gateway()).forEach(h -> ids.add(h.to().id()));
        return ids;
    }

    /** How many workloads could be reached at all: the mesh's workloads minus the compromised ones. */
    public int reachable() {
        return workloadCount
                - (int) compromised.stream().map(Workload::id).distinct().count();
    }

    /** {@code reaches 9 of 24 workloads (4 directly), 3 over plaintext; 1 gateway; 5 plaintext edges}. */
    public String summary() {
        return "reaches " + reached().size() + " of " + reachable() + " workloads (" + direct().size()
                + " directly), " + reachedOverPlaintext().size() + " over plaintext; "
                + gateways().size()
                + (gateways().size() == 1 ? " gateway; " : " gateways; ") + plaintext.size()
                + (plaintext.size() == 1 ? " plaintext edge" : " plaintext edges");
    }

    /** How a draft's blast radius compares with the current one, for the same compromised workloads. */
    public static BlastComparison compare(BlastRadius current, BlastRadius draft) {
        return BlastComparison.of(current, draft);
    }
}
