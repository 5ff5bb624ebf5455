package dev.trustmap.engine;

import dev.trustmap.istio.Attribute;
import dev.trustmap.istio.AuthzPolicy;
import dev.trustmap.istio.AuthzRule;
import dev.trustmap.istio.Clause;
import dev.trustmap.istio.ValueMatcher;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Groups the clients of one destination into classes that its policies cannot tell apart. On an edge only the
 * peer identity (principal, namespace, service account) and IP depend on the client; a value no exact clause
 * names, and no prefix, suffix or CIDR clause could match differently, behaves like any other such value.
 */
final class SourceClasses {
    private static final String OTHER = "\u0000other";

    /** The class of a client: the values that matter, others replaced by a marker. */
    record Key(boolean mtls, String principal, String namespace, String serviceAccount, String ip) {}

    private final Significance principal;
    private final Significance namespace;
    private final Significance serviceAccount;
    private final Significance ip;

    SourceClasses(WorkloadPolicies policies) {
        List<Clause> clauses = Stream.of(policies.custom(), policies.customAsDeny(), policies.deny(), policies.allow())
                .flatMap(List::stream)
                .map(AuthzPolicy::rules)
                .flatMap(List::stream)
                .flatMap(SourceClasses::clauses)
                .toList();
        this.principal = Significance.of(clauses, Attribute.PRINCIPAL);
        this.namespace = Significance.of(clauses, Attribute.NAMESPACE);
        this.serviceAccount = Significance.of(clauses, Attribute.SERVICE_ACCOUNT);
        Significance source = Significance.of(clauses, Attribute.SOURCE_IP);
        Significance remote = Significance.of(clauses, Attribute.REMOTE_IP);
        this.ip = source.any || remote.any ? Significance.ALL : Significance.NONE;
    }

    private static Stream<Clause> clauses(AuthzRule rule) {
        return Stream.of(
                        rule.from().stream().flatMap(List::stream),
                        rule.to().stream().flatMap(List::stream),
                        rule.when().stream())
                .flatMap(s -> s);
    }

    Key key(EdgeSource source, boolean mtls) {
        return new Key(
                mtls,
                mtls ? principal.reduce(source.principal) : null,
                mtls ? namespace.reduce(source.namespace) : null,
                mtls ? serviceAccount.reduce(source.serviceAccount) : null,
                ip.reduce(source.peer.ip()));
    }

    /** Which values of one attribute clauses can tell apart. */
    private record Significance(boolean any, boolean all, Set<String> exact) {
        static final Significance ALL = new Significance(true, true, Set.of());
        static final Significance NONE = new Significance(false, false, Set.of());

        static Significance of(List<Clause> clauses, Attribute attribute) {
            Set<String> exact = new HashSet<>();
            boolean any = false;
            for (Clause clause : clauses) {
                if (clause.attribute() != attribute) {
                    continue;
                }
                any = true;
                for (ValueMatcher matcher : clause.values()) {
                    if (matcher.exactValue() != null) {
                        exact.add(matcher.exactValue());
                    } else if (!matcher.presenceOnly()) {
                        return ALL;
                    }
                }
            }
            return new Significance(any, false, Set.copyOf(exact));
        }

        String reduce(String value) {
            if (all || value == null || exact.contains(value)) {
                return value;
            }
            return OTHER;
        }
    }
}
