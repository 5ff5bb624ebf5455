package dev.trustmap.source.cluster;

/**
 * Receives the cluster's snapshots and status. Called on Trustmap's cluster thread, never on a fabric8 client thread
 * nor the FX thread; at most about every 300 ms while the cluster changes.
 */
@FunctionalInterface
public interface ClusterListener {

    /** A new snapshot, or the same snapshot with a changed status. */
    void onUpdate(ClusterUpdate update);
}
