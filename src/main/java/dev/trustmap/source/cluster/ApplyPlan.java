package dev.trustmap.source.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What applying a draft writes: one {@link Change} per resource, in order. Immutable.
 *
 * @param changes creates, updates and deletes
 * @param takeOver field conflicts the user chose to resolve by taking the fields over: only these resources are
 *     written with force; empty unless the user asked
 */
public record ApplyPlan(List<Change> changes, List<FieldConflict> takeOver) {

    public ApplyPlan {
        changes = List.copyOf(changes);
        takeOver = List.copyOf(takeOver);
    }

    /** A plan that forces nothing. */
    public ApplyPlan(List<Change> changes) {
        this(changes, List.of());
    }

    /** This plan, taking over the fields of {@code conflicts} (the user's explicit choice) besides any already. */
    public ApplyPlan takingOver(List<FieldConflict> conflicts) {
        List<FieldConflict> all = new ArrayList<>(takeOver);
        all.addAll(conflicts);
        return new ApplyPlan(changes, all);
    }

    /** Whether {@code change} is written with force, taking over other managers' fields. */
    public boolean takesOver(Change change) {
        return takeOver.stream().anyMatch(c -> c.change().key().equals(change.key()));
    }

    /** The managers whose fields this plan takes over, each once, e.g. {@code kubectl-client-side-apply}. */
    public List<String> takenFrom() {
        return takeOver.stream().flatMap(c -> c.managers().stream()).distinct().toList();
    }

    /** What happens to one resource. */
    public enum Operation {
        CREATE,
        UPDATE,
        DELETE;

        /** {@code create}, {@code update} or {@code delete}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One resource's change.
     *
     * @param operation create, update or delete
     * @param key {@code Kind namespace/name}
     * @param read the object as read from the cluster when the draft was compared (null for a create); its
     *     {@code metadata.resourceVersion} is what the cluster must still have when the change is written
     * @param desired the object to write (null for a delete)
     */
    public record Change(Operation operation, String key, HasMetadata read, HasMetadata desired) {

        /** The change from {@code read} (null: absent) to {@code desired} (null: deleted). */
        public static Change of(HasMetadata read, HasMetadata desired) {
            if (read == null && desired == null) {
                throw new IllegalArgumentException("a change needs an object before or after");
            }
            Operation operation =
                    read == null ? Operation.CREATE : desired == null ? Operation.DELETE : Operation.UPDATE;
            return new Change(operation, keyOf(desired == null ? read : desired), read, desired);
        }

        /** {@code create AuthorizationPolicy payments/allow-ledger}, as the audit log and the CLI print it. */
        public String describe() {
            return operation.word() + " " + key;
        }

        /** The object this change is about: the desired one, or for a delete the one read. */
        public HasMetadata object() {
            return desired == null ? read : desired;
        }
    }

    /** {@code Kind namespace/name}. */
    public static String keyOf(HasMetadata object) {
        return object.getKind() + " " + object.getMetadata().getNamespace() + "/"
                + object.getMetadata().getName();
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The changes of one operation, in plan order. */
    public List<Change> of(Operation operation) {
        return changes.stream().filter(c -> c.operation() == operation).toList();
    }

    /** Every change described, e.g. {@code update AuthorizationPolicy bookinfo/reviews-viewer}. */
    public List<String> described() {
        return changes.stream().map(Change::describe).toList();
    }

    /** The objects written, and for deletes the objects removed, for a digest of the change. */
    public List<HasMetadata> objects() {
        return changes.stream().map(Change::object).toList();
    }
}
