package dev.trustmap.analysis.breach;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The blast radius under the current policies next to a draft's.
 *
 * @param noLongerReached workload ids the draft keeps the attacker from
 * @param newlyReached workload ids only the draft lets it reach
 */
public record BlastComparison(
        BlastRadius current, BlastRadius draft, Set<String> noLongerReached, Set<String> newlyReached) {

    public BlastComparison {
        noLongerReached = Set.copyOf(noLongerReached);
        newlyReached = Set.copyOf(newlyReached);
    }

    static BlastComparison of(BlastRadius current, BlastRadius draft) {
        Set<String> gone = new LinkedHashSet<>(current.reached().keySet());
        gone.removeAll(draft.reached().keySet());
        Set<String> added = new LinkedHashSet<>(draft.reached().keySet());
        added.removeAll(current.reached().keySet());
        return new BlastComparison(current, draft, gone, added);
    }

    /** Reached workloads the draft removes, as a share of those reached now (0 when none are reached now). */
    public double shrink() {
        int now = current.reached().size();
        return now == 0 ? 0 : (double) (now - draft.reached().size()) / now;
    }

    /** {@code the draft reaches 3 of 24 workloads (was 9): 6 fewer (67% smaller), 2 fewer over plaintext}. */
    public String summary() {
        int now = current.reached().size();
        int then = draft.reached().size();
        int plaintext = current.reachedOverPlaintext().size()
                - draft.reachedOverPlaintext().size();
        return "the draft reaches " + then + " of " + draft.reachable() + " workloads (was " + now + "): "
                + Math.abs(now - then) + (now >= then ? " fewer" : " more") + " (" + Math.round(shrink() * 100)
                + "% smaller), " + Math.abs(plaintext) + (plaintext >= 0 ? " fewer" : " more") + " over plaintext";
    }
}
