package dev.trustmap.analysis.findings;

import dev.trustmap.istio.Action;
import dev.trustmap.istio.Attribute;
import dev.trustmap.istio.AuthzPolicy;
import dev.trustmap.istio.AuthzRule;
import dev.trustmap.istio.Clause;
import dev.trustmap.istio.ValueMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * TM215: an HTTP method written in lower case ({@code get}). Istio compares methods exactly and requests carry them
 * in upper case, so the value never matches: an ALLOW that names only it lets nothing through, a DENY never stops
 * the method it names, a {@code notMethods} excludes nothing.
 */
public final class MethodCaseChecker implements Checker {

    @Override
    public String code() {
        return "TM215";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String title() {
        return "HTTP method in lower case never matches";
    }

    @Override
    public List<Finding> check(MeshContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (AuthzPolicy policy : ctx.policies().authzPolicies()) {
            for (AuthzRule rule : policy.rules()) {
                for (Clause clause : rule.to().stream().flatMap(List::stream).toList()) {
                    if (clause.attribute() == Attribute.METHOD) {
                        check(policy, clause, findings);
                    }
                }
            }
        }
        return findings;
    }

    private void check(AuthzPolicy policy, Clause clause, List<Finding> out) {
        List<String> lower = clause.values().stream()
                .map(ValueMatcher::raw)
                .filter(value -> !value.equals(value.toUpperCase(Locale.ROOT)))
                .toList();
        if (lower.isEmpty()) {
            return;
        }
        String effect = clause.negated()
                ? "excludes nothing"
                : policy.action() == Action.DENY ? "never denies that method" : "never matches a request";
        out.add(finding(
                ResourceRefs.of(policy),
                clause.path(),
                String.join(", ", lower) + ": Istio compares methods exactly and requests send them in upper case, so"
                        + " this " + effect,
                "write "
                        + String.join(
                                ", ",
                                lower.stream()
                                        .map(v -> v.toUpperCase(Locale.ROOT))
                                        .toList())));
    }
}
