package dev.trustmap.analysis;

import dev.trustmap.engine.Connection;
import dev.trustmap.engine.Decision;
import dev.trustmap.engine.EdgeOutcome;
import dev.trustmap.istio.AuthzPolicy;
import java.util.List;
import java.util.Map;

/**
 * Packs an {@link EdgeOutcome} into an int: decision (2 bits), connection (2 bits), rule + 1 (8 bits) and the
 * deciding policy's index + 1 in the engine's policy list (the rest).
 */
final class OutcomeCode {
    private static final Decision[] DECISIONS = Decision.values();
    private static final Connection[] CONNECTIONS = Connection.values();
    private static final int RULE_SHIFT = 4;
    private static final int POLICY_SHIFT = 12;

    private OutcomeCode() {}

    static int encode(EdgeOutcome outcome, Map<AuthzPolicy, Integer> policyIndex) {
        int policy = outcome.policy() == null ? 0 : policyIndex.get(outcome.policy()) + 1;
        int rule = Math.min(outcome.rule() + 1, 0xFF);
        return outcome.decision().ordinal()
                | outcome.connection().ordinal() << 2
                | rule << RULE_SHIFT
                | policy << POLICY_SHIFT;
    }

    static EdgeOutcome decode(int code, List<AuthzPolicy> policies) {
        int policy = code >>> POLICY_SHIFT;
        int rule = ((code >>> RULE_SHIFT) & 0xFF) - 1;
        return new EdgeOutcome(decision(code), connection(code), policy == 0 ? null : policies.get(policy - 1), rule);
    }

    static Decision decision(int code) {
        return DECISIONS[code & 0x3];
    }

    static Connection connection(int code) {
        return CONNECTIONS[(code >>> 2) & 0x3];
    }
}
