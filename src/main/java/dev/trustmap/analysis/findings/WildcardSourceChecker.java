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
 * admits every workload of the mesh that presents mTLS, not only the intended callers. A source with only exclusions
 * ({@code notNamespaces: ["prod"]}) is flagged too: it admits every other caller, plaintext ones included.
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
                        .filter(WildcardSourceChecker::onlyExclusions)
                        .forEach(source -> findings.add(exclusionFinding(ctx, policy, source.get(0))));
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

    private Finding exclusionFinding(MeshContext ctx, AuthzPolicy policy, Clause clause) {
        return finding(
                ResourceRefs.of(policy),
                clause.path(),
                clause.path().substring(clause.path().lastIndexOf('.') + 1) + " " + clause.describeValues()
                        + " is this source's only condition: it admits every other caller, plaintext ones without"
                        + " identity included, "
                        + Plural.of(ctx.selected(policy).size(), "selected workload")
                        + " open to them",
                "name the intended callers instead: principals: [\""
                        + ctx.policies().meshConfig().trustDomain()
                        + "/ns/NAMESPACE/sa/ACCOUNT\"] (keep the exclusion in a DENY if needed)");
    }

    /**
     * A source whose conditions are all exclusions of identities ({@code notNamespaces}, {@code notPrincipals}): it
     * matches everyone else, callers without a peer identity included, so it is as open as a wildcard.
     */
    private static boolean onlyExclusions(List<Clause> source) {
        return !source.isEmpty() && source.stream().allMatch(c -> identity(c) && c.negated());
    }

    private static boolean identity(Clause clause) {
        return clause.attribute() == Attribute.PRINCIPAL
                || clause.attribute() == Attribute.NAMESPACE
                || clause.attribute() == Attribute.SERVICE_ACCOUNT;
    }

    private static boolean wildcard(Clause clause) {
        return identity(clause)
                && !clause.negated()
                && clause.values().stream().map(ValueMatcher::raw).anyMatch("*"::equals);
    }
}
