package dev.trustmap.ui.editor;

import dev.trustmap.analysis.DraftDiff;
import dev.trustmap.analysis.EdgeAssessment;
import dev.trustmap.analysis.workspace.AuditEntry;
import dev.trustmap.analysis.workspace.Baseline;
import dev.trustmap.analysis.workspace.Draft;
import dev.trustmap.analysis.workspace.DraftAssessment;
import dev.trustmap.analysis.workspace.DraftSource;
import dev.trustmap.analysis.workspace.DraftStore;
import dev.trustmap.analysis.workspace.IntendedEdge;
import dev.trustmap.analysis.workspace.PolicyGestures;
import dev.trustmap.analysis.workspace.UnreadableDraftException;
import dev.trustmap.analysis.workspace.Workspace;
import dev.trustmap.engine.Engine;
import dev.trustmap.export.YamlWriter;
import dev.trustmap.ui.common.DialogService;
import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import dev.trustmap.ui.graph.GraphEdge;
import dev.trustmap.ui.graph.GraphViewModel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy draft in the window: the workspace and its undo stack, gestures from the graph, the draft assessed in
 * the background after every edit and tick, the Changes list and YAML diff, and export. FX thread only.
 */
public final class EditorViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(EditorViewModel.class);

    private final Messages messages;
    private final UiTasks tasks;
    private final DialogService dialogs;
    private final GraphViewModel graph;
    private final DraftStore store;
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper diffText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Engine> draftEngine = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sourceText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DraftSource> draftSource = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final BooleanProperty canRedo = new SimpleBooleanProperty();
    private final BooleanProperty empty = new SimpleBooleanProperty(true);
    private final YamlEditorViewModel yaml;
    private final PolicyFormViewModel form;
    private final DraftExporter exporter;
    private final javafx.beans.property.StringProperty applyBlocked =
            new javafx.beans.property.SimpleStringProperty("");
    private Runnable onApply;
    private Workspace workspace;
    private MeshState mesh;
    private DraftAssessment assessed;

    public EditorViewModel(
            Messages messages, UiTasks tasks, DialogService dialogs, GraphViewModel graph, DraftStore store) {
        this(messages, tasks, dialogs, graph, store, entry -> {});
    }

    /** Like the other constructor; each export is also recorded through {@code audit}. */
    public EditorViewModel(
            Messages messages,
            UiTasks tasks,
            DialogService dialogs,
            GraphViewModel graph,
            DraftStore store,
            Consumer<AuditEntry> audit) {
        this.exporter = new DraftExporter(messages, tasks, dialogs, audit, notice::set);
        this.messages = messages;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.graph = graph;
        this.store = store;
        this.yaml = new YamlEditorViewModel(tasks, this::applyYaml);
        this.form = new PolicyFormViewModel(messages, this::put);
        summary.set(messages.get("editor.summary.empty"));
    }

    /**
     * A new mesh or new traffic from {@code source}: the same source keeps its draft, assessed against the new mesh;
     * another source brings its own saved draft (or an empty one), after the current one was saved under its source.
     */
    public void meshChanged(MeshState state, DraftSource source) {
        if (state == null) {
            return;
        }
        mesh = state;
        if (workspace == null || !source.equals(draftSource.get())) {
            switchTo(source, state);
        } else {
            workspace.rebase(state.snapshot(), state.traffic());
        }
        form.meshChanged(state.snapshot());
        formPolicies();
        reassess();
    }

    private void switchTo(DraftSource source, MeshState state) {
        if (workspace != null) {
            workspace.save();
            form.sourceChanged();
            LOG.info(
                    "draft of {} saved; showing the draft of {}",
                    draftSource.get().id(),
                    source.id());
        }
        assessed = null;
        draftSource.set(source);
        sourceText.set(messages.get("editor.source", source.label()));
        notice.set("");
        DraftStore sourceStore = store.forSource(source);
        workspace = new Workspace(state.snapshot(), state.traffic(), sourceStore);
        workspace.addListener(this::draftChanged);
        draftChanged();
        yaml.sourceChanged();
        restoreSaved(sourceStore);
    }

    private void restoreSaved(DraftStore sourceStore) {
        try {
            sourceStore.load().filter(d -> !d.isEmpty()).ifPresent(saved -> {
                workspace.restore(saved);
                notice.set(messages.get("editor.notice.restored", DraftNotes.count(messages, saved)));
            });
        } catch (UnreadableDraftException e) {
            LOG.warn("could not restore the saved draft: {}", e.getMessage());
            notice.set(DraftNotes.unreadable(messages, e));
        }
    }

    private void draftChanged() {
        Draft draft = workspace.draft();
        notice.set("");
        canUndo.set(workspace.canUndo());
        canRedo.set(workspace.canRedo());
        empty.set(draft.isEmpty());
        yaml.showDraft(draft);
        formPolicies();
        reassess();
    }

    /** The form loads from the current policies with the draft over them. */
    private void formPolicies() {
        Draft draft = workspace.draft();
        form.policiesChanged(draft.layer(workspace.current().policies()), draft);
    }

    private void reassess() {
        Draft draft = workspace.draft();
        if (draft.isEmpty() && assessed == null) {
            // Nothing to assess (a new source's empty draft): clear what the previous draft left on screen.
            changes.clear();
            diffText.set("");
            summary.set(messages.get("editor.summary.empty"));
            draftEngine.set(null);
            graph.decoratorProperty().set(UnaryOperator.identity());
            graph.draftShownProperty().set(false);
            return;
        }
        MeshState state = mesh;
        DraftAssessment previous = assessed;
        try {
            tasks.run(() -> assess(previous, state, draft), this::assessed);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("window closing; draft not assessed", e);
        }
    }

    private static DraftAssessment assess(DraftAssessment previous, MeshState state, Draft draft) {
        assert !Platform.isFxApplicationThread();
        if (previous != null && previous.baseline().engine() == state.engine()) {
            return previous.next(previous.baseline(), draft, state.traffic());
        }
        return DraftAssessment.of(Baseline.of(state.engine()), draft, state.traffic());
    }

    private void assessed(DraftAssessment result) {
        assessed = result;
        if (result.draft() != workspace.draft()) {
            return;
        }
        boolean none = result.draft().isEmpty();
        changes.setAll(ChangeRows.of(result.diff(), messages));
        diffText.set(ChangeRows.diffText(result.diff()));
        draftEngine.set(none ? null : result.engine());
        graph.decoratorProperty().set(none ? UnaryOperator.identity() : new DraftDecorator(result));
        graph.draftShownProperty().set(!none);
        summary.set(
                none
                        ? messages.get("editor.summary.empty")
                        : messages.get(
                                "editor.summary",
                                DraftNotes.count(messages, result.draft()),
                                result.diff().wouldBreak().size(),
                                String.format(
                                        java.util.Locale.ROOT,
                                        "%.1f",
                                        result.diff().brokenRate()),
                                result.diff().opens().size()));
    }

    /**
     * "Allow only this" on an edge of the graph: an ALLOW for this caller (and the namespace's allow-nothing). ALLOW
     * policies add up in Istio, so other ALLOW policies selecting the destination keep allowing their callers; the
     * notice names them rather than editing policies the user did not point at.
     */
    public void allowOnly(String edgeId) {
        edge(edgeId).ifPresent(e -> {
            if (gesture(g -> g.allowOnly(e), null)) {
                notice.set(StillAllowed.notice(e, graph.visibleProperty().get().edges(), messages));
            }
        });
    }

    /** "Deny this" on an edge of the graph. */
    public void deny(String edgeId) {
        edge(edgeId).ifPresent(e -> gesture(g -> g.deny(e)));
    }

    /** An allow-nothing for the namespace; where it has one already, the notice says so and nothing changes. */
    public void defaultDeny(String namespace) {
        if (hasDefaultDeny(namespace)) {
            notice.set(messages.get("editor.notice.defaultDenyPresent", namespace));
            return;
        }
        gesture(g -> g.defaultDeny(namespace));
    }

    /** Whether the namespace already has an allow-nothing, in the current policies or the draft. */
    public boolean hasDefaultDeny(String namespace) {
        return workspace != null && new PolicyGestures(effectiveEngine()).hasAllowNothing(namespace);
    }

    /** A drag from one workload to another: the traffic is intended, the destination's ALLOW names the caller. */
    public void intend(String from, String to) {
        if (workspace == null || GraphNodeIds.outside(from)) {
            notice.set(messages.get("editor.notice.outside"));
            return;
        }
        IntendedEdge edge = GraphNodeIds.outside(to)
                ? null
                : IntendedEdge.between(workspace.current(), from, to).orElse(null);
        if (edge == null) {
            notice.set(messages.get("editor.notice.noService", to));
            return;
        }
        gesture(g -> g.intend(edge), edge);
    }

    /** Whether a drag from one workload to another can declare traffic (both in the mesh, a Service to dial). */
    public boolean canIntend(String from, String to) {
        return workspace != null
                && !from.equals(to)
                && !GraphNodeIds.outside(from)
                && !GraphNodeIds.outside(to)
                && IntendedEdge.between(workspace.current(), from, to).isPresent();
    }

    private java.util.Optional<EdgeAssessment> edge(String edgeId) {
        return graph.visibleProperty().get().edge(edgeId).map(GraphEdge::assessment);
    }

    private void gesture(Function<PolicyGestures, List<HasMetadata>> make) {
        gesture(make, null);
    }

    /** Puts the gesture's objects into the draft; false when there is no mesh or the gesture was refused. */
    private boolean gesture(Function<PolicyGestures, List<HasMetadata>> make, IntendedEdge intended) {
        if (workspace == null) {
            return false;
        }
        try {
            List<HasMetadata> objects = make.apply(new PolicyGestures(effectiveEngine()));
            workspace.edit(d -> {
                Draft next = intended == null ? d : d.intend(intended);
                for (HasMetadata object : objects) {
                    next = next.put(object);
                }
                return next;
            });
            return true;
        } catch (PolicyGestures.GestureException e) {
            LOG.info("gesture refused: {}", e.getMessage());
            dialogs.showError(messages.get("editor.gesture.failed"), e.getMessage(), null);
            return false;
        }
    }

    private Engine effectiveEngine() {
        if (assessed != null && assessed.draft() == workspace.draft()) {
            return assessed.engine();
        }
        return Engine.of(workspace.effective());
    }

    /** Puts a generated least-privilege draft, deletions included, into the draft as one undoable edit. */
    public void putGenerated(List<HasMetadata> objects) {
        if (workspace != null && !objects.isEmpty()) {
            workspace.putOrDelete(objects);
            notice.set(messages.get("editor.notice.generated", objects.size()));
        }
    }

    /** Adds or replaces objects in the draft (the forms use this). */
    public void put(HasMetadata object) {
        if (workspace != null) {
            workspace.put(object);
        }
    }

    /** Loads a policy into the form ({@code Kind namespace/name}); false when it is not one the form edits. */
    public boolean editInForm(String key) {
        return form.load(key);
    }

    /** The resource a row of the Changes list names, if the form can edit it. */
    public java.util.Optional<String> formKeyOf(String row) {
        if (row == null || assessed == null) {
            return java.util.Optional.empty();
        }
        return assessed.diff().resources().stream()
                .map(DraftDiff.ResourceChange::key)
                .filter(key ->
                        row.startsWith(key + ":") && form.choices().loadable().contains(key))
                .findFirst();
    }

    private void applyYaml(Draft fromYaml) {
        if (workspace != null) {
            workspace.edit(d -> Draft.of(fromYaml.objects(), fromYaml.deleted(), d.intended()));
        }
    }

    public void undo() {
        if (workspace != null) {
            workspace.undo();
        }
    }

    public void redo() {
        if (workspace != null) {
            workspace.redo();
        }
    }

    /** What the current draft changes, once it is assessed; empty while an assessment is still running. */
    public java.util.Optional<dev.trustmap.analysis.DraftDiff> currentDiff() {
        if (workspace == null || assessed == null || assessed.draft() != workspace.draft()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(assessed.diff());
    }

    /**
     * Takes resources applied to the cluster out of the draft; the cluster now has them. Undo does not reach back
     * across an apply: the drafts before it would show the applied resources as edits that change nothing.
     */
    public void applied(java.util.Collection<String> keys) {
        if (workspace != null && !keys.isEmpty()) {
            workspace.edit(d -> d.without(keys));
            workspace.forgetHistory();
            canUndo.set(false);
            canRedo.set(false);
            notice.set(messages.get("editor.notice.applied", keys.size()));
        }
    }

    /** Why "Apply to cluster…" is unavailable ("" when it is available); set by the apply feature. */
    public javafx.beans.property.StringProperty applyBlockedProperty() {
        return applyBlocked;
    }

    /** What "Apply to cluster…" does; set by the apply feature. */
    public void setOnApply(Runnable action) {
        onApply = action;
    }

    /** The "Apply to cluster…" button. */
    public void applyToCluster() {
        if (onApply != null && applyBlocked.get().isEmpty()) {
            onApply.run();
        }
    }

    /** Throws the draft away (undoable). */
    public void discard() {
        if (workspace != null) {
            workspace.discard();
            notice.set("");
        }
    }

    /** The draft as YAML for the clipboard: objects, and deletions annotated {@code trustmap.dev/delete}. */
    public String exportText() {
        return workspace == null ? "" : YamlWriter.toYaml(DraftStore.documents(workspace.draft()));
    }

    /** Asks for a folder and writes a file per object there. */
    public void exportToFolder() {
        if (workspace == null || workspace.draft().isEmpty()) {
            return;
        }
        dialogs.chooseFolder(messages.get("editor.export")).ifPresent(this::exportToFolder);
    }

    public void exportToFolder(Path folder) {
        exporter.toFolder(workspace.draft(), workspace.current().policies(), folder);
    }

    /** The draft's YAML went to the clipboard. */
    public void copied() {
        notice.set(messages.get("editor.notice.copied"));
        if (workspace != null && !workspace.draft().isEmpty()) {
            exporter.copied(workspace.draft(), workspace.current().policies());
        }
    }

    public ObservableList<String> changes() {
        return changes;
    }

    public ReadOnlyStringProperty diffTextProperty() {
        return diffText.getReadOnlyProperty();
    }

    /** The engine over the draft's policies, null without a draft (the inspector lists a workload's policies). */
    public ReadOnlyObjectProperty<Engine> draftEngineProperty() {
        return draftEngine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Which source the draft belongs to, for the draft pane's title bar ("for Lab"). */
    public ReadOnlyStringProperty sourceTextProperty() {
        return sourceText.getReadOnlyProperty();
    }

    /** The source whose draft is shown (null before the first mesh). */
    public ReadOnlyObjectProperty<DraftSource> draftSourceProperty() {
        return draftSource.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public BooleanProperty canUndoProperty() {
        return canUndo;
    }

    public BooleanProperty canRedoProperty() {
        return canRedo;
    }

    public BooleanProperty emptyProperty() {
        return empty;
    }

    public YamlEditorViewModel yaml() {
        return yaml;
    }

    public PolicyFormViewModel form() {
        return form;
    }

    /** The draft (for tests). */
    public Draft draft() {
        return workspace == null ? Draft.EMPTY : workspace.draft();
    }

    /** The latest assessment of the draft, or null before the first (for tests). */
    public DraftAssessment assessed() {
        return assessed;
    }
}
