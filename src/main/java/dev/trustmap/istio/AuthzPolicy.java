package dev.trustmap.istio;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A compiled AuthorizationPolicy.
 *
 * @param selector {@code spec.selector.matchLabels}, or null when the policy has no selector
 * @param targetGateways names of Gateway API gateways from {@code targetRef(s)}; a policy with target references
 *     is ignored by sidecars
 * @param provider the CUSTOM provider name, or null
 * @param dryRun whether {@code istio.io/dry-run: "true"} makes it a shadow policy that is never enforced
 * @param rules the rules; empty for {@code spec: {}} or a policy without rules
 * @param invalid why Istio would reject the whole policy, or null
 */
public record AuthzPolicy(
        String namespace,
        String name,
        Action action,
        String provider,
        Map<String, String> selector,
        List<String> targetGateways,
        boolean hasTargetRefs,
        boolean dryRun,
        List<AuthzRule> rules,
        Instant created,
        String invalid) {

    public AuthzPolicy {
        selector = selector == null ? null : Map.copyOf(selector);
        targetGateways = List.copyOf(targetGateways);
        rules = List.copyOf(rules);
    }

    /** {@code namespace/name}. */
    public String ref() {
        return namespace + "/" + name;
    }
}
