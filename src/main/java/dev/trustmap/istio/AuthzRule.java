package dev.trustmap.istio;

import java.util.List;

/**
 * A compiled rule. {@code from} holds sources (ORed), each a list of clauses (ANDed); {@code to} the same for
 * operations; {@code when} clauses are ANDed. Empty lists match everything.
 *
 * @param index position in {@code spec.rules}
 * @param invalid why the proxy skips this rule (an unknown {@code when} key, a bad IP), or null
 * @param httpOnly whether any clause needs HTTP: on TCP traffic such an ALLOW rule is dropped
 */
public record AuthzRule(
        int index,
        List<List<Clause>> from,
        List<List<Clause>> to,
        List<Clause> when,
        String invalid,
        boolean httpOnly) {

    public AuthzRule {
        from = from.stream().map(List::copyOf).toList();
        to = to.stream().map(List::copyOf).toList();
        when = List.copyOf(when);
    }

    /** A rule; works out whether it needs HTTP. */
    public static AuthzRule of(int index, List<List<Clause>> from, List<List<Clause>> to, List<Clause> when) {
        boolean http = from.stream()
                        .flatMap(List::stream)
                        .anyMatch(c -> c.attribute().httpOnly())
                || to.stream().flatMap(List::stream).anyMatch(c -> c.attribute().httpOnly())
                || when.stream().anyMatch(c -> c.attribute().httpOnly());
        return new AuthzRule(index, from, to, when, null, http);
    }

    /** A rule the proxy skips, with the reason. */
    public static AuthzRule skipped(int index, String reason) {
        return new AuthzRule(index, List.of(), List.of(), List.of(), reason, false);
    }
}
