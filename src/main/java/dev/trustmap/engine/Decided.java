package dev.trustmap.engine;

import dev.trustmap.istio.AuthzPolicy;
import java.util.List;

/**
 * The authorization decision without sentences: what decided, and for a conditional outcome the policies whose
 * rules might match. {@link AuthzExplainer} turns it into an {@link AuthzResult}.
 *
 * @param decision the outcome
 * @param kind which stage decided
 * @param policy the deciding policy, or null
 * @param rule the deciding rule, or -1
 * @param pending for conditional outcomes, the policies and rules that might match
 */
record Decided(Decision decision, Kind kind, AuthzPolicy policy, int rule, List<Pending> pending) {

    /** Which stage decided. */
    enum Kind {
        CUSTOM_BROKEN,
        CUSTOM_DENIED,
        DENY_MATCHED,
        ALLOW_MATCHED,
        NO_ALLOW_POLICY,
        NO_ALLOW_MATCH
    }

    /**
     * A policy that might match. For CUSTOM, {@code matchedRule} is set when the rules surely match but the
     * provider's answer is unknown.
     */
    record Pending(AuthzPolicy policy, List<Integer> rules, int matchedRule) {}

    Decided {
        pending = List.copyOf(pending);
    }
}
