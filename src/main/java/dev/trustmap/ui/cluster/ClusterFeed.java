package dev.trustmap.ui.cluster;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.analysis.workspace.DraftSource;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Namespace;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.source.cluster.ClusterUpdate;
import dev.trustmap.source.cluster.TelemetryException;
import dev.trustmap.source.cluster.TelemetrySource;
import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.TrafficHistory;
import dev.trustmap.ui.main.MeshFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live cluster as the window's feed. Every quarter second the worker asks it for changes: the latest snapshot the
 * cluster thread left (older ones are skipped), traffic from Prometheus once per refresh interval, or another choice
 * of namespaces. Each change makes a new engine over the shown namespaces and an assessment of the latest traffic.
 */
final class ClusterFeed implements MeshFeed {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterFeed.class);
    static final Duration TICK = Duration.ofMillis(250);

    private final ClusterConnection connection;
    private final String name;
    private final Consumer<ClusterView> views;
    private final Messages messages;
    private volatile Set<String> hidden;
    private volatile boolean rechoose;
    private final AtomicBoolean closed = new AtomicBoolean();
    private ClusterUpdate update;
    private Engine engine;
    private Traffic traffic = Traffic.none();
    private String telemetryProblem;
    private Instant nextQuery = Instant.MIN;

    /**
     * @param views receives what the status bar shows, null once closed; called on the worker, so it must hand over
     *     to the FX thread
     * @param hidden the namespaces not to show
     */
    ClusterFeed(
            ClusterConnection connection,
            String name,
            Consumer<ClusterView> views,
            Set<String> hidden,
            Messages messages) {
        this.connection = connection;
        this.messages = messages;
        this.name = name;
        this.views = views;
        this.hidden = Set.copyOf(hidden);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DraftSource draftSource() {
        return DraftSource.cluster(connection.context(), connection.server(), name);
    }

    @Override
    public MeshState open(Instant now) {
        ClusterUpdate first = connection.takePending();
        update = first == null ? connection.latest() : first;
        queryTelemetry(now);
        return state(now);
    }

    @Override
    public Optional<MeshState> refresh(MeshState current, Instant now) {
        ClusterUpdate fresh = connection.takePending();
        boolean query = !now.isBefore(nextQuery);
        boolean chosen = rechoose;
        if (fresh == null && !query && !chosen) {
            return Optional.empty();
        }
        rechoose = false;
        if (fresh != null && fresh.snapshot() != update.snapshot() || chosen) {
            engine = null;
        }
        update = fresh == null ? update : fresh;
        if (query) {
            queryTelemetry(now);
        }
        return Optional.of(state(now));
    }

    @Override
    public Optional<Traffic> tick(Instant now) {
        return Optional.empty();
    }

    @Override
    public boolean live() {
        return true;
    }

    @Override
    public Duration tickInterval() {
        return TICK;
    }

    @Override
    public TrafficHistory history() {
        TelemetrySource telemetry = connection.telemetry();
        return telemetry == null
                ? TrafficHistory.unavailable(messages.get("generate.traffic.prometheus.none"))
                : new PrometheusHistory(telemetry, this::hidden, messages);
    }

    /** Shows all namespaces but these from the next refresh on; callable from any thread. */
    void hide(Set<String> namespaces) {
        hidden = Set.copyOf(namespaces);
        rechoose = true;
    }

    Set<String> hidden() {
        return hidden;
    }

    private MeshState state(Instant now) {
        if (engine == null) {
            engine = Engine.of(shown(update.snapshot(), hidden));
        }
        Traffic shownTraffic = shown(traffic, hidden);
        views.accept(view());
        return new MeshState(name, engine, shownTraffic, Assessment.of(engine, shownTraffic), now);
    }

    // TODO(#4): the query runs on the one worker, so a Prometheus that hangs (up to its 10 s timeout) holds back graph
    // updates from the cluster meanwhile; query on its own thread and hand the traffic over like snapshots.
    private void queryTelemetry(Instant now) {
        nextQuery = now.plus(connection.settings().refresh());
        TelemetrySource telemetry = connection.telemetry();
        if (telemetry == null) {
            return;
        }
        try {
            traffic = telemetry.query(connection.settings().window(), now);
            if (telemetryProblem != null) {
                LOG.info("Prometheus answers again");
            }
            telemetryProblem = null;
        } catch (TelemetryException e) {
            if (telemetryProblem == null) {
                LOG.warn("Showing the configuration only: {}", e.getMessage());
                LOG.debug("Telemetry failure", e);
            }
            traffic = Traffic.none();
            telemetryProblem = e.getMessage();
        }
    }

    private ClusterView view() {
        return new ClusterView(
                connection.context(),
                update.status(),
                update.ambientNamespaces(),
                update.notes(),
                update.snapshot().namespaces().stream()
                        .map(Namespace::name)
                        .sorted()
                        .toList(),
                telemetryProblem,
                connection.settings());
    }

    /** The snapshot without the workloads of hidden namespaces; Services and policies stay (root-namespace ones). */
    static MeshSnapshot shown(MeshSnapshot snapshot, Set<String> hidden) {
        if (hidden.isEmpty()) {
            return snapshot;
        }
        return new MeshSnapshot(
                snapshot.namespaces(),
                snapshot.workloads().stream()
                        .filter(w -> !hidden.contains(w.namespace()))
                        .toList(),
                snapshot.services(),
                snapshot.serviceAccounts(),
                snapshot.policies(),
                snapshot.meshConfig());
    }

    /** The traffic between shown workloads (and from outside to them). */
    static Traffic shown(Traffic traffic, Set<String> hidden) {
        if (hidden.isEmpty()) {
            return traffic;
        }
        return new Traffic(
                traffic.edges().stream().filter(e -> visible(e, hidden)).toList(), traffic.observedAt());
    }

    private static boolean visible(TrafficEdge edge, Set<String> hidden) {
        boolean source = edge.fromOutside() || !hidden.contains(edge.sourceNamespace());
        return source && !hidden.contains(edge.destinationNamespace());
    }

    /** Closes once; the window may close the feed both when switching away and when it closes. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        connection.close();
        views.accept(null);
        LOG.info("Closed the connection to {}", connection.context());
    }
}
