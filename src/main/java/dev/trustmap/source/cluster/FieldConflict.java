package dev.trustmap.source.cluster;

import dev.trustmap.source.cluster.ApplyPlan.Change;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The API server refused one resource's server-side apply because fields it would change are owned by other field
 * managers (409 Conflict with {@code FieldManagerConflict} causes), e.g. a policy created by {@code kubectl apply}.
 * Trustmap may take such fields over only when the user chooses to ({@link ApplyPlan#takingOver}).
 *
 * @param change the change refused
 * @param claims who owns which field, in the server's order
 */
public record FieldConflict(Change change, List<Claim> claims) {

    public FieldConflict {
        claims = List.copyOf(claims);
    }

    /**
     * One field another manager owns.
     *
     * @param manager the other field manager, e.g. {@code kubectl-client-side-apply}
     * @param field the field path as the server gives it, e.g. {@code .spec.rules}
     */
    public record Claim(String manager, String field) {}

    /** The other managers' fields, manager by manager, in the server's order. */
    public Map<String, List<String>> fieldsByManager() {
        return claims.stream()
                .collect(Collectors.groupingBy(
                        Claim::manager, LinkedHashMap::new, Collectors.mapping(Claim::field, Collectors.toList())));
    }

    /** The other managers, each once. */
    public List<String> managers() {
        return List.copyOf(fieldsByManager().keySet());
    }

    /** {@code owned by kubectl-client-side-apply: .spec.rules, .spec.action}, one clause per manager. */
    public String owners() {
        return fieldsByManager().entrySet().stream()
                .map(e -> "owned by " + e.getKey() + ": " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
    }

    /** {@code update AuthorizationPolicy a/b: fields owned by kubectl-client-side-apply: .spec.rules}. */
    public String describe() {
        return change.describe() + ": fields " + owners();
    }
}
