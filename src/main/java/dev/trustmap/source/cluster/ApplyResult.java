package dev.trustmap.source.cluster;

import dev.trustmap.source.cluster.ApplyPlan.Change;
import java.util.List;

/**
 * What applying a plan did.
 *
 * @param outcome applied, stopped (a resource changed on the cluster) or failed (the server refused a write)
 * @param applied the changes written, in order: all of them when applied; none when stopped before writing
 * @param drifts the resources that changed on the cluster since they were read (when stopped)
 * @param error the write the server refused (when failed), or null
 */
public record ApplyResult(Outcome outcome, List<Change> applied, List<Drift> drifts, ResourceError error) {

    public ApplyResult {
        applied = List.copyOf(applied);
        drifts = List.copyOf(drifts);
    }

    /** How applying ended. */
    public enum Outcome {
        /** Every change was written. */
        APPLIED,
        /** A resource changed on the cluster since it was read: nothing more was written. */
        STOPPED,
        /** The API server refused a write; the changes before it were written. */
        FAILED
    }

    static ApplyResult applied(List<Change> applied) {
        return new ApplyResult(Outcome.APPLIED, applied, List.of(), null);
    }

    static ApplyResult stopped(List<Change> applied, List<Drift> drifts) {
        return new ApplyResult(Outcome.STOPPED, applied, drifts, null);
    }

    static ApplyResult failed(List<Change> applied, ResourceError error) {
        return new ApplyResult(Outcome.FAILED, applied, List.of(), error);
    }
}
