package dev.trustmap.ui.lab;

import dev.trustmap.analysis.breach.BlastRadius;
import dev.trustmap.mesh.Workload;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How a blast radius marks the graph: the compromised nodes, the nodes reached in one hop and in further hops, and
 * the plaintext edges (by client and server node) the attacker could read or forge.
 */
public record BreachMarks(Map<String, String> nodes, Set<String> plaintextPairs) {
    public static final String COMPROMISED = "compromised";
    public static final String REACHED = "reached";
    public static final String REACHED_FAR = "reached_far";
    public static final String EXPOSED = "exposed";
    public static final String PROBE_PASS = "probe_pass";
    public static final String PROBE_BLOCKED = "probe_blocked";

    public static final BreachMarks NONE = new BreachMarks(Map.of(), Set.of());

    public BreachMarks {
        nodes = Map.copyOf(nodes);
        plaintextPairs = Set.copyOf(plaintextPairs);
    }

    /** The marks for one blast radius. */
    public static BreachMarks of(BlastRadius radius) {
        Map<String, String> nodes = new HashMap<>();
        radius.reached().forEach((id, depth) -> nodes.put(id, depth == 1 ? REACHED : REACHED_FAR));
        radius.compromised().forEach(w -> nodes.put(w.id(), COMPROMISED));
        Set<String> pairs = new HashSet<>();
        for (BlastRadius.PlaintextEdge edge : radius.plaintextEdges()) {
            pairs.add(pair(edge.from().id(), edge.to().id()));
        }
        return new BreachMarks(nodes, pairs);
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
