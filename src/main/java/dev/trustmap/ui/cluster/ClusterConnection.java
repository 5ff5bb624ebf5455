package dev.trustmap.ui.cluster;

import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.source.cluster.ClusterException;
import dev.trustmap.source.cluster.ClusterListener;
import dev.trustmap.source.cluster.ClusterOptions;
import dev.trustmap.source.cluster.ClusterSource;
import dev.trustmap.source.cluster.ClusterUpdate;
import dev.trustmap.source.cluster.DraftApplier;
import dev.trustmap.source.cluster.PrometheusClient;
import dev.trustmap.source.cluster.PrometheusTelemetry;
import dev.trustmap.source.cluster.TelemetryException;
import dev.trustmap.source.cluster.TelemetrySource;
import io.fabric8.kubernetes.client.Config;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An open cluster connection: the source, its telemetry, and the updates it delivered. The cluster thread only
 * stores the latest update; the worker takes it when it next refreshes, so a burst of changes is one rebuild.
 */
public final class ClusterConnection implements AutoCloseable {
    private final ClusterSettings settings;
    private final AtomicReference<ClusterUpdate> pending = new AtomicReference<>();
    private final AtomicReference<ClusterUpdate> latest = new AtomicReference<>();
    private ClusterSource source;
    private TelemetrySource telemetry;

    private ClusterConnection(ClusterSettings settings) {
        this.settings = settings;
    }

    /**
     * Connects with the settings' kubeconfig and context; blocks until the first snapshot is in.
     *
     * @throws ClusterException when the cluster cannot be reached or read
     * @throws TelemetryException when the Prometheus settings cannot be used (e.g. an unreadable CA file)
     */
    public static ClusterConnection open(ClusterSettings settings) throws ClusterException, TelemetryException {
        ClusterConnection connection = new ClusterConnection(settings);
        ClusterSource source = ClusterSource.connect(
                settings.kubeconfig(), settings.context(), ClusterOptions.defaults(), connection.inbox());
        return connection.started(source);
    }

    /** Connects with a fabric8 configuration instead of a kubeconfig (tests). */
    public static ClusterConnection open(Config config, ClusterSettings settings)
            throws ClusterException, TelemetryException {
        ClusterConnection connection = new ClusterConnection(settings);
        return connection.started(ClusterSource.connect(config, ClusterOptions.defaults(), connection.inbox()));
    }

    private ClusterListener inbox() {
        return update -> {
            latest.set(update);
            pending.set(update);
        };
    }

    private ClusterConnection started(ClusterSource connected) throws TelemetryException {
        source = connected;
        try {
            telemetry = telemetry(settings, connected);
        } catch (TelemetryException e) {
            connected.close();
            throw e;
        }
        return this;
    }

    private TelemetrySource telemetry(ClusterSettings chosen, ClusterSource connected) throws TelemetryException {
        PrometheusClient client = switch (chosen.mode()) {
            case AUTO ->
                PrometheusClient.viaServiceProxy(connected.client(), chosen.proxyNamespace(), chosen.proxyService());
            case URL -> PrometheusClient.direct(chosen.prometheus());
            case NONE -> null;
        };
        return client == null ? null : new PrometheusTelemetry(client, this::snapshot);
    }

    private MeshSnapshot snapshot() {
        return latest.get().snapshot();
    }

    /** The update that arrived since the last call, or null. */
    ClusterUpdate takePending() {
        return pending.getAndSet(null);
    }

    /** The last update delivered. */
    ClusterUpdate latest() {
        return latest.get();
    }

    /** Prometheus, or null when the user chose none. */
    TelemetrySource telemetry() {
        return telemetry;
    }

    public ClusterSettings settings() {
        return settings;
    }

    /** Writes drafts through this connection's client (blocking; use it off the FX thread). */
    public DraftApplier applier() {
        return new DraftApplier(source.client(), source.context());
    }

    /** The kubeconfig user the context authenticates as, or null (read from the kubeconfig, not the network). */
    public String kubeUser() {
        return source.user();
    }

    /** The context name (or API server URL) connected to. */
    public String context() {
        return source.context();
    }

    /** The API server URL connected to. */
    public String server() {
        return String.valueOf(source.client().getMasterUrl());
    }

    @Override
    public void close() {
        source.close();
    }
}
