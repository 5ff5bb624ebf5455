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

    /**
     * How deciding-policy numbers move from one policy list to another, matched by {@code namespace/name}; null
     * when none moves. A policy missing from the new list gets 0 (none): rows it decided are always recomputed.
     */
    static int[] renumbering(List<AuthzPolicy> before, List<AuthzPolicy> after) {
        Map<String, Integer> positions = new java.util.HashMap<>();
        for (int i = 0; i < after.size(); i++) {
            positions.put(after.get(i).ref(), i + 1);
        }
        int[] renumber = new int[before.size() + 1];
        boolean moved = false;
        for (int i = 0; i < before.size(); i++) {
            renumber[i + 1] = positions.getOrDefault(before.get(i).ref(), 0);
            moved |= renumber[i + 1] != i + 1;
        }
        return moved ? renumber : null;
    }

    /** A row with its policy numbers moved; the same array when nothing moves. */
    static int[] renumber(int[] row, int[] renumber) {
        if (renumber == null) {
            return row;
        }
        int[] moved = new int[row.length];
        for (int i = 0; i < row.length; i++) {
            int policy = row[i] >>> POLICY_SHIFT;
            moved[i] = (row[i] & ((1 << POLICY_SHIFT) - 1)) | renumber[policy] << POLICY_SHIFT;
        }
        return moved;
    }

    static Decision decision(int code) {
        return DECISIONS[code & 0x3];
    }

    static Connection connection(int code) {
        return CONNECTIONS[(code >>> 2) & 0x3];
    }
}
