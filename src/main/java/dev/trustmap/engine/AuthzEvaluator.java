package dev.trustmap.engine;

import dev.trustmap.istio.Action;
import dev.trustmap.istio.AuthzPolicy;
import dev.trustmap.istio.AuthzRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides authorization as the proxy does: CUSTOM first (the external authorizer may deny), then DENY (any match
 * denies), then ALLOW (if any ALLOW policy applies, only a match allows). Unknown request fields make a match
 * UNKNOWN; the outcome is then CONDITIONAL with the conditions named.
 */
final class AuthzEvaluator {
    /** A policy's best rule: TRUE with its index, else UNKNOWN with the unknown rules, else FALSE. */
    private record Match(Tri result, int rule, List<Integer> unknownRules) {}

    private final ExternalAuthorizer external;
    private final boolean explain;

    AuthzEvaluator(ExternalAuthorizer external, boolean explain) {
        this.external = external;
        this.explain = explain;
    }

    AuthzResult decide(WorkloadPolicies policies, RequestContext ctx, Request request) {
        if (policies.customProblem() != null) {
            return deny(policies.customBlocker(), -1, policies.customProblem());
        }
        List<String> conditions = new ArrayList<>();
        for (AuthzPolicy policy : policies.custom()) {
            AuthzResult denied = custom(policy, ctx, request, conditions);
            if (denied != null) {
                return denied;
            }
        }
        for (AuthzPolicy policy : policies.deny()) {
            Match match = match(policy, ctx);
            if (match.result() == Tri.TRUE) {
                return deny(
                        policy,
                        match.rule(),
                        "DENY policy " + policy.ref() + " rule " + match.rule() + " matches"
                                + matchedFields(policy, match.rule(), ctx));
            }
            addConditions(conditions, policy, match, ctx, "denied by ");
        }
        return allowStage(policies.allow(), ctx, conditions);
    }

    private AuthzResult custom(AuthzPolicy policy, RequestContext ctx, Request request, List<String> conditions) {
        Match match = match(policy, ctx);
        if (match.result() == Tri.FALSE) {
            return null;
        }
        Tri answer = external.allows(policy.provider(), request);
        if (match.result() == Tri.TRUE && answer == Tri.FALSE) {
            return new AuthzResult(
                    Decision.DENY,
                    policy.ref(),
                    Action.CUSTOM.name(),
                    match.rule(),
                    "CUSTOM policy " + policy.ref() + " rule " + match.rule() + " sends the request to provider '"
                            + policy.provider() + "', which denies it",
                    List.of(),
                    403);
        }
        if (answer != Tri.TRUE) {
            String rules = match.result() == Tri.TRUE ? "rule " + match.rule() : "rules " + match.unknownRules();
            conditions.add("external provider '" + policy.provider() + "' decides requests matching " + policy.ref()
                    + " " + rules);
        }
        return null;
    }

    private AuthzResult allowStage(List<AuthzPolicy> allows, RequestContext ctx, List<String> conditions) {
        if (allows.isEmpty()) {
            return outcome(
                    null, -1, "no ALLOW policy selects the workload, so requests not denied are allowed", conditions);
        }
        List<String> allowConditions = new ArrayList<>();
        for (AuthzPolicy policy : allows) {
            Match match = match(policy, ctx);
            if (match.result() == Tri.TRUE) {
                return outcome(
                        policy,
                        match.rule(),
                        "ALLOW policy " + policy.ref() + " rule " + match.rule() + " matches"
                                + matchedFields(policy, match.rule(), ctx),
                        conditions);
            }
            addConditions(allowConditions, policy, match, ctx, "allowed by ");
        }
        if (allowConditions.isEmpty()) {
            AuthzPolicy first = allows.get(0);
            return new AuthzResult(
                    Decision.DENY, first.ref(), Action.ALLOW.name(), -1, noAllowMatch(allows, ctx), List.of(), 403);
        }
        conditions.addAll(allowConditions);
        conditions.add("denied otherwise: ALLOW policies select the workload");
        return new AuthzResult(
                Decision.CONDITIONAL,
                allows.get(0).ref(),
                Action.ALLOW.name(),
                -1,
                "allowed only for some requests",
                conditions,
                200);
    }

    private static AuthzResult outcome(AuthzPolicy policy, int rule, String reason, List<String> conditions) {
        String ref = policy == null ? null : policy.ref();
        String action = policy == null ? null : Action.ALLOW.name();
        if (conditions.isEmpty()) {
            return new AuthzResult(Decision.ALLOW, ref, action, rule, reason, List.of(), 200);
        }
        return new AuthzResult(
                Decision.CONDITIONAL,
                ref,
                action,
                rule,
                reason + ", unless a condition below applies",
                conditions,
                200);
    }

    private static AuthzResult deny(AuthzPolicy policy, int rule, String reason) {
        return new AuthzResult(Decision.DENY, policy.ref(), policy.action().name(), rule, reason, List.of(), 403);
    }

    private static Match match(AuthzPolicy policy, RequestContext ctx) {
        List<Integer> unknown = new ArrayList<>(0);
        for (AuthzRule rule : policy.rules()) {
            Tri result = RuleMatcher.rule(rule, policy.action(), ctx, null);
            if (result == Tri.TRUE) {
                return new Match(Tri.TRUE, rule.index(), List.of());
            }
            if (result == Tri.UNKNOWN) {
                unknown.add(rule.index());
            }
        }
        return new Match(unknown.isEmpty() ? Tri.FALSE : Tri.UNKNOWN, -1, unknown);
    }

    private void addConditions(List<String> out, AuthzPolicy policy, Match match, RequestContext ctx, String verb) {
        for (int index : match.unknownRules()) {
            Trace trace = trace(policy, index, ctx);
            out.add(verb + policy.ref() + " rule " + index + " if " + String.join(" and ", trace.unknown));
        }
    }

    private String matchedFields(AuthzPolicy policy, int rule, RequestContext ctx) {
        if (!explain) {
            return "";
        }
        Trace trace = trace(policy, rule, ctx);
        return trace.matched.isEmpty() ? " (it has no conditions)" : ": " + String.join("; ", trace.matched);
    }

    private String noAllowMatch(List<AuthzPolicy> allows, RequestContext ctx) {
        StringBuilder text = new StringBuilder("ALLOW policies select the workload but none matches");
        if (!explain) {
            return text.toString();
        }
        for (AuthzPolicy policy : allows) {
            if (policy.rules().isEmpty()) {
                text.append("; ").append(policy.ref()).append(" has no rules (allows nothing)");
            }
            for (AuthzRule rule : policy.rules()) {
                text.append("; ")
                        .append(policy.ref())
                        .append(" rule ")
                        .append(rule.index())
                        .append(": ")
                        .append(trace(policy, rule.index(), ctx).firstFailure());
            }
        }
        return text.toString();
    }

    private static Trace trace(AuthzPolicy policy, int index, RequestContext ctx) {
        Trace trace = new Trace();
        RuleMatcher.rule(policy.rules().get(index), policy.action(), ctx, trace);
        return trace;
    }
}
