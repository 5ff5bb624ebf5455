package dev.trustmap.ui.lab;

import dev.trustmap.analysis.MeshAssessment;
import dev.trustmap.engine.Decision;
import dev.trustmap.engine.Engine;
import dev.trustmap.engine.Jwt;
import dev.trustmap.engine.Peer;
import dev.trustmap.engine.Request;
import dev.trustmap.engine.Verdict;
import dev.trustmap.mesh.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The attack replayed: one probe ({@code GET /} with no token) from the compromised workload to every Service port
 * of every other workload, each decided by the engine as a concrete request.
 */
final class ProbeReplay {
    static final String METHOD = "GET";
    static final String PATH = "/";

    private ProbeReplay() {}

    /** One probe and what the mesh did with it. */
    record Probe(String target, String service, int port, boolean passed, int status) {

        /** {@code pass  payments/ledger via ledger:80 (HTTP 200)}. */
        String describe() {
            String result = status == 0 ? "connection closed" : "HTTP " + status;
            return (passed ? "pass  " : "blocked  ") + target + " via " + service + ":" + port + " (" + result + ")";
        }
    }

    // TODO(#6): probes only GET / without a token; replaying the operations each hop allows (and scenario files as
    // lab meshes) would show what a careful attacker gets past path and method rules.
    static List<Probe> run(Engine engine, Workload from) {
        List<Probe> probes = new ArrayList<>();
        for (MeshAssessment.Target target : MeshAssessment.of(engine).targets()) {
            if (target.workload().equals(from)) {
                continue;
            }
            Request request = new Request(
                    new Peer.Pod(from),
                    target.workload(),
                    target.service(),
                    target.port(),
                    null,
                    METHOD,
                    PATH,
                    null,
                    Map.of(),
                    Jwt.none());
            Verdict verdict = engine.evaluate(request);
            boolean passed = verdict.decision() == Decision.ALLOW;
            probes.add(new Probe(
                    target.workload().id(), target.service().name(), target.port(), passed, verdict.httpStatus()));
        }
        return probes;
    }

    /** Marks for the graph: the compromised workload, and each target by whether any of its probes passed. */
    static BreachMarks marks(Workload from, List<Probe> probes) {
        Map<String, String> nodes = new java.util.HashMap<>();
        for (Probe probe : probes) {
            if (probe.passed()) {
                nodes.put(probe.target(), BreachMarks.PROBE_PASS);
            } else {
                nodes.putIfAbsent(probe.target(), BreachMarks.PROBE_BLOCKED);
            }
        }
        nodes.put(from.id(), BreachMarks.COMPROMISED);
        return new BreachMarks(nodes, java.util.Set.of());
    }
}
