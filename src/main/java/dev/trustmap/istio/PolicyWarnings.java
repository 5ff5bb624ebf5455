package dev.trustmap.istio;

import java.util.ArrayList;
import java.util.List;

/**
 * What Istio's validation would reject or its proxies would silently skip in a compiled policy set, as sentences
 * naming the policy and the field. The engine still decides as the proxies would; these tell the user why a
 * policy does less than it seems to.
 */
public final class PolicyWarnings {
    private PolicyWarnings() {}

    public static List<String> of(PolicySet policies) {
        List<String> warnings = new ArrayList<>();
        for (AuthzPolicy policy : policies.authzPolicies()) {
            authorization(policy, warnings);
        }
        for (PeerAuthnPolicy policy : policies.peerPolicies()) {
            peer(policy, policies.meshConfig().rootNamespace(), warnings);
        }
        return warnings;
    }

    private static void authorization(AuthzPolicy policy, List<String> warnings) {
        String ref = "AuthorizationPolicy " + policy.ref();
        if (policy.invalid() != null) {
            warnings.add(ref + ": " + policy.invalid() + "; Istio's validation rejects this policy");
        }
        if (policy.rules().isEmpty() && (policy.action() == Action.DENY || policy.action() == Action.AUDIT)) {
            warnings.add(ref + ": a " + policy.action() + " policy without rules matches nothing; Istio's"
                    + " validation rejects it");
        }
        for (AuthzRule rule : policy.rules()) {
            if (rule.invalid() != null) {
                warnings.add(ref + " spec.rules[" + rule.index() + "]: " + rule.invalid()
                        + "; Istio's validation rejects this, and a proxy given it skips the rule");
            }
        }
    }

    private static void peer(PeerAuthnPolicy policy, String root, List<String> warnings) {
        String ref = "PeerAuthentication " + policy.ref();
        if (policy.selector() == null && !policy.portModes().isEmpty()) {
            warnings.add(ref + ": portLevelMtls needs a selector; Istio's validation rejects a namespace- or"
                    + " mesh-wide policy with it, and Trustmap ignores the port settings");
        }
        if (policy.selector() != null && policy.namespace().equals(root)) {
            warnings.add(ref + ": a PeerAuthentication with a selector in the root namespace " + root
                    + " is ignored; put it in the workload's namespace");
        }
    }
}
