package dev.trustmap.engine;

import dev.trustmap.istio.PeerAuthnPolicy;
import dev.trustmap.istio.PeerAuthnPolicy.MtlsMode;

/**
 * The mTLS mode a sidecar enforces on one container port, and the PeerAuthentication that set it.
 *
 * @param mode STRICT, PERMISSIVE or DISABLE (never UNSET)
 * @param policy the deciding PeerAuthentication, or null for Istio's default (PERMISSIVE)
 * @param level where the mode came from: default, mesh, namespace, workload or port
 */
public record ServerMode(MtlsMode mode, PeerAuthnPolicy policy, String level) {

    public String describe() {
        return policy == null
                ? mode + " (Istio default)"
                : mode + " from " + level + "-level PeerAuthentication " + policy.ref();
    }
}
