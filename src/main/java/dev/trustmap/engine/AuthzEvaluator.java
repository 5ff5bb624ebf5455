package dev.trustmap.engine;

import dev.trustmap.engine.Decided.Kind;
import dev.trustmap.engine.Decided.Pending;
import dev.trustmap.istio.AuthzPolicy;
import dev.trustmap.istio.AuthzRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides authorization as the proxy does: CUSTOM first (the external authorizer may deny), then DENY (any match
 * denies), then ALLOW (if any ALLOW policy applies, only a match allows). Unknown request fields make a match
 * UNKNOWN; the outcome is then CONDITIONAL and the policies that might match are kept for the explanation.
 */
final class AuthzEvaluator {
    /** A policy's best rule: TRUE with its index, else UNKNOWN with the unknown rules, else FALSE. */
    private record Match(Tri result, int rule, List<Integer> unknownRules) {}

    private final ExternalAuthorizer external;

    AuthzEvaluator(ExternalAuthorizer external) {
        this.external = external;
    }

    /** The decision; {@code request} may be null for an edge, whose CUSTOM answers are then unknown. */
    Decided decide(WorkloadPolicies policies, RequestContext ctx, Request request) {
        List<Pending> pending = new ArrayList<>(0);
        for (AuthzPolicy policy : policies.customAsDeny()) {
            Match match = match(policy, ctx);
            if (match.result() == Tri.TRUE) {
                return new Decided(Decision.DENY, Kind.CUSTOM_BROKEN, policy, match.rule(), List.of());
            }
            if (match.result() == Tri.UNKNOWN) {
                pending.add(new Pending(policy, match.unknownRules(), -1));
            }
        }
        for (AuthzPolicy policy : policies.custom(ctx.tcp)) {
            Match match = match(policy, ctx);
            if (match.result() == Tri.FALSE) {
                continue;
            }
            Tri answer = request == null ? Tri.UNKNOWN : external.allows(policy.provider(), request);
            if (match.result() == Tri.TRUE && answer == Tri.FALSE) {
                return new Decided(Decision.DENY, Kind.CUSTOM_DENIED, policy, match.rule(), List.of());
            }
            if (answer != Tri.TRUE) {
                pending.add(new Pending(policy, match.unknownRules(), match.rule()));
            }
        }
        for (AuthzPolicy policy : policies.deny()) {
            Match match = match(policy, ctx);
            if (match.result() == Tri.TRUE) {
                return new Decided(Decision.DENY, Kind.DENY_MATCHED, policy, match.rule(), List.of());
            }
            if (match.result() == Tri.UNKNOWN) {
                pending.add(new Pending(policy, match.unknownRules(), -1));
            }
        }
        return allowStage(policies.allow(), ctx, pending);
    }

    private static Decided allowStage(List<AuthzPolicy> allows, RequestContext ctx, List<Pending> pending) {
        Decision ifAllowed = pending.isEmpty() ? Decision.ALLOW : Decision.CONDITIONAL;
        if (allows.isEmpty()) {
            return new Decided(ifAllowed, Kind.NO_ALLOW_POLICY, null, -1, pending);
        }
        List<Pending> maybeAllowed = new ArrayList<>(0);
        for (AuthzPolicy policy : allows) {
            Match match = match(policy, ctx);
            if (match.result() == Tri.TRUE) {
                return new Decided(ifAllowed, Kind.ALLOW_MATCHED, policy, match.rule(), pending);
            }
            if (match.result() == Tri.UNKNOWN) {
                maybeAllowed.add(new Pending(policy, match.unknownRules(), -1));
            }
        }
        if (maybeAllowed.isEmpty()) {
            return new Decided(Decision.DENY, Kind.NO_ALLOW_MATCH, representative(allows), -1, List.of());
        }
        List<Pending> all = new ArrayList<>(pending);
        all.addAll(maybeAllowed);
        return new Decided(
                Decision.CONDITIONAL, Kind.NO_ALLOW_MATCH, maybeAllowed.get(0).policy(), -1, all);
    }

    /** The ALLOW policy to name for a default deny: the first with rules, rather than an allow-nothing. */
    private static AuthzPolicy representative(List<AuthzPolicy> allows) {
        return allows.stream().filter(p -> !p.rules().isEmpty()).findFirst().orElse(allows.get(0));
    }

    private static Match match(AuthzPolicy policy, RequestContext ctx) {
        List<Integer> unknown = null;
        for (AuthzRule rule : policy.rules()) {
            Tri result = RuleMatcher.rule(rule, policy.action(), ctx, null);
            if (result == Tri.TRUE) {
                return new Match(Tri.TRUE, rule.index(), List.of());
            }
            if (result == Tri.UNKNOWN) {
                unknown = unknown == null ? new ArrayList<>(1) : unknown;
                unknown.add(rule.index());
            }
        }
        return unknown == null ? new Match(Tri.FALSE, -1, List.of()) : new Match(Tri.UNKNOWN, -1, unknown);
    }
}
