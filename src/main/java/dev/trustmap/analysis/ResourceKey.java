package dev.trustmap.analysis;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;

/** Identifies a resource across policy sets ({@code Kind namespace/name}) and compares what matters in it. */
public final class ResourceKey {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private ResourceKey() {}

    /** {@code AuthorizationPolicy foo/bar}. */
    public static String of(HasMetadata object) {
        return object.getKind() + " " + object.getMetadata().getNamespace() + "/"
                + object.getMetadata().getName();
    }

    /** The object as a map without status and server-set metadata, for equality. */
    @SuppressWarnings("unchecked")
    public static Object comparable(HasMetadata object) {
        Map<String, Object> tree = SERIALIZATION.convertValue(object, Map.class);
        tree.remove("status");
        Object metadata = tree.get("metadata");
        if (metadata instanceof Map<?, ?> meta) {
            Map<String, Object> copy = new java.util.TreeMap<>((Map<String, Object>) meta);
            copy.keySet()
                    .removeAll(java.util.Set.of(
                            "resourceVersion", "uid", "generation", "creationTimestamp", "managedFields"));
            tree.put("metadata", copy);
        }
        tree.remove("apiVersion");
        return tree;
    }
}
