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
 */
public record AuthzResult(
        Decision decision,
        String policy,
        String action,
        int rule,
        String reason,
        List<String> conditions,
        int httpStatus) {

    public AuthzResult {
        conditions = List.copyOf(conditions);
    }
}
