package dev.trustmap.analysis.findings;

import dev.trustmap.istio.AuthzPolicy;
import dev.trustmap.istio.AuthzRule;
import dev.trustmap.text.Plural;
import java.util.ArrayList;
import java.util.List;

/**
 * TM107: an ALLOW policy with an empty rule ({@code rules: [{}]}): it matches every request, from anyone, plaintext
 * callers included, and makes the policy's other rules pointless.
 */
public final class EmptyRuleChecker implements Checker {

    @Override
    public String code() {
        return "TM107";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String title() {
        return "ALLOW with an empty rule allows everything";
    }

    @Override
    public List<Finding> check(MeshContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (AuthzPolicy policy : ctx.enforcedAllowPolicies()) {
            for (AuthzRule rule : policy.rules()) {
                if (rule.invalid() == null
                        && rule.from().isEmpty()
                        && rule.to().isEmpty()
                        && rule.when().isEmpty()) {
                    findings.add(finding(
                            ResourceRefs.of(policy),
                            "spec.rules[" + rule.index() + "]",
                            "an empty rule matches every request: anyone, plaintext callers included, may call any"
                                    + " operation of "
                                    + Plural.of(ctx.selected(policy).size(), "selected workload"),
                            "give the rule a from.source naming the callers and a to.operation naming the methods"
                                    + " and paths they need"));
                }
            }
        }
        return findings;
    }
}
