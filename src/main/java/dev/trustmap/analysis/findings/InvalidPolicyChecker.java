package dev.trustmap.analysis.findings;

import dev.trustmap.istio.Action;
import dev.trustmap.istio.AuthzPolicy;
import dev.trustmap.istio.AuthzRule;
import dev.trustmap.istio.PeerAuthnPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * TM214: what Istio's validation rejects or its proxies skip: an invalid AuthorizationPolicy or rule, a DENY or AUDIT
 * without rules, and {@code portLevelMtls} without a selector. The same checks as {@code PolicyWarnings}, as findings.
 */
public final class InvalidPolicyChecker implements Checker {

    @Override
    public String code() {
        return "TM214";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String title() {
        return "Policy Istio rejects or skips";
    }

    @Override
    public List<Finding> check(MeshContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (AuthzPolicy policy : ctx.policies().authzPolicies()) {
            String resource = ResourceRefs.of(policy);
            if (policy.invalid() != null) {
                findings.add(finding(
                        resource,
                        "spec",
                        policy.invalid() + "; Istio's validation rejects this policy",
                        "fix the field named"));
            }
            if (policy.rules().isEmpty() && (policy.action() == Action.DENY || policy.action() == Action.AUDIT)) {
                findings.add(finding(
                        resource,
                        "spec.rules",
                        "a " + policy.action() + " policy without rules matches nothing; Istio's validation rejects it",
                        "add the rules it should match, or delete it"));
            }
            for (AuthzRule rule : policy.rules()) {
                if (rule.invalid() != null) {
                    findings.add(finding(
                            resource,
                            "spec.rules[" + rule.index() + "]",
                            rule.invalid() + "; Istio's validation rejects this, and a proxy given it skips the rule",
                            "fix the field named"));
                }
            }
        }
        for (PeerAuthnPolicy policy : ctx.policies().peerPolicies()) {
            if (policy.selector() == null && !policy.portModes().isEmpty()) {
                findings.add(finding(
                        ResourceRefs.of(policy),
                        "spec.portLevelMtls",
                        "portLevelMtls needs a selector; Istio's validation rejects a namespace- or mesh-wide policy"
                                + " with it",
                        "add a selector for the workloads whose ports it sets"));
            }
        }
        return findings;
    }
}
