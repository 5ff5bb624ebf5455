package dev.trustmap.analysis.workspace;

import dev.trustmap.analysis.ResourceKey;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's policy edits, layered over a snapshot's policies: objects added or replaced (by kind, namespace and
 * name), objects deleted, and traffic drawn as intended. Immutable: every edit returns a new draft, which is what
 * makes undo a stack of drafts. The objects must not be mutated once in a draft.
 */
public final class Draft {
    /** No edits. */
    public static final Draft EMPTY = new Draft(Map.of(), Map.of(), List.of());

    private final Map<String, HasMetadata> objects;
    private final Map<String, HasMetadata> deleted;
    private final List<IntendedEdge> intended;

    private Draft(Map<String, HasMetadata> objects, Map<String, HasMetadata> deleted, List<IntendedEdge> intended) {
        this.objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects));
        this.deleted = Collections.unmodifiableMap(new LinkedHashMap<>(deleted));
        this.intended = List.copyOf(intended);
    }

    /** A draft of these objects, deletions and intended edges. */
    public static Draft of(
            Collection<? extends HasMetadata> objects,
            Collection<? extends HasMetadata> deleted,
            List<IntendedEdge> intended) {
        Draft draft = new Draft(Map.of(), Map.of(), intended);
        for (HasMetadata object : objects) {
            draft = draft.put(object);
        }
        for (HasMetadata object : deleted) {
            draft = draft.delete(object);
        }
        return draft;
    }

    /** Adds the object, or replaces the one of the same kind, namespace and name. */
    public Draft put(HasMetadata object) {
        String key = ResourceKey.of(object);
        Map<String, HasMetadata> nextObjects = new LinkedHashMap<>(objects);
        nextObjects.put(key, object);
        Map<String, HasMetadata> nextDeleted = new LinkedHashMap<>(deleted);
        nextDeleted.remove(key);
        return new Draft(nextObjects, nextDeleted, intended);
    }

    /** Removes the object: from the draft if it was added there, from the current policies otherwise. */
    public Draft delete(HasMetadata object) {
        String key = ResourceKey.of(object);
        Map<String, HasMetadata> nextObjects = new LinkedHashMap<>(objects);
        nextObjects.remove(key);
        Map<String, HasMetadata> nextDeleted = new LinkedHashMap<>(deleted);
        nextDeleted.put(key, object);
        return new Draft(nextObjects, nextDeleted, intended);
    }

    /** The draft without its edits of these resources ({@code Kind ns/name}), e.g. once they are applied. */
    public Draft without(Collection<String> keys) {
        Map<String, HasMetadata> nextObjects = new LinkedHashMap<>(objects);
        Map<String, HasMetadata> nextDeleted = new LinkedHashMap<>(deleted);
        nextObjects.keySet().removeAll(keys);
        nextDeleted.keySet().removeAll(keys);
        if (nextObjects.size() == objects.size() && nextDeleted.size() == deleted.size()) {
            return this;
        }
        return new Draft(nextObjects, nextDeleted, intended);
    }

    /** Declares traffic as intended (once per edge). */
    public Draft intend(IntendedEdge edge) {
        if (intended.contains(edge)) {
            return this;
        }
        List<IntendedEdge> next = new ArrayList<>(intended);
        next.add(edge);
        return new Draft(objects, deleted, next);
    }

    /**
     * The policies with this draft over them: replaced objects keep their place (so the engine's policy order stays
     * stable for incremental re-assessment), deleted ones go, added ones come last.
     */
    public List<HasMetadata> layer(List<HasMetadata> current) {
        List<HasMetadata> layered = new ArrayList<>(current.size() + objects.size());
        java.util.Set<String> placed = new java.util.HashSet<>();
        for (HasMetadata object : current) {
            String key = ResourceKey.of(object);
            if (deleted.containsKey(key) && !objects.containsKey(key)) {
                continue;
            }
            HasMetadata replacement = objects.get(key);
            layered.add(replacement == null ? object : replacement);
            placed.add(key);
        }
        objects.forEach((key, object) -> {
            if (!placed.contains(key)) {
                layered.add(object);
            }
        });
        return layered;
    }

    /** The draft's version of an object, if it adds or replaces one with this key ({@code Kind ns/name}). */
    public Optional<HasMetadata> object(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    /** Objects added or replaced, in the order first edited. */
    public List<HasMetadata> objects() {
        return List.copyOf(objects.values());
    }

    /** Objects deleted from the current policies. */
    public List<HasMetadata> deleted() {
        return List.copyOf(deleted.values());
    }

    public boolean isDeleted(String key) {
        return deleted.containsKey(key);
    }

    public List<IntendedEdge> intended() {
        return intended;
    }

    public boolean isEmpty() {
        return objects.isEmpty() && deleted.isEmpty() && intended.isEmpty();
    }

    /** Number of changes: objects added or replaced, deleted, and intended edges (one undoable edit may make many). */
    public int size() {
        return objects.size() + deleted.size() + intended.size();
    }
}
