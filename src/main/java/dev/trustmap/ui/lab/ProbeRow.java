package dev.trustmap.ui.lab;

import dev.trustmap.analysis.breach.Probe;
import dev.trustmap.analysis.breach.ProbeResult;
import dev.trustmap.engine.Connection;

/**
 * One replayed probe as the pane lists it.
 *
 * @param result the probe and the current policies' verdict
 * @param draft the draft's verdict on the same request, or null without a draft
 */
public record ProbeRow(ProbeResult result, ProbeResult draft) {

    public String target() {
        return result.probe().to().id();
    }

    /** {@code ledger:80}, or {@code pod IP:8080 (plaintext)}. */
    public String port() {
        Probe probe = result.probe();
        return probe.plaintext()
                ? "pod IP:" + probe.targetPort() + " (plaintext)"
                : probe.service().name() + ":" + probe.port();
    }

    /** The method, or {@code TCP} for a connection. */
    public String method() {
        return result.probe().tcp() ? "TCP" : result.probe().method();
    }

    public String path() {
        return result.probe().tcp() ? "" : result.probe().path();
    }

    /** {@code passed (200)}, {@code blocked (403)}, {@code blocked (connection fails)}. */
    public String outcome() {
        return outcome(result);
    }

    public String decidedBy() {
        return result.decidedBy();
    }

    /** The draft's outcome, or empty without a draft. */
    public String draftOutcome() {
        return draft == null ? "" : outcome(draft);
    }

    public boolean passed() {
        return result.passed();
    }

    /** Whether the draft blocks what passes now. */
    public boolean draftBlocks() {
        return draft != null && result.passed() && !draft.passed();
    }

    /** Whether the draft lets through what is blocked now. */
    public boolean draftOpens() {
        return draft != null && !result.passed() && draft.passed();
    }

    /** The graph's id of the edge the probe travels. */
    public String edgeId() {
        return result.probe().route();
    }

    private static String outcome(ProbeResult result) {
        if (result.verdict().connection().connection() == Connection.BROKEN) {
            return "blocked (connection fails)";
        }
        if (result.probe().tcp()) {
            return result.passed() ? "passed (connected)" : "blocked (connection closed)";
        }
        return (result.passed() ? "passed (" : "blocked (") + result.status() + ")";
    }
}
