package dev.trustmap.engine;

import java.util.Map;
import java.util.Set;

/**
 * What the proxy's JWT filter made of a request's token.
 *
 * @param state VERIFIED (claims usable), NONE (no token, or none read), UNKNOWN, or REJECTED (401)
 * @param claims the verified claims
 * @param spaceDelimited claim names whose string values split on spaces
 * @param policy the RequestAuthentication that verified or rejected the token, or null
 * @param reason one sentence for people
 */
record JwtOutcome(State state, Map<String, Object> claims, Set<String> spaceDelimited, String policy, String reason) {

    enum State {
        NONE,
        VERIFIED,
        UNKNOWN,
        REJECTED
    }

    static JwtOutcome of(State state, String reason) {
        return new JwtOutcome(state, Map.of(), Set.of(), null, reason);
    }
}
