package dev.trustmap.ui.lab;

import dev.trustmap.analysis.EdgeAssessment;
import dev.trustmap.analysis.breach.BlastComparison;
import dev.trustmap.analysis.breach.BlastRadius;
import dev.trustmap.analysis.breach.Hop;
import dev.trustmap.engine.Engine;
import dev.trustmap.engine.Peer;
import dev.trustmap.engine.Request;
import dev.trustmap.engine.Verdict;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.mesh.Workload;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How the breach lab marks the graph: the compromised nodes, the nodes reached in one hop and in further hops, the
 * plaintext edges (by client and server node) the attacker could read or forge, a mark per edge (by edge id: an
 * edge the attacker can use now, one a draft would close, a replayed probe's result), and edges to draw where the
 * graph has none (probes on routes without observed traffic).
 */
public record BreachMarks(
        Map<String, String> nodes, Set<String> plaintextPairs, Map<String, String> edges, Map<String, Added> added) {
    public static final String COMPROMISED = "compromised";
    public static final String REACHED = "reached";
    public static final String REACHED_FAR = "reached_far";
    /** A workload reached now that the draft would cut off (teal outline). */
    public static final String CUT_OFF = "cut_off";

    public static final String EXPOSED = "exposed";
    public static final String PROBE_PASS = "probe_pass";
    public static final String PROBE_BLOCKED = "probe_blocked";
    /** An edge the attacker can use under the current policies. */
    public static final String ATTACK = "attack";
    /** An edge the attacker can use now that the draft would close. */
    public static final String ATTACK_CLOSED = "attack_closed";
    /** The probe being replayed right now. */
    public static final String PROBE_FLASH = "probe_flash";

    public static final BreachMarks NONE = new BreachMarks(Map.of(), Set.of());

    /** An edge the graph lacks, drawn while marked: its ends and what the inspector shows for it. */
    public record Added(String source, String target, EdgeAssessment assessment) {}

    public BreachMarks {
        nodes = Map.copyOf(nodes);
        plaintextPairs = Set.copyOf(plaintextPairs);
        edges = Map.copyOf(edges);
        added = Map.copyOf(added);
    }

    /** Marks on nodes and plaintext pairs only. */
    public BreachMarks(Map<String, String> nodes, Set<String> plaintextPairs) {
        this(nodes, plaintextPairs, Map.of(), Map.of());
    }

    /** The marks for one blast radius. */
    public static BreachMarks of(BlastRadius radius) {
        return of(radius, null);
    }

    /**
     * The marks for one blast radius, with the draft's beside it (or null): every edge the compromised workloads can
     * use now is {@link #ATTACK}, or {@link #ATTACK_CLOSED} when the draft's radius no longer has it.
     */
    public static BreachMarks of(BlastRadius radius, BlastComparison draft) {
        Map<String, String> nodes = new HashMap<>();
        radius.reached().forEach((id, depth) -> nodes.put(id, depth == 1 ? REACHED : REACHED_FAR));
        if (draft != null) {
            draft.noLongerReached().forEach(id -> nodes.put(id, CUT_OFF));
        }
        radius.compromised().forEach(w -> nodes.put(w.id(), COMPROMISED));
        Set<String> pairs = new HashSet<>();
        for (BlastRadius.PlaintextEdge edge : radius.plaintextEdges()) {
            pairs.add(pair(edge.from().id(), edge.to().id()));
        }
        Set<String> stillOpen = new HashSet<>();
        if (draft != null) {
            draft.draft().hops().forEach(hop -> stillOpen.add(edgeId(hop)));
        }
        Map<String, String> edges = new HashMap<>();
        for (Hop hop : radius.hops()) {
            if (hop.depth() > 1) {
                continue; // edges of pivots would paint most of the mesh; the nodes show how far it gets
            }
            String id = edgeId(hop);
            edges.put(id, draft == null || stillOpen.contains(id) ? ATTACK : ATTACK_CLOSED);
        }
        return new BreachMarks(nodes, pairs, edges, Map.of());
    }

    /**
     * The marks of {@link #of(BlastRadius, BlastComparison)}, and the edges the compromised workloads can use drawn
     * where the graph has no observed traffic on them, decided by {@code engine} (the current policies) as an edge
     * seen in telemetry would be.
     */
    public static BreachMarks of(Engine engine, BlastRadius radius, BlastComparison draft) {
        BreachMarks marks = of(radius, draft);
        Map<String, Added> added = new HashMap<>();
        for (Hop hop : radius.hops()) {
            if (hop.depth() == 1) {
                added.putIfAbsent(edgeId(hop), added(engine, hop));
            }
        }
        return new BreachMarks(marks.nodes(), marks.plaintextPairs(), marks.edges(), added);
    }

    private static Added added(Engine engine, Hop hop) {
        Workload from = hop.from();
        Workload to = hop.to();
        Service service =
                engine.snapshot().service(to.namespace(), hop.service()).orElse(null);
        Request request = Request.edge(new Peer.Pod(from), to, service, hop.port());
        Verdict verdict = engine.evaluate(request);
        TrafficEdge edge = new TrafficEdge(
                from.namespace(),
                from.name(),
                to.namespace(),
                to.name(),
                hop.service(),
                hop.port(),
                engine.protocol(request),
                0,
                Map.of(),
                verdict.mtls() ? 1 : 0,
                Set.of(),
                Set.of());
        return new Added(from.id(), to.id(), new EdgeAssessment(edge, request, verdict));
    }

    /** The graph's id of the edge a hop travels: {@code ns/a -> ns/b:port} with the Service port. */
    static String edgeId(Hop hop) {
        return hop.from().id() + " -> " + hop.to().id() + ":" + hop.port();
    }

    /** The key of a client-server pair in {@link #plaintextPairs}. */
    public static String pair(String from, String to) {
        return from + " -> " + to;
    }

    /** Whether a workload is compromised in these marks. */
    public boolean compromised(Workload workload) {
        return COMPROMISED.equals(nodes.get(workload.id()));
    }
}
