package dev.trustmap.analysis.findings;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;

/**
 * A raw object's {@code spec} as plain maps and lists, fields fabric8 kept in {@code additionalProperties} included
 * (a cluster source keeps what the model does not know, such as {@code matchExpressions}).
 */
final class RawSpec {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private RawSpec() {}

    /** The object's {@code spec}, empty when it has none. */
    static Map<String, Object> of(HasMetadata object) {
        Map<?, ?> tree = SERIALIZATION.convertValue(object, Map.class);
        return map(tree, "spec");
    }

    /** The mapping under {@code key}, empty when absent or not a mapping. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<?, ?> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The list under {@code key}, empty when absent or not a list. */
    static List<?> list(Map<?, ?> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value instanceof List<?> l ? l : List.of();
    }

    /** The selector field of a policy kind: {@code workloadSelector} for DestinationRules, else {@code selector}. */
    static String selectorField(HasMetadata object) {
        return "DestinationRule".equals(object.getKind()) ? "workloadSelector" : "selector";
    }
}
