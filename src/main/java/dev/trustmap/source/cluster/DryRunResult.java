package dev.trustmap.source.cluster;

import java.util.List;

/**
 * The API server's verdict on every change of a plan, checked with {@code dryRun=All}: nothing was stored.
 *
 * @param plan the plan checked
 * @param errors the changes the server refused, with its message; empty when all would succeed
 */
public record DryRunResult(ApplyPlan plan, List<ResourceError> errors) {

    public DryRunResult {
        errors = List.copyOf(errors);
    }

    /** Whether every change would be accepted. */
    public boolean ok() {
        return errors.isEmpty();
    }
}
