package dev.trustmap.source.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Locale;

/**
 * What applying a draft writes: one {@link Change} per resource, in order. Immutable.
 *
 * @param changes creates, updates and deletes
 */
public record ApplyPlan(List<Change> changes) {

    public ApplyPlan {
        changes = List.copyOf(changes);
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
