package dev.trustmap.analysis.workspace;

import dev.trustmap.analysis.DraftDiff;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.TrafficEdge;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current mesh and its observed traffic, with the user's {@link Draft} over its policies: edits with undo and
 * redo, each saved at once when a {@link DraftStore} is given. Not thread-safe: one thread (the UI's) edits it;
 * drafts are immutable and can be handed to other threads.
 */
public final class Workspace {
    private static final Logger LOG = LoggerFactory.getLogger(Workspace.class);
    private static final int UNDO_LIMIT = 200;

    private final DraftStore store;
    private final Deque<Draft> undo = new ArrayDeque<>();
    private final Deque<Draft> redo = new ArrayDeque<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private MeshSnapshot snapshot;
    private Traffic traffic;
    private Draft draft = Draft.EMPTY;

    /** A workspace over a mesh; {@code store} may be null (nothing saved). */
    public Workspace(MeshSnapshot snapshot, Traffic traffic, DraftStore store) {
        this.snapshot = snapshot;
        this.traffic = traffic;
        this.store = store;
    }

    /** Another mesh (a new source, or the same one re-read); the draft stays over its policies. */
    public void rebase(MeshSnapshot newSnapshot, Traffic newTraffic) {
        snapshot = newSnapshot;
        traffic = newTraffic;
    }

    /** Applies one edit as one undo step; a no-op edit changes nothing. */
    public void edit(UnaryOperator<Draft> change) {
        Draft next = change.apply(draft);
        if (next == draft) {
            return;
        }
        undo.push(draft);
        if (undo.size() > UNDO_LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        replace(next);
    }

    /** Adds or replaces objects, as one undo step. */
    public void put(List<? extends HasMetadata> objects) {
        edit(d -> {
            Draft next = d;
            for (HasMetadata object : objects) {
                next = next.put(object);
            }
            return next;
        });
    }

    /**
     * Adds or replaces objects, as one undo step; an object marked for deletion ({@link DraftStore#isDeletion})
     * deletes its namesake instead.
     */
    public void putOrDelete(List<? extends HasMetadata> objects) {
        edit(d -> {
            Draft next = d;
            for (HasMetadata object : objects) {
                next = DraftStore.isDeletion(object) ? next.delete(DraftStore.unmarked(object)) : next.put(object);
            }
            return next;
        });
    }

    public void put(HasMetadata object) {
        put(List.of(object));
    }

    /** Deletes an object from the effective policies. */
    public void delete(HasMetadata object) {
        edit(d -> d.delete(object));
    }

    /** Takes back the last edit; false when there is none. */
    public boolean undo() {
        if (undo.isEmpty()) {
            return false;
        }
        redo.push(draft);
        replace(undo.pop());
        return true;
    }

    /** Does the last undone edit again; false when there is none. */
    public boolean redo() {
        if (redo.isEmpty()) {
            return false;
        }
        undo.push(draft);
        replace(redo.pop());
        return true;
    }

    /** Throws the whole draft away (one undo step). */
    public void discard() {
        edit(d -> d.isEmpty() ? d : Draft.EMPTY);
    }

    /** Restores a saved draft, e.g. after a restart (undoable). */
    public void restore(Draft saved) {
        edit(d -> saved);
    }

    /** Forgets undo and redo: the draft as it is now is where undo stops (e.g. after an apply). */
    public void forgetHistory() {
        undo.clear();
        redo.clear();
    }

    /** Saves the draft now (it is also saved after every edit). */
    public void save() {
        if (store != null) {
            store.save(draft);
        }
    }

    private void replace(Draft next) {
        draft = next;
        if (store != null) {
            store.save(next);
        }
        LOG.debug("draft now has {} edits", next.size());
        listeners.forEach(Runnable::run);
    }

    /** Called after every change of the draft. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public Draft draft() {
        return draft;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** The mesh with its current policies. */
    public MeshSnapshot current() {
        return snapshot;
    }

    public Traffic traffic() {
        return traffic;
    }

    /** The mesh with the draft over its policies. */
    public MeshSnapshot effective() {
        return snapshot.withPolicies(draft.layer(snapshot.policies()));
    }

    /** Observed traffic plus the edges drawn as intended (at rate 0). */
    public Traffic trafficWithIntended() {
        return withIntended(snapshot, traffic, draft);
    }

    static Traffic withIntended(MeshSnapshot snapshot, Traffic traffic, Draft draft) {
        if (draft.intended().isEmpty()) {
            return traffic;
        }
        List<TrafficEdge> edges = new ArrayList<>(traffic.edges());
        draft.intended().forEach(i -> edges.add(i.asTraffic(snapshot)));
        return new Traffic(edges, traffic.observedAt());
    }

    /** What the draft changes, computed in full (the UI uses the incremental {@link DraftAssessment}). */
    public DraftDiff diff() {
        return DraftDiff.compare(snapshot, effective(), trafficWithIntended());
    }
}
