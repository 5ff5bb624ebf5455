package dev.trustmap.ui.cluster;

import dev.trustmap.source.cluster.ClusterStatus;
import dev.trustmap.source.cluster.ClusterStatus.State;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The cluster connection as the main window shows it: the status bar segment (live, stale or error, with the
 * messages behind it), the Prometheus banner and the namespace chooser. Fed by the current {@link ClusterFeed}.
 */
public final class ClusterViewModel {
    /** Hidden until the user shows them: the Kubernetes system namespace rarely matters for the mesh. */
    static final Set<String> DEFAULT_HIDDEN = Set.of("kube-system");

    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Messages messages;
    private final UiTasks tasks;
    private final Runnable disconnect;
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LIVE);
    private final ReadOnlyStringWrapper tooltip = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper degraded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper ambient = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper bannerDetail = new ReadOnlyStringWrapper("");
    private final ObservableList<String> details = FXCollections.observableArrayList();
    private final ObservableList<String> namespaces = FXCollections.observableArrayList();
    private final Set<String> hidden = new HashSet<>(DEFAULT_HIDDEN);
    private final ReadOnlyObjectWrapper<ClusterConnection> current = new ReadOnlyObjectWrapper<>();
    private ClusterFeed feed;

    /** @param disconnect switches the window back to the lab, which closes the connection */
    public ClusterViewModel(Messages messages, UiTasks tasks, Runnable disconnect) {
        this.messages = messages;
        this.tasks = tasks;
        this.disconnect = disconnect;
    }

    /** Leaves the cluster for the lab. */
    public void disconnect() {
        disconnect.run();
    }

    /** A feed for this connection whose status reaches this view model; it becomes the current one. */
    ClusterFeed feedFor(ClusterConnection connection) {
        ClusterFeed[] created = new ClusterFeed[1];
        Consumer<ClusterView> views = view -> tasks.run(() -> view, shown -> showIfCurrent(created[0], shown));
        String name = messages.get("cluster.source", connection.context());
        created[0] = new ClusterFeed(connection, name, views, hidden, messages);
        feed = created[0];
        current.set(connection);
        return created[0];
    }

    private void showIfCurrent(ClusterFeed from, ClusterView view) {
        if (from != feed) {
            return;
        }
        if (view == null) {
            feed = null;
            current.set(null);
            clear();
        } else {
            show(view);
        }
    }

    void show(ClusterView view) {
        connected.set(true);
        ClusterStatus status = view.status();
        boolean errors = status.kinds().stream().anyMatch(k -> k.state() == State.ERROR);
        State overall = status.overall() == State.STALE ? State.STALE : errors ? State.ERROR : State.LIVE;
        state.set(overall);
        boolean noTelemetry = view.telemetryProblem() != null;
        degraded.set(noTelemetry && overall == State.LIVE);
        String word = messages.get("cluster.state." + overall.name().toLowerCase(Locale.ROOT));
        summary.set(messages.get(
                "cluster.status",
                view.context(),
                noTelemetry ? messages.get("cluster.state.noTelemetry", word) : word));
        ambient.set(
                view.ambientNamespaces().isEmpty()
                        ? ""
                        : messages.get("cluster.ambient", String.join(", ", view.ambientNamespaces())));
        List<String> lines = new ArrayList<>();
        List<String> brief = new ArrayList<>();
        if (status.unreachable()) {
            String lost =
                    messages.get("cluster.lostContact", status.unreachableServer(), CLOCK.format(status.lastUpdate()));
            lines.add(lost);
            brief.add(lost);
            brief.addAll(status.messagesBeyondStale());
        } else {
            brief.addAll(status.messages());
        }
        lines.addAll(status.messages());
        lines.addAll(view.notes());
        brief.addAll(view.notes());
        if (noTelemetry) {
            lines.add(view.telemetryProblem());
            brief.add(view.telemetryProblem());
        }
        if (!lines.equals(details)) {
            details.setAll(lines);
        }
        tooltip.set(String.join("\n", brief));
        banner.set(noTelemetry ? bannerText(view.settings()) : "");
        bannerDetail.set(noTelemetry ? view.telemetryProblem() : "");
        if (!view.namespaces().equals(namespaces)) {
            namespaces.setAll(view.namespaces());
        }
    }

    /** The banner's advice fits how Prometheus is reached: the Service through the API server, or a URL. */
    private String bannerText(ClusterSettings settings) {
        if (settings != null && settings.mode() == PrometheusMode.AUTO) {
            String service = settings.proxyService();
            int port = service.indexOf(':');
            return messages.get(
                    "cluster.banner.proxy", port < 0 ? service : service.substring(0, port), settings.proxyNamespace());
        }
        return messages.get("cluster.banner.url");
    }

    private void clear() {
        connected.set(false);
        summary.set("");
        tooltip.set("");
        degraded.set(false);
        ambient.set("");
        banner.set("");
        bannerDetail.set("");
        details.clear();
        namespaces.clear();
    }

    /** Whether a namespace is shown in the graph. */
    public boolean isShown(String namespace) {
        return !hidden.contains(namespace);
    }

    /** Shows or hides a namespace's workloads; the graph follows within a refresh tick. */
    public void setShown(String namespace, boolean show) {
        boolean changed = show ? hidden.remove(namespace) : hidden.add(namespace);
        if (changed && feed != null) {
            feed.hide(hidden);
        }
    }

    /** The open connection the window shows, or null (e.g. to apply a draft to it). */
    public ReadOnlyObjectProperty<ClusterConnection> connectionProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** The short status pill: {@code ● live}, {@code ● stale}, {@code ● error}, or live with no telemetry. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The status pill's tooltip: like {@link #details()}, but dropped watches with one cause are one sentence. */
    public ReadOnlyStringProperty tooltipProperty() {
        return tooltip.getReadOnlyProperty();
    }

    /** Whether the cluster is live but Prometheus cannot be read. */
    public ReadOnlyBooleanProperty degradedProperty() {
        return degraded.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Names the ambient-mode namespaces, or empty. */
    public ReadOnlyStringProperty ambientProperty() {
        return ambient.getReadOnlyProperty();
    }

    /** The banner over the graph, empty when there is none. */
    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    /** What exactly failed, for the banner's tooltip. */
    public ReadOnlyStringProperty bannerDetailProperty() {
        return bannerDetail.getReadOnlyProperty();
    }

    /** The status messages (forbidden lists, missing CRDs, watches reconnecting), notes and telemetry problems. */
    public ObservableList<String> details() {
        return details;
    }

    /** Every namespace of the cluster, for the chooser. */
    public ObservableList<String> namespaces() {
        return namespaces;
    }
}
