package dev.trustmap.analysis.findings;

import dev.trustmap.istio.Attribute;
import dev.trustmap.istio.AuthzPolicy;
import dev.trustmap.istio.AuthzRule;
import dev.trustmap.istio.Clause;
import dev.trustmap.istio.ValueMatcher;
import dev.trustmap.text.Plural;
import java.util.ArrayList;
import java.util.List;

/**
 * TM106: an ALLOW rule whose source is a bare wildcard ({@code namespaces: ["*"]}, {@code principals: ["*"]}): it
 * admits every workload of the mesh that presents mTLS, not only the intended callers.
 */
public final class WildcardSourceChecker implements Checker {

    @Override
    public String code() {
        return "TM106";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String title() {
        return "ALLOW by wildcard source admits every mTLS workload";
    }

    @Override
    public List<Finding> check(MeshContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (AuthzPolicy policy : ctx.enforcedAllowPolicies()) {
            for (AuthzRule rule : policy.rules()) {
                rule.from().stream()
                        .flatMap(List::stream)
                        .filter(WildcardSourceChecker::wildcard)
                        .forEach(c -> findings.add(finding(
                                ResourceRefs.of(policy),
                                c.path(),
                                c.path().substring(c.path().lastIndexOf('.') + 1) + " " + c.describeValues()
                                        + " admits every workload of the mesh that presents mTLS, "
                                        + Plural.of(ctx.selected(policy).size(), "selected workload")
                                        + " open to all",
                                "name the intended callers: principals: [\""
                                        + ctx.policies().meshConfig().trustDomain() + "/ns/NAMESPACE/sa/ACCOUNT\"]")));
            }
        }
        return findings;
    }

    private static boolean wildcard(Clause clause) {
        boolean identity = clause.attribute() == Attribute.PRINCIPAL
                || clause.attribute() == Attribute.NAMESPACE
                || clause.attribute() == Attribute.SERVICE_ACCOUNT;
        return identity
                && !clause.negated()
                && clause.values().stream().map(ValueMatcher::raw).anyMatch("*"::equals);
    }
}
