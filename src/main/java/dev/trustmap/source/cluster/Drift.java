package dev.trustmap.source.cluster;

import dev.trustmap.source.cluster.ApplyPlan.Change;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * A resource that changed on the cluster since the draft's comparison read it, so applying stopped.
 *
 * @param change the planned change
 * @param read the object as it was read (null: it did not exist)
 * @param live the object on the cluster now (null: it no longer exists)
 */
public record Drift(Change change, HasMetadata read, HasMetadata live) {

    /** One line on what happened, e.g. {@code AuthorizationPolicy a/b was modified (version 12, now 15)}. */
    public String describe() {
        if (read == null) {
            return change.key() + " was created on the cluster since it was read";
        }
        if (live == null) {
            return change.key() + " was deleted on the cluster since it was read";
        }
        return String.format(
                "%s was modified on the cluster since it was read (version %s, now %s)",
                change.key(),
                read.getMetadata().getResourceVersion(),
                live.getMetadata().getResourceVersion());
    }
}
