package dev.trustmap.engine;

import dev.trustmap.mesh.MeshSnapshot;

/**
 * Decides requests against one mesh snapshot: first the connection (mTLS, plaintext or broken), then
 * authorization (CUSTOM, DENY, ALLOW), as Istio's proxies would.
 */
public final class Engine {
    private final MeshSnapshot snapshot;
    private final ExternalAuthorizer externalAuthorizer;

    private Engine(MeshSnapshot snapshot, ExternalAuthorizer externalAuthorizer) {
        this.snapshot = snapshot;
        this.externalAuthorizer = externalAuthorizer;
    }

    /** Compiles the snapshot's policies; CUSTOM providers answer "unknown". */
    public static Engine of(MeshSnapshot snapshot) {
        return of(snapshot, ExternalAuthorizer.unknown());
    }

    /** Compiles the snapshot's policies, asking {@code externalAuthorizer} for CUSTOM decisions. */
    public static Engine of(MeshSnapshot snapshot, ExternalAuthorizer externalAuthorizer) {
        return new Engine(snapshot, externalAuthorizer);
    }

    public MeshSnapshot snapshot() {
        return snapshot;
    }

    /** The verdict for one request, with its explanation. */
    public Verdict evaluate(Request request) {
        throw new UnsupportedOperationException("engine under construction: " + externalAuthorizer);
    }
}
