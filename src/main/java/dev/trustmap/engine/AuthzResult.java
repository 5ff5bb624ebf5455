package dev.trustmap.engine;

import java.util.List;

/**
 * The authorization outcome with the policy and rule that decided it.
 *
 * @param decision allow, deny or conditional
 * @param policy the deciding policy as {@code namespace/name}, or null when no policy decided
 * @param action that policy's action (CUSTOM, DENY, ALLOW), or null
 * @param rule the index of the deciding rule in that policy, or -1
 * @param reason one sentence for people, naming the field that matched or failed
 * @param conditions for a conditional verdict, what the outcome depends on
 * @param httpStatus the status a client would see: 200, 401 (token rejected) or 403
 * @param selectingAllow for a request denied because no ALLOW policy matched, the ALLOW policies selecting the
 *     workload ({@code namespace/name}); else empty
 */
public record AuthzResult(
        Decision decision,
        String policy,
        String action,
        int rule,
        String reason,
        List<String> conditions,
        int httpStatus,
        List<String> selectingAllow) {

    private static final String NO_ALLOW_MATCH = "denied: no ALLOW policy matches; ALLOW policies selecting it: ";

    public AuthzResult {
        conditions = List.copyOf(conditions);
        selectingAllow = List.copyOf(selectingAllow);
    }

    /** A result that is not a deny for want of a matching ALLOW policy. */
    public AuthzResult(
            Decision decision,
            String policy,
            String action,
            int rule,
            String reason,
            List<String> conditions,
            int httpStatus) {
        this(decision, policy, action, rule, reason, conditions, httpStatus, List.of());
    }

    /** Whether the request is denied because ALLOW policies select the workload and none of them matches. */
    public boolean noAllowMatched() {
        return decision == Decision.DENY && !selectingAllow.isEmpty();
    }

    /**
     * What decided, in the words every view uses for a deny without a matching ALLOW ({@code denied: no ALLOW policy
     * matches; ALLOW policies selecting it: ns/a, ns/b}); null for other results, which name their policy and rule.
     */
    public String noAllowMatchSummary() {
        return noAllowMatched() ? NO_ALLOW_MATCH + String.join(", ", selectingAllow) : null;
    }

    /** The reason without the {@link #noAllowMatchSummary()} it starts with, for views that show that already. */
    public String details() {
        String summary = noAllowMatchSummary();
        if (summary != null && reason.startsWith(summary)) {
            String rest = reason.substring(summary.length());
            return rest.startsWith("; ") ? rest.substring(2) : rest;
        }
        return reason;
    }
}
