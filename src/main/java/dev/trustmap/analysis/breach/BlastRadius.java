package dev.trustmap.analysis.breach;

import dev.trustmap.analysis.MeshAssessment;
import dev.trustmap.engine.Connection;
import dev.trustmap.engine.Decision;
import dev.trustmap.engine.EdgeOutcome;
import dev.trustmap.engine.EdgeSource;
import dev.trustmap.engine.Engine;
import dev.trustmap.engine.Peer;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.mesh.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an attacker controlling some workloads reaches under one policy set: the edges the engine allows from them
 * (ALLOW or CONDITIONAL), then, as the attacker pivots, from every ordinary workload reached (a reached workload is
 * treated as one more foothold), until nothing new is reached.
 *
 * <p>A reached gateway is not a foothold: reaching its listener gives neither its identity nor its keys, only
 * requests it forwards along its routes. So from a reached gateway the attacker gets exactly the gateway's observed
 * outgoing traffic (its routes), each forwarded request decided with the gateway's identity; the gateway is listed
 * among those it {@linkplain #gateways() could abuse}. A compromised gateway is the attacker itself and calls
 * everything.
 *
 * <p>The plaintext edges are the observed edges without mTLS (as the engine decides them) whose client or server is
 * compromised or reached: the traffic on the graph the attacker could read or forge.
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

    /** The blast radius of one compromised workload, without observed traffic (no gateway routes). */
    public static BlastRadius of(Engine engine, Workload compromised) {
        return of(engine, compromised, Traffic.none());
    }

    /** The blast radius of one compromised workload; {@code observed} gives the gateways' routes. */
    public static BlastRadius of(Engine engine, Workload compromised, Traffic observed) {
        return of(MeshAssessment.of(engine), List.of(compromised), observed);
    }

    /** The blast radius of a service account, without observed traffic. */
    public static BlastRadius ofServiceAccount(Engine engine, String namespace, String serviceAccount) {
        return ofServiceAccount(engine, namespace, serviceAccount, Traffic.none());
    }

    /** The blast radius of a service account: every workload running as {@code namespace/serviceAccount}. */
    public static BlastRadius ofServiceAccount(
            Engine engine, String namespace, String serviceAccount, Traffic observed) {
        List<Workload> running = engine.snapshot().workloads().stream()
                .filter(w ->
                        w.namespace().equals(namespace) && w.serviceAccount().equals(serviceAccount))
                .toList();
        Workload stolen = running.isEmpty() ? null : presentingMtls(running.get(0));
        return of(MeshAssessment.of(engine), running, observed, stolen);
    }

    /**
     * The service account's identity as an attacker holding its token presents it: istiod signs a workload
     * certificate for whoever shows the token, so it speaks mTLS as {@code spiffe://.../sa/NAME} even where the
     * account's own pods have no sidecar. Modelled as one of its workloads with a sidecar.
     */
    private static Workload presentingMtls(Workload w) {
        return new Workload(
                w.namespace(), w.name(), w.kind(), w.labels(), w.serviceAccount(), true, false, w.ports(), w.ips());
    }

    /** The blast radius of the given workloads over an existing whole-mesh assessment, without observed traffic. */
    public static BlastRadius of(MeshAssessment pairs, List<Workload> compromised) {
        return of(pairs, compromised, Traffic.none());
    }

    /** The blast radius of the given workloads over an existing whole-mesh assessment and the observed traffic. */
    public static BlastRadius of(MeshAssessment pairs, List<Workload> compromised, Traffic observed) {
        return of(pairs, compromised, observed, null);
    }

    private static BlastRadius of(
            MeshAssessment pairs, List<Workload> compromised, Traffic observed, Workload stolenIdentity) {
        Map<String, Integer> sourceIndex = new LinkedHashMap<>();
        for (int s = 0; s < pairs.sources().size(); s++) {
            sourceIndex.put(pairs.sources().get(s).id(), s);
        }
        Map<String, Integer> targetIndex = targetIndex(pairs);
        Set<String> controlled = new HashSet<>();
        compromised.forEach(w -> controlled.add(w.id()));
        Map<String, Integer> depths = new LinkedHashMap<>();
        compromised.forEach(w -> depths.put(w.id(), 0));
        List<Hop> hops = new ArrayList<>();
        List<Workload> frontier = new ArrayList<>(compromised);
        for (int depth = 1; !frontier.isEmpty(); depth++) {
            Step step = new Step(pairs, depth, hops, depths);
            for (Workload from : frontier) {
                Integer source = sourceIndex.get(from.id());
                if (from.gateway() && !controlled.contains(from.id())) {
                    forwarded(step, targetIndex, observed, source, from);
                } else {
                    hopsFrom(step, source, from);
                }
            }
            if (depth == 1 && stolenIdentity != null) {
                withStolenIdentity(step, stolenIdentity);
            }
            frontier = step.next;
        }
        List<PlaintextEdge> plaintext = plaintext(pairs, targetIndex, sourceIndex, observed, depths.keySet());
        return new BlastRadius(compromised, pairs.sources().size(), depths, hops, plaintext);
    }

    /** The Service ports the stolen identity gets to over mTLS that the compromised workloads' own edges do not. */
    private static void withStolenIdentity(Step step, Workload identity) {
        MeshAssessment pairs = step.pairs;
        Engine engine = pairs.engine();
        EdgeSource source = engine.source(new Peer.Pod(identity));
        Set<String> used = new HashSet<>();
        step.hops.forEach(h -> used.add(targetKey(h.to().id(), h.service(), h.port())));
        for (int t = 0; t < pairs.targets().size(); t++) {
            MeshAssessment.Target target = pairs.targets().get(t);
            if (used.contains(targetKey(target.workload().id(), target.service().name(), target.port()))) {
                continue;
            }
            EdgeOutcome outcome =
                    engine.decide(source, engine.target(target.workload(), target.service(), target.port()));
            step.hop(t, outcome, identity);
        }
    }

    private static Map<String, Integer> targetIndex(MeshAssessment pairs) {
        Map<String, Integer> index = new HashMap<>();
        for (int t = 0; t < pairs.targets().size(); t++) {
            MeshAssessment.Target target = pairs.targets().get(t);
            index.putIfAbsent(targetKey(target.workload().id(), target.service().name(), target.port()), t);
        }
        return index;
    }

    private static String targetKey(String workload, String service, int port) {
        return workload + "|" + service + "|" + port;
    }

    /** The requests a reached gateway forwards: along its observed outgoing edges, with its own identity. */
    private static void forwarded(
            Step step, Map<String, Integer> targetIndex, Traffic observed, Integer source, Workload gateway) {
        if (source == null) {
            return;
        }
        for (TrafficEdge route : observed.edges()) {
            if (!route.sourceId().equals(gateway.id())) {
                continue;
            }
            Integer t = targetIndex.get(targetKey(route.destinationId(), route.service(), route.port()));
            if (t != null) {
                step.hop(t, step.pairs.outcome(t, source), gateway);
            }
        }
    }

    private static void hopsFrom(Step step, Integer source, Workload from) {
        if (source == null) {
            return;
        }
        for (int t = 0; t < step.pairs.targets().size(); t++) {
            step.hop(t, step.pairs.outcome(t, source), from);
        }
    }

    /** One hop further out: the hops found so far, each workload's first depth, and the workloads reached anew. */
    private static final class Step {
        private final MeshAssessment pairs;
        private final int depth;
        private final List<Hop> hops;
        private final Map<String, Integer> depths;
        private final List<Workload> next = new ArrayList<>();

        Step(MeshAssessment pairs, int depth, List<Hop> hops, Map<String, Integer> depths) {
            this.pairs = pairs;
            this.depth = depth;
            this.hops = hops;
            this.depths = depths;
        }

        /** Records the hop from {@code from} to target {@code t} unless it is denied or goes nowhere. */
        void hop(int t, EdgeOutcome outcome, Workload from) {
            MeshAssessment.Target target = pairs.targets().get(t);
            if (outcome.decision() == Decision.DENY || target.workload().id().equals(from.id())) {
                return;
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

    private static List<PlaintextEdge> plaintext(
            MeshAssessment pairs,
            Map<String, Integer> targetIndex,
            Map<String, Integer> sourceIndex,
            Traffic observed,
            Set<String> controlled) {
        Set<PlaintextEdge> edges = new LinkedHashSet<>();
        for (TrafficEdge edge : observed.edges()) {
            boolean touches = controlled.contains(edge.sourceId()) || controlled.contains(edge.destinationId());
            Integer t = targetIndex.get(targetKey(edge.destinationId(), edge.service(), edge.port()));
            Integer s = sourceIndex.get(edge.sourceId());
            if (!touches || t == null || s == null) {
                continue;
            }
            EdgeOutcome outcome = pairs.outcome(t, s);
            if (outcome.decision() != Decision.DENY && outcome.connection() == Connection.PLAINTEXT) {
                edges.add(new PlaintextEdge(
                        pairs.sources().get(s), pairs.targets().get(t).workload(), edge.port()));
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

    /** Observed plaintext edges into or out of a workload the attacker controls or reaches. */
    public List<PlaintextEdge> plaintextEdges() {
        return plaintext;
    }

    /**
     * The gateways reached (not compromised), by id: the attacker could abuse them to send requests along their
     * routes, with their identity.
     */
    public Set<String> gateways() {
        Set<String> ids = new LinkedHashSet<>();
        hops.stream()
                .filter(h -> h.to().gateway() && reached().containsKey(h.to().id()))
                .forEach(h -> ids.add(h.to().id()));
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
