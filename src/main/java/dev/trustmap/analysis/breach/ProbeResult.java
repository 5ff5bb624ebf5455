package dev.trustmap.analysis.breach;

import dev.trustmap.engine.Connection;
import dev.trustmap.engine.Decision;
import dev.trustmap.engine.Verdict;

/** A probe with the engine's verdict: passed when the request is allowed, blocked otherwise. */
public record ProbeResult(Probe probe, Verdict verdict) {

    /** Whether the attacker got through. */
    public boolean passed() {
        return verdict.decision() == Decision.ALLOW;
    }

    /** The HTTP status the attacker would see: 200, 401, 403, or 503 and 0 when the connection breaks. */
    public int status() {
        return verdict.httpStatus();
    }

    /**
     * What decided: {@code payments/ledger-callers[rule 0] (ALLOW)}, {@code no policy}, or for a broken connection
     * the server's mTLS mode with the PeerAuthentication that set it.
     */
    public String decidedBy() {
        if (verdict.connection().connection() == Connection.BROKEN) {
            String pa = verdict.connection().peerAuthentication();
            return "connection breaks: " + verdict.connection().serverMode() + (pa == null ? "" : " (" + pa + ")");
        }
        String policy = verdict.authz().policy();
        if (policy == null) {
            return "no policy";
        }
        String rule =
                verdict.authz().rule() < 0 ? "" : "[rule " + verdict.authz().rule() + "]";
        String action =
                verdict.authz().action() == null ? "" : " (" + verdict.authz().action() + ")";
        return policy + rule + action;
    }
}
