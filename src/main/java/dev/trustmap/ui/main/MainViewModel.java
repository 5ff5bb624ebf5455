package dev.trustmap.ui.main;

import dev.trustmap.source.folder.ManifestException;
import dev.trustmap.ui.common.DialogService;
import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.TrafficHistory;
import dev.trustmap.ui.common.UiTasks;
import dev.trustmap.ui.graph.GraphModel;
import dev.trustmap.ui.graph.GraphViewModel;
import dev.trustmap.ui.graph.LayeredLayout;
import dev.trustmap.ui.graph.Point;
import dev.trustmap.ui.inspector.InspectorViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window's state and actions: which source is shown, loading and ticking it in the background, the
 * namespace filter, search and the status bar. Holds the graph and inspector view models.
 */
public final class MainViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    static final Duration TICK = Duration.ofSeconds(1);

    private final Messages messages;
    private final UiTasks tasks;
    private final DialogService dialogs;
    private final MeshFeeds feeds;
    private final GraphViewModel graph = new GraphViewModel();
    private final InspectorViewModel inspector;
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper updated = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warningDetails = new ReadOnlyStringWrapper("");
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObservableList<String> namespaces = FXCollections.observableArrayList("");
    private volatile MeshFeed feed;
    private volatile dev.trustmap.analysis.workspace.DraftSource draftSource;
    private volatile MeshState state;
    private volatile GraphModel shownModel = GraphModel.empty();
    private volatile Map<String, Point> shownPositions = Map.of();
    private Future<?> ticking;
    private boolean partialLayout;

    public MainViewModel(Messages messages, UiTasks tasks, DialogService dialogs, MeshFeeds feeds) {
        this.messages = messages;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.feeds = feeds;
        this.inspector = new InspectorViewModel(messages, graph);
        source.set(messages.get("status.none"));
        graph.namespaceFilterProperty().addListener((obs, old, now) -> filterChanged());
    }

    public void openLab() {
        open(feeds.lab().get());
    }

    /** Asks for a folder and opens it; nothing happens when the user cancels. */
    public void openFolder() {
        dialogs.chooseFolder(messages.get("toolbar.open")).ifPresent(this::openFolder);
    }

    public void openFolder(Path folder) {
        open(feeds.folder().apply(folder));
    }

    /** Loads a feed in the background; the current view stays until it is ready, and stays if loading fails. */
    public void open(MeshFeed next) {
        busy.set(true);
        source.set(messages.get("status.loading", next.name()));
        tasks.run(() -> Prepared.laidOut(next.open(Instant.now())), p -> shown(next, p), e -> failed(next, e));
    }

    private void shown(MeshFeed next, Prepared prepared) {
        stopTicking();
        MeshFeed previous = feed;
        if (previous != null && previous != next) {
            tasks.run(() -> closeFeed(previous), closed -> {});
        }
        feed = next;
        state = prepared.state();
        shownModel = prepared.model();
        showGraph(prepared.model(), prepared.positions());
        draftSource = next.draftSource();
        inspector.meshProperty().set(prepared.state());
        refreshNamespaces(prepared.model());
        refreshStatus();
        refreshWarning();
        busy.set(false);
        LOG.info(
                "showing {}: {} nodes, {} edges",
                next.name(),
                shownModel.nodes().size(),
                shownModel.edges().size());
        if (next.live()) {
            ticking = tasks.every(next.tickInterval(), () -> nextTick(next), p -> ticked(next, p));
        }
    }

    private void failed(MeshFeed next, Throwable error) {
        busy.set(false);
        tasks.run(() -> closeFeed(next), closed -> {});
        source.set(feed == null ? messages.get("status.none") : messages.get("status.source", feed.name()));
        if (error instanceof ManifestException) {
            LOG.error("could not open {}: {}", next.name(), error.getMessage());
            String key = next.openErrorKey();
            dialogs.showError(messages.get(key + ".title"), messages.get(key + ".message", error.getMessage()), null);
        } else {
            LOG.error("could not load {}", next.name(), error);
            String text = error.getMessage() == null ? error.toString() : error.getMessage();
            dialogs.showError(
                    messages.get("error.load.title", next.name()), messages.get("error.load.message", text), error);
        }
    }

    // TODO(#3): a tick rebuilds the whole graph model and re-assesses every edge; fine for the lab, but a live
    // cluster of thousands of workloads should re-assess only the edges whose traffic changed.
    /** One tick on the worker: new traffic through the engine, and a new graph model. */
    Optional<Prepared> nextTick(MeshFeed ticked) {
        MeshState current = state;
        if (ticked != feed || current == null) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return ticked.refresh(current, now).map(next -> Prepared.update(next, shownModel, shownPositions));
    }

    private void ticked(MeshFeed ticked, Optional<Prepared> prepared) {
        prepared.filter(p -> ticked == feed).ifPresent(p -> {
            state = p.state();
            shownModel = p.model();
            if (p.positions() == null) {
                graph.update(p.model());
            } else {
                showGraph(p.model(), p.positions());
                refreshNamespaces(p.model());
            }
            inspector.meshProperty().set(p.state());
            refreshStatus();
            refreshWarning();
        });
    }

    /**
     * Lays out again, in the background, what is shown: with a namespace filter only the filtered graph, while the
     * hidden nodes keep their places until the filter changes (then the new view is laid out too).
     */
    public void relayout() {
        GraphModel visible = graph.visibleProperty().get();
        Map<String, Point> previous = graph.positionsProperty().get();
        boolean partial =
                visible.nodes().size() < graph.modelProperty().get().nodes().size();
        tasks.run(() -> LayeredLayout.compute(visible), positions -> {
            Map<String, Point> merged = new HashMap<>(previous);
            merged.putAll(positions);
            showGraph(graph.modelProperty().get(), merged);
            partialLayout = partial;
        });
    }

    private void filterChanged() {
        if (partialLayout) {
            relayout();
        }
        if (state != null) {
            refreshStatus();
        }
    }

    private void showGraph(GraphModel model, Map<String, Point> positions) {
        partialLayout = false;
        graph.show(model, positions);
        shownPositions = graph.positionsProperty().get();
    }

    private static MeshFeed closeFeed(MeshFeed closing) {
        closing.close();
        return closing;
    }

    /** Selects the workload best matching the search text; its id, or empty (with a note in the status bar). */
    public Optional<String> search() {
        Optional<String> found = graph.search(search.get());
        if (found.isEmpty() && !search.get().isBlank()) {
            updated.set(messages.get("status.search.none", search.get().strip()));
        }
        return found;
    }

    public void clearSelection() {
        graph.clearSelection();
    }

    private void refreshNamespaces(GraphModel model) {
        List<String> all = new ArrayList<>();
        all.add("");
        all.addAll(model.namespaces());
        if (!all.equals(namespaces)) {
            namespaces.setAll(all);
        }
        if (!all.contains(graph.namespaceFilterProperty().get())) {
            graph.namespaceFilterProperty().set("");
        }
    }

    private void refreshStatus() {
        MeshState current = state;
        source.set(messages.get("status.source", current.sourceName()));
        counts.set(countsText(current.snapshot().workloads().size()));
        String time = TIME.format(current.updatedAt().atZone(ZoneId.systemDefault()));
        updated.set(messages.get("status.updated", time));
    }

    /** Warns about observed edges that name a missing workload or Service; they are left out of the graph. */
    private void refreshWarning() {
        MeshState current = state;
        MeshFeed shown = feed;
        var unresolved = current.assessment().unresolved();
        List<String> lines = unresolved.isEmpty()
                ? List.of()
                : UnresolvedEdges.describe(shown.trafficOrigin(), current.snapshot(), unresolved, messages);
        String details = String.join("\n", lines);
        if (!details.equals(warningDetails.get()) && !lines.isEmpty()) {
            LOG.warn("{} observed edges not shown:\n{}", lines.size(), details);
        }
        warningDetails.set(details);
        warning.set(lines.isEmpty() ? "" : messages.get("status.unresolved", lines.size()));
    }

    /** The counts of what is shown: "4 of 20 workloads" when a namespace filter hides part of the mesh. */
    private String countsText(long workloads) {
        GraphModel visible = graph.visibleProperty().get();
        String filter = graph.namespaceFilterProperty().get();
        if (filter == null || filter.isEmpty()) {
            return messages.get("status.counts", workloads, shownModel.edges().size(), shownModel.deniedCount());
        }
        long shown =
                visible.nodes().stream().filter(n -> !n.namespace().isEmpty()).count();
        return messages.get(
                "status.counts.filtered",
                shown,
                workloads,
                visible.edges().size(),
                shownModel.edges().size(),
                visible.deniedCount());
    }

    private void stopTicking() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
    }

    /** Stops the ticks (the window is closing). */
    public void close() {
        stopTicking();
        if (feed != null) {
            feed.close();
        }
    }

    public GraphViewModel graph() {
        return graph;
    }

    public InspectorViewModel inspector() {
        return inspector;
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** A warning for the status bar, empty when there is none. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** What the warning is about, one line per item (for its tooltip). */
    public ReadOnlyStringProperty warningDetailsProperty() {
        return warningDetails.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty updatedProperty() {
        return updated.getReadOnlyProperty();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObservableList<String> namespaces() {
        return namespaces;
    }

    /** The source whose draft goes with the mesh shown (set before the mesh is), or null before the first. */
    public dev.trustmap.analysis.workspace.DraftSource draftSource() {
        return draftSource;
    }

    public MeshState state() {
        return state;
    }

    /** The observed traffic the shown source can give for least-privilege drafts. */
    public TrafficHistory trafficHistory() {
        MeshFeed shown = feed;
        MeshState current = state;
        if (shown == null || current == null) {
            return TrafficHistory.unavailable(messages.get("generate.traffic.loading"));
        }
        TrafficHistory history = shown.history();
        return history != null
                ? history
                : TrafficHistory.fixed(messages.get("generate.traffic.shown"), current.traffic());
    }
}
