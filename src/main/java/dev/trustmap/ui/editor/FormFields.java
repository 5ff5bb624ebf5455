package dev.trustmap.ui.editor;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the policy form reads and writes parts of Istio objects: lists as comma-separated text, labels as
 * {@code key=value} pairs, deep copies (so an edit never touches an object already in the draft), and the names of
 * the fields a part holds beyond those the form shows (so they are kept, and said so).
 */
final class FormFields {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private FormFields() {}

    /** A deep copy, through the same serialization the YAML uses: unknown fields come along. */
    @SuppressWarnings("unchecked")
    static <T> T copy(T object) {
        return object == null ? null : SERIALIZATION.convertValue(object, (Class<T>) object.getClass());
    }

    /** The values of a comma-separated list, stripped, without empty ones. */
    static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    static String join(List<String> values) {
        return values == null ? "" : String.join(", ", values);
    }

    static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }

    /** Whether a value would not survive being written into a comma-separated field and read back. */
    static boolean unsafeInText(List<String> values) {
        return values != null
                && values.stream().anyMatch(v -> v == null || v.contains(",") || !v.equals(v.strip()) || v.isEmpty());
    }

    /** Whether the part has no field set at all (unknown ones included). */
    static boolean isEmpty(Object part) {
        return part == null || fields(part).isEmpty();
    }

    /** The paths of the fields set in {@code part} other than {@code shown}, in field order. */
    static List<String> others(Object part, Set<String> shown, String path) {
        if (part == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String field : fields(part).keySet()) {
            if (!shown.contains(field)) {
                out.add(path + "." + field);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fields(Object part) {
        return SERIALIZATION.convertValue(part, Map.class);
    }

    /**
     * Labels written {@code key=value, key=value}; empty for none (a whole namespace).
     *
     * @throws IllegalArgumentException naming the pair that is not {@code key=value}
     */
    static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : split(text)) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || equals == pair.length() - 1) {
                throw new IllegalArgumentException(pair);
            }
            labels.put(
                    pair.substring(0, equals).strip(),
                    pair.substring(equals + 1).strip());
        }
        return labels;
    }

    static String labelsText(Map<String, String> labels) {
        if (labels == null) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        labels.forEach((key, value) -> pairs.add(key + "=" + value));
        return String.join(", ", pairs);
    }
}
