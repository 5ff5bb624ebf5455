package dev.trustmap.source.cluster;

import java.time.Duration;

/**
 * How a cluster connection behaves.
 *
 * @param publishInterval the shortest time between two snapshots while the cluster changes
 * @param syncTimeout how long {@code connect} waits for the first lists before it publishes what it has
 * @param meshNamespace where the {@code istio} ConfigMap is read (Istio's root namespace)
 */
// TODO(#4): a mesh config naming another rootNamespace is not followed; its ConfigMaps are not watched.
public record ClusterOptions(Duration publishInterval, Duration syncTimeout, String meshNamespace) {

    /** 300 ms between snapshots, 30 s for the first lists, {@code istio-system}. */
    public static ClusterOptions defaults() {
        return new ClusterOptions(Duration.ofMillis(300), Duration.ofSeconds(30), "istio-system");
    }
}
