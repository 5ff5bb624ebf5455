package dev.trustmap.ui.cluster;

import dev.trustmap.source.cluster.ClusterException;
import dev.trustmap.source.cluster.ClusterSource;
import dev.trustmap.source.cluster.ContextInfo;
import dev.trustmap.source.cluster.TelemetryException;
import java.nio.file.Path;
import java.util.List;

/** Lists contexts and connects; runs on the worker. Tests replace it. */
public interface ClusterConnector {

    /** The kubeconfig's contexts, current first. */
    List<ContextInfo> contexts(Path kubeconfig) throws ClusterException;

    /** Connects and returns once the first snapshot is in. */
    ClusterConnection connect(ClusterSettings settings) throws ClusterException, TelemetryException;

    /** The real one: fabric8 and Prometheus. */
    static ClusterConnector standard() {
        return new ClusterConnector() {
            @Override
            public List<ContextInfo> contexts(Path kubeconfig) throws ClusterException {
                return ClusterSource.contexts(kubeconfig);
            }

            @Override
            public ClusterConnection connect(ClusterSettings settings) throws ClusterException, TelemetryException {
                return ClusterConnection.open(settings);
            }
        };
    }
}
