package dev.trustmap.source.cluster;

import dev.trustmap.source.cluster.ApplyPlan.Change;

/**
 * The API server refused one resource's change.
 *
 * @param change the change refused
 * @param code the HTTP status (0 when the server could not be reached)
 * @param message the API server's message, e.g. {@code namespaces "payments" not found}
 */
public record ResourceError(Change change, int code, String message) {

    /** {@code create AuthorizationPolicy payments/allow-ledger: namespaces "payments" not found}. */
    public String describe() {
        return change.describe() + ": " + message;
    }
}
