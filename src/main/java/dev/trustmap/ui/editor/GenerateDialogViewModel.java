package dev.trustmap.ui.editor;

import dev.trustmap.analysis.LeastPrivilege;
import dev.trustmap.analysis.workspace.DraftStore;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.Workload;
import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.TrafficHistory;
import dev.trustmap.ui.common.UiTasks;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Generate least privilege" dialog: which namespaces (and optionally workloads), the traffic window the source
 * can give, the options, and a preview of what the draft covers and what it cannot, computed in the background
 * whenever a choice changes. "Add to draft" hands the generated resources over as one edit. FX thread only.
 */
public final class GenerateDialogViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(GenerateDialogViewModel.class);

    private final Messages messages;
    private final UiTasks tasks;
    private final Consumer<List<HasMetadata>> addToDraft;
    private final ObservableList<Choice> namespaces = FXCollections.observableArrayList();
    private final ObservableList<Choice> workloads = FXCollections.observableArrayList();
    private final ObservableList<Duration> windows = FXCollections.observableArrayList();
    private final ObjectProperty<Duration> window = new SimpleObjectProperty<>();
    private final BooleanProperty dryRun = new SimpleBooleanProperty();
    private final BooleanProperty strict = new SimpleBooleanProperty(true);
    private final BooleanProperty replaceAllows = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper trafficNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canAdd = new ReadOnlyBooleanWrapper();
    private final ObservableList<PreviewRow> preview = FXCollections.observableArrayList();
    private MeshState mesh;
    private TrafficHistory history;
    private Traffic traffic;
    private Duration fetchedFor;
    private LeastPrivilege.Result result;
    private int request;

    /**
     * @param addToDraft puts the generated resources into the draft as one edit; those marked {@code
     *     trustmap.dev/delete} are deletions
     */
    public GenerateDialogViewModel(Messages messages, UiTasks tasks, Consumer<List<HasMetadata>> addToDraft) {
        this.messages = messages;
        this.tasks = tasks;
        this.addToDraft = addToDraft;
        window.addListener((obs, old, now) -> fetch());
        dryRun.addListener((obs, old, now) -> regenerate());
        strict.addListener((obs, old, now) -> regenerate());
        replaceAllows.addListener((obs, old, now) -> regenerate());
    }

    /** Fills the dialog for the mesh on screen and the traffic its source can give, and fetches the first window. */
    public void open(MeshState state, TrafficHistory source) {
        mesh = state;
        history = source;
        namespaces.setAll(state.snapshot().workloads().stream()
                .map(Workload::namespace)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new))
                .stream()
                .map(this::choice)
                .toList());
        workloads.clear();
        trafficNote.set(source.description());
        windows.setAll(source.windows());
        if (source.windows().isEmpty()) {
            fetch();
        } else {
            window.set(source.preferredWindow());
        }
    }

    private Choice choice(String name) {
        Choice choice = new Choice(name);
        choice.selected().addListener((obs, old, now) -> namespacesChanged());
        return choice;
    }

    private void namespacesChanged() {
        Set<String> chosen = chosen(namespaces);
        Set<String> keep = chosen(workloads);
        workloads.setAll(mesh.snapshot().workloads().stream()
                .filter(w -> chosen.contains(w.namespace()) && w.sidecar())
                .map(Workload::id)
                .sorted()
                .map(id -> {
                    Choice choice = new Choice(id);
                    choice.selected().set(keep.contains(id));
                    choice.selected().addListener((obs, old, now) -> regenerate());
                    return choice;
                })
                .toList());
        regenerate();
    }

    /** Checks every namespace (or none). */
    public void selectAll(boolean selected) {
        namespaces.forEach(c -> c.selected().set(selected));
    }

    /** Checks one namespace by name. */
    public void select(String namespace) {
        namespaces.stream()
                .filter(c -> c.name().equals(namespace))
                .forEach(c -> c.selected().set(true));
    }

    private void fetch() {
        if (history == null) {
            return;
        }
        Duration chosen = window.get();
        TrafficHistory source = history;
        int mine = ++request;
        traffic = null;
        busy.set(true);
        summary.set(messages.get("generate.fetching"));
        tasks.run(() -> source.observe(chosen, Instant.now()), observed -> fetched(mine, chosen, observed), error -> {
            if (mine == request) {
                LOG.warn("could not read the traffic for a least-privilege draft: {}", error.getMessage());
                busy.set(false);
                canAdd.set(false);
                preview.clear();
                summary.set(messages.get("generate.fetch.failed", error.getMessage()));
            }
        });
    }

    private void fetched(int mine, Duration chosen, Traffic observed) {
        if (mine != request) {
            return;
        }
        traffic = observed;
        fetchedFor = chosen;
        regenerate();
    }

    private void regenerate() {
        if (traffic == null || mesh == null) {
            return;
        }
        Set<String> chosen = chosen(namespaces);
        if (!history.available() || chosen.isEmpty()) {
            ++request;
            busy.set(false);
            result = null;
            canAdd.set(false);
            preview.clear();
            summary.set(messages.get(history.available() ? "generate.chooseNamespace" : "generate.noTraffic"));
            return;
        }
        LeastPrivilege.Options options =
                new LeastPrivilege.Options(chosen, chosen(workloads), dryRun.get(), strict.get(), replaceAllows.get());
        var engine = mesh.engine();
        Traffic observed = traffic;
        int mine = ++request;
        busy.set(true);
        tasks.run(() -> LeastPrivilege.generate(engine, observed, options), generated -> generated(mine, generated));
    }

    private void generated(int mine, LeastPrivilege.Result generated) {
        if (mine != request) {
            return;
        }
        busy.set(false);
        result = generated;
        preview.setAll(PreviewRow.of(generated, messages));
        canAdd.set(!generated.policies().isEmpty());
        summary.set(messages.get(
                "generate.summary",
                generated.policies().size(),
                generated.destinations().size(),
                generated.gaps().size(),
                traffic.edges().size()));
    }

    /** Puts the generated resources into the draft (one undoable edit); false when there is nothing to add. */
    public boolean add() {
        if (result == null || !canAdd.get() || busy.get()) {
            return false;
        }
        LOG.info(
                "adding {} generated resources for {} over {}",
                result.policies().size(),
                chosen(namespaces),
                fetchedFor);
        List<HasMetadata> objects = new java.util.ArrayList<>(result.policies());
        result.deletions().forEach(d -> objects.add(DraftStore.markedForDeletion(d)));
        addToDraft.accept(objects);
        return true;
    }

    private static Set<String> chosen(List<Choice> choices) {
        Set<String> names = new TreeSet<>();
        choices.stream().filter(c -> c.selected().get()).forEach(c -> names.add(c.name()));
        return names;
    }

    /** A window as the choice box shows it: "5 min", "1 h". */
    String label(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes % 60 == 0
                ? messages.get("generate.window.hours", minutes / 60)
                : messages.get("generate.window.minutes", minutes);
    }

    public ObservableList<Choice> namespaces() {
        return namespaces;
    }

    public ObservableList<Choice> workloads() {
        return workloads;
    }

    public ObservableList<Duration> windows() {
        return windows;
    }

    public ObjectProperty<Duration> windowProperty() {
        return window;
    }

    public BooleanProperty dryRunProperty() {
        return dryRun;
    }

    /** Whether existing ALLOWs that select drafted workloads only are deleted in the draft. */
    public BooleanProperty replaceAllowsProperty() {
        return replaceAllows;
    }

    public BooleanProperty strictProperty() {
        return strict;
    }

    public ReadOnlyStringProperty trafficNoteProperty() {
        return trafficNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canAddProperty() {
        return canAdd.getReadOnlyProperty();
    }

    public ObservableList<PreviewRow> preview() {
        return preview;
    }

    /** The last generated draft, or null (for tests). */
    public LeastPrivilege.Result result() {
        return result;
    }

    /** A checkable name in one of the dialog's lists. */
    public record Choice(String name, BooleanProperty selected) {
        Choice(String name) {
            this(name, new SimpleBooleanProperty());
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
