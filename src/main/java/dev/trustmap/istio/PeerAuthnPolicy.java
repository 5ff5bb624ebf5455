package dev.trustmap.istio;

import java.time.Instant;
import java.util.Map;

/**
 * A compiled PeerAuthentication.
 *
 * @param selector {@code spec.selector.matchLabels}, or null for a namespace- or mesh-wide policy
 * @param mode {@code spec.mtls.mode}; UNSET inherits from the level above
 * @param portModes {@code spec.portLevelMtls}, keyed by container port
 */
public record PeerAuthnPolicy(
        String namespace,
        String name,
        Map<String, String> selector,
        MtlsMode mode,
        Map<Integer, MtlsMode> portModes,
        Instant created) {

    /** PeerAuthentication modes. */
    public enum MtlsMode {
        UNSET,
        DISABLE,
        PERMISSIVE,
        STRICT
    }

    public PeerAuthnPolicy {
        selector = selector == null || selector.isEmpty() ? null : Map.copyOf(selector);
        portModes = Map.copyOf(portModes);
    }

    public String ref() {
        return namespace + "/" + name;
    }
}
