package dev.trustmap.analysis.breach;

import dev.trustmap.engine.Decision;
import dev.trustmap.engine.EdgeOutcome;
import dev.trustmap.engine.Engine;
import dev.trustmap.istio.Action;
import dev.trustmap.istio.AuthzPolicy;
import dev.trustmap.istio.AuthzRule;
import dev.trustmap.istio.Clause;
import dev.trustmap.mesh.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What an allowed edge lets the attacker do: the operations of the deciding rule's {@code to}. For a conditional edge
 * (the engine names no single rule), the operations of every ALLOW rule whose sources name the client.
 */
final class Operations {
    static final String ANY = "any operation";

    private Operations() {}

    /** The operations and the policy behind them ({@code namespace/name}, or null when no policy decided). */
    record Allowed(String policy, List<String> operations) {}

    static Allowed of(Engine engine, Workload from, Workload to, EdgeOutcome outcome) {
        if (outcome.decision() == Decision.CONDITIONAL) {
            return conditional(engine, from, to);
        }
        if (outcome.policy() == null
                || outcome.rule() < 0
                || outcome.rule() >= outcome.policy().rules().size()) {
            return new Allowed(
                    outcome.policy() == null ? null : outcome.policy().ref(), List.of(ANY));
        }
        return new Allowed(
                outcome.policy().ref(), describe(outcome.policy().rules().get(outcome.rule())));
    }

    private static Allowed conditional(Engine engine, Workload from, Workload to) {
        String principal =
                from.identity(engine.policies().meshConfig().trustDomain()).principal();
        List<String> operations = new ArrayList<>();
        String policyRef = null;
        for (AuthzPolicy policy : engine.policiesSelecting(to)) {
            if (policy.action() != Action.ALLOW || policy.dryRun() || policy.invalid() != null) {
                continue;
            }
            for (AuthzRule rule : policy.rules()) {
                if (rule.invalid() == null && names(rule, from, principal)) {
                    operations.addAll(describe(rule));
                    policyRef = policyRef == null ? policy.ref() : policyRef;
                }
            }
        }
        return new Allowed(policyRef, operations.isEmpty() ? List.of("some requests (conditional)") : operations);
    }

    /** Whether a rule's sources may name the client: no sources, or a source whose identity fields all match it. */
    private static boolean names(AuthzRule rule, Workload from, String principal) {
        if (rule.from().isEmpty()) {
            return true;
        }
        return rule.from().stream().anyMatch(source -> source.stream().allMatch(c -> matches(c, from, principal)));
    }

    private static boolean matches(Clause clause, Workload from, String principal) {
        String value = switch (clause.attribute()) {
            case PRINCIPAL -> principal;
            case NAMESPACE -> from.namespace();
            case SERVICE_ACCOUNT -> from.namespace() + "/" + from.serviceAccount();
            default -> null;
        };
        if (value == null) {
            return true;
        }
        boolean any = clause.values().stream().anyMatch(v -> v.matches(value));
        return clause.negated() != any;
    }

    private static List<String> describe(AuthzRule rule) {
        if (rule.to().isEmpty()) {
            return List.of(ANY);
        }
        List<String> operations = new ArrayList<>();
        for (List<Clause> operation : rule.to()) {
            operations.add(
                    operation.isEmpty()
                            ? ANY
                            : operation.stream().map(Operations::describe).collect(Collectors.joining(" ")));
        }
        return operations;
    }

    private static String describe(Clause clause) {
        String field = clause.path().substring(clause.path().lastIndexOf('.') + 1);
        return field + " " + clause.describeValues();
    }
}
