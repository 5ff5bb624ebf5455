package dev.trustmap.analysis.findings;

import dev.trustmap.istio.Attribute;
import dev.trustmap.istio.AuthzPolicy;
import dev.trustmap.istio.AuthzRule;
import dev.trustmap.istio.Clause;
import dev.trustmap.istio.ValueMatcher;
import dev.trustmap.mesh.Namespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * TM212: a policy source naming a namespace or service account that does not exist ({@code principals},
 * {@code namespaces}, {@code serviceAccounts}, and their {@code not} forms): usually a typo, and the rule never
 * matches the caller it was meant for.
 */
public final class UnknownReferenceChecker implements Checker {
    private static final Pattern PRINCIPAL = Pattern.compile("^[^/]+/ns/([^/]+)/sa/([^/]+)$");

    @Override
    public String code() {
        return "TM212";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String title() {
        return "Reference to a namespace or service account that does not exist";
    }

    @Override
    public List<Finding> check(MeshContext ctx) {
        Set<String> namespaces =
                ctx.snapshot().namespaces().stream().map(Namespace::name).collect(Collectors.toSet());
        Set<String> accounts = Set.copyOf(ctx.snapshot().serviceAccounts());
        List<Finding> findings = new ArrayList<>();
        for (AuthzPolicy policy : ctx.policies().authzPolicies()) {
            for (AuthzRule rule : policy.rules()) {
                for (Clause clause : rule.from().stream().flatMap(List::stream).toList()) {
                    for (String value :
                            clause.values().stream().map(ValueMatcher::raw).toList()) {
                        problem(clause.attribute(), value, namespaces, accounts)
                                .ifPresent(p -> findings.add(finding(
                                        ResourceRefs.of(policy),
                                        clause.path(),
                                        p,
                                        "correct the name, or remove it if the caller is gone")));
                    }
                }
            }
        }
        return findings;
    }

    private static Optional<String> problem(
            Attribute attribute, String value, Set<String> namespaces, Set<String> accounts) {
        if (value.contains("*")) {
            return Optional.empty();
        }
        switch (attribute) {
            case NAMESPACE:
                return namespaces.contains(value)
                        ? Optional.empty()
                        : Optional.of("namespace \"" + value + "\" does not exist in the mesh");
            case SERVICE_ACCOUNT:
                return accounts.contains(value)
                        ? Optional.empty()
                        : Optional.of("service account \"" + value + "\" does not exist");
            case PRINCIPAL:
                Matcher m = PRINCIPAL.matcher(value);
                if (!m.matches()) {
                    return Optional.empty();
                }
                if (!namespaces.contains(m.group(1))) {
                    return Optional.of("principal \"" + value + "\" names namespace " + m.group(1)
                            + ", which does not exist in the mesh");
                }
                return accounts.contains(m.group(1) + "/" + m.group(2))
                        ? Optional.empty()
                        : Optional.of("principal \"" + value + "\" names service account " + m.group(1) + "/"
                                + m.group(2) + ", which does not exist");
            default:
                return Optional.empty();
        }
    }
}
