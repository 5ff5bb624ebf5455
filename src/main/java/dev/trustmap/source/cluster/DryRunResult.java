package dev.trustmap.source.cluster;

import java.util.List;

/**
 * The API server's verdict on every change of a plan, checked with {@code dryRun=All}: nothing was stored.
 *
 * @param plan the plan checked
 * @param errors the changes the server refused, with its message (other than field conflicts)
 * @param conflicts the changes refused because other field managers own fields they change; the user may choose to
 *     take those over ({@link ApplyPlan#takingOver}) and check again
 */
public record DryRunResult(ApplyPlan plan, List<ResourceError> errors, List<FieldConflict> conflicts) {

    public DryRunResult {
        errors = List.copyOf(errors);
        conflicts = List.copyOf(conflicts);
    }

    /** A verdict without field conflicts. */
    public DryRunResult(ApplyPlan plan, List<ResourceError> errors) {
        this(plan, errors, List.of());
    }

    /** Whether every change would be accepted. */
    public boolean ok() {
        return errors.isEmpty() && conflicts.isEmpty();
    }
}
