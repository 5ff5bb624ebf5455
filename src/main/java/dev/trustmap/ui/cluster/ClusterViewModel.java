package dev.trustmap.ui.cluster;

import dev.trustmap.source.cluster.ClusterStatus;
import dev.trustmap.source.cluster.ClusterStatus.State;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    private final Messages messages;
    private final UiTasks tasks;
    private final Runnable disconnect;
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LIVE);
    private final ReadOnlyStringWrapper ambient = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper bannerDetail = new ReadOnlyStringWrapper("");
    private final ObservableList<String> details = FXCollections.observableArrayList();
    private final ObservableList<String> namespaces = FXCollections.observableArrayList();
    private final Set<String> hidden = new HashSet<>(DEFAULT_HIDDEN);
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
        created[0] = new ClusterFeed(connection, name, views, hidden);
        feed = created[0];
        return created[0];
    }

    private void showIfCurrent(ClusterFeed from, ClusterView view) {
        if (from != feed) {
            return;
        }
        if (view == null) {
            feed = null;
            clear();
        } else {
            show(view);
        }
    }

    void show(ClusterView view) {
        connected.set(true);
        ClusterStatus status = view.status();
        boolean errors = status.kinds().stream().anyMatch(k -> k.state() == State.ERROR);
        state.set(status.overall() == State.STALE ? State.STALE : errors ? State.ERROR : State.LIVE);
        summary.set(messages.get("cluster.status", view.context(), status.summary()));
        ambient.set(
                view.ambientNamespaces().isEmpty()
                        ? ""
                        : messages.get("cluster.ambient", String.join(", ", view.ambientNamespaces())));
        List<String> lines = new ArrayList<>(status.messages());
        lines.addAll(view.notes());
        if (view.telemetryProblem() != null) {
            lines.add(view.telemetryProblem());
        }
        if (!lines.equals(details)) {
            details.setAll(lines);
        }
        banner.set(view.telemetryProblem() == null ? "" : messages.get("cluster.banner.prometheus"));
        bannerDetail.set(view.telemetryProblem() == null ? "" : view.telemetryProblem());
        if (!view.namespaces().equals(namespaces)) {
            namespaces.setAll(view.namespaces());
        }
    }

    private void clear() {
        connected.set(false);
        summary.set("");
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

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** E.g. {@code Cluster: kind-mesh · live; errors: authorizationpolicies}. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
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
