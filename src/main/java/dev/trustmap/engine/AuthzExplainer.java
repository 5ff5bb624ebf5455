package dev.trustmap.engine;

import dev.trustmap.engine.Decided.Pending;
import dev.trustmap.istio.Action;
import dev.trustmap.istio.AuthzPolicy;
import dev.trustmap.istio.AuthzRule;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@link Decided} into an {@link AuthzResult} with sentences naming policies, rules and fields. */
final class AuthzExplainer {
    private AuthzExplainer() {}

    static AuthzResult explain(Decided decided, WorkloadPolicies policies, RequestContext ctx) {
        AuthzPolicy policy = decided.policy();
        String ref = policy == null ? null : policy.ref();
        String action = policy == null ? null : policy.action().name();
        List<String> conditions = conditions(decided.pending(), policies, ctx);
        int status = decided.decision() != Decision.DENY ? 200 : ctx.tcp ? 0 : 403;
        List<String> selectingAllow =
                decided.kind() == Decided.Kind.NO_ALLOW_MATCH && decided.decision() == Decision.DENY
                        ? policies.allow().stream().map(AuthzPolicy::ref).toList()
                        : List.of();
        return new AuthzResult(
                decided.decision(),
                ref,
                action,
                decided.rule(),
                reason(decided, policies, ctx),
                conditions,
                status,
                selectingAllow);
    }

    private static String reason(Decided decided, WorkloadPolicies policies, RequestContext ctx) {
        AuthzPolicy policy = decided.policy();
        switch (decided.kind()) {
            case CUSTOM_BROKEN:
                return "CUSTOM policy " + policy.ref() + " rule " + decided.rule() + " matches and "
                        + policies.customProblem();
            case CUSTOM_DENIED:
                return "CUSTOM policy " + policy.ref() + " rule " + decided.rule() + " sends the request to provider '"
                        + policy.provider() + "', which denies it";
            case DENY_MATCHED:
                return "DENY policy " + policy.ref() + " rule " + decided.rule() + " matches"
                        + matchedFields(policy, decided.rule(), ctx);
            case ALLOW_MATCHED:
                return "ALLOW policy " + policy.ref() + " rule " + decided.rule() + " matches"
                        + matchedFields(policy, decided.rule(), ctx) + unlessPending(decided)
                        + notDenied(policies, ctx);
            case NO_ALLOW_POLICY:
                return "no ALLOW policy selects the workload, so requests not denied are allowed"
                        + unlessPending(decided) + notDenied(policies, ctx);
            default:
                return decided.decision() == Decision.DENY
                        ? noAllowMatch(policies.allow(), ctx)
                        : "allowed only for some requests: ALLOW policies select the workload";
        }
    }

    /** Why each DENY rule did not match: the near misses are often the point (a plaintext caller, say). */
    private static String notDenied(WorkloadPolicies policies, RequestContext ctx) {
        StringBuilder text = new StringBuilder();
        for (AuthzPolicy policy : policies.deny()) {
            for (AuthzRule rule : policy.rules()) {
                Trace trace = trace(policy, rule.index(), ctx);
                if (!trace.failed.isEmpty()) {
                    text.append("; DENY ")
                            .append(policy.ref())
                            .append(" rule ")
                            .append(rule.index())
                            .append(" does not match: ")
                            .append(trace.firstFailure());
                }
            }
        }
        return text.toString();
    }

    private static String unlessPending(Decided decided) {
        return decided.pending().isEmpty() ? "" : ", unless a condition below applies";
    }

    private static List<String> conditions(List<Pending> pending, WorkloadPolicies policies, RequestContext ctx) {
        List<String> out = new ArrayList<>();
        boolean anyAllow = false;
        for (Pending p : pending) {
            AuthzPolicy policy = p.policy();
            if (policy.action() == Action.CUSTOM && !policies.customAsDeny().contains(policy)) {
                String rules = p.matchedRule() >= 0 ? "rule " + p.matchedRule() : "rules " + p.rules();
                out.add("external provider '" + policy.provider() + "' decides requests matching " + policy.ref() + " "
                        + rules);
                continue;
            }
            String verb = policy.action() == Action.ALLOW ? "allowed by " : "denied by ";
            anyAllow |= policy.action() == Action.ALLOW;
            for (int index : p.rules()) {
                Trace trace = trace(policy, index, ctx);
                out.add(verb + policy.ref() + " rule " + index + " if " + String.join(" and ", trace.unknown));
            }
        }
        if (anyAllow) {
            out.add("denied otherwise: ALLOW policies select the workload");
        }
        return out;
    }

    private static String matchedFields(AuthzPolicy policy, int rule, RequestContext ctx) {
        Trace trace = trace(policy, rule, ctx);
        return trace.matched.isEmpty() ? " (it has no conditions)" : ": " + String.join("; ", trace.matched);
    }

    private static String noAllowMatch(List<AuthzPolicy> allows, RequestContext ctx) {
        StringBuilder text = new StringBuilder("denied: no ALLOW policy matches; ALLOW policies selecting it: ");
        text.append(String.join(", ", allows.stream().map(AuthzPolicy::ref).toList()));
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
