package dev.trustmap.analysis.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.trustmap.analysis.ResourceKey;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The canonical form behind {@link AuditLog#digest}. */
final class AuditDigest {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();
    /** Set by the API server, not by whoever wrote the object: they do not change what is applied. */
    private static final Set<String> SERVER_METADATA =
            Set.of("resourceVersion", "uid", "generation", "creationTimestamp", "managedFields", "selfLink");

    private AuditDigest() {}

    static String of(Collection<? extends HasMetadata> objects) {
        List<String[]> keyed = new ArrayList<>();
        for (HasMetadata object : objects) {
            keyed.add(new String[] {ResourceKey.of(object), canonical(object)});
        }
        keyed.sort(Comparator.<String[], String>comparing(k -> k[0]).thenComparing(k -> k[1]));
        MessageDigest sha = sha256();
        for (String[] entry : keyed) {
            sha.update(entry[1].getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    /** The object as JSON with sorted keys, without status, server-set metadata, nulls and empty values. */
    @SuppressWarnings("unchecked")
    static String canonical(HasMetadata object) {
        Map<String, Object> tree = SERIALIZATION.convertValue(object, Map.class);
        tree.remove("status");
        if (tree.get("metadata") instanceof Map<?, ?> metadata) {
            metadata.keySet().removeAll(SERVER_METADATA);
        }
        try {
            return CANONICAL.writeValueAsString(pruned(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + ResourceKey.of(object) + " as JSON", e);
        }
    }

    /** Drops nulls and empty maps and lists, so a builder's empty list and a missing field digest alike. */
    private static Object pruned(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new TreeMap<>();
            map.forEach((k, v) -> {
                Object kept = pruned(v);
                if (kept != null) {
                    copy.put(String.valueOf(k), kept);
                }
            });
            return copy.isEmpty() ? null : copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object item : list) {
                Object kept = pruned(item);
                copy.add(kept == null ? Map.of() : kept);
            }
            return copy.isEmpty() ? null : copy;
        }
        return value;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
