package dev.trustmap.source.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trustmap.source.folder.ManifestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Typed, checked reads of scenario fields; every problem names the file, line and field path. */
final class Fields {
    private final YamlTree tree;

    Fields(YamlTree tree) {
        this.tree = tree;
    }

    YamlTree tree() {
        return tree;
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Requires a mapping whose keys are all in {@code allowed}. */
    void checkKeys(JsonNode node, String path, Set<String> allowed) throws ManifestException {
        if (node == null) {
            throw tree.error(path, "missing; expected a mapping");
        }
        if (!node.isObject()) {
            throw tree.error(path, "expected a mapping");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                String known = allowed.stream().sorted().collect(Collectors.joining(", "));
                throw tree.error(child(path, name), "unknown key '" + name + "'; expected one of: " + known);
            }
        }
    }

    /** The text at {@code key}, or null when absent or null; numbers and booleans are read as text. */
    String text(JsonNode node, String path, String key, boolean required) throws ManifestException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                throw tree.error(path, "missing required key '" + key + "'");
            }
            return null;
        }
        if (!value.isValueNode()) {
            throw tree.error(child(path, key), "expected a single value");
        }
        return value.asText();
    }

    /** The integer at {@code key}, or null when absent. */
    Integer integer(JsonNode node, String path, String key, boolean required) throws ManifestException {
        String text = text(node, path, key, required);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw tree.error(child(path, key), "expected a whole number, found '" + text + "'");
        }
    }

    /** The port number (1 to 65535) at {@code key}, or null when absent. */
    Integer port(JsonNode node, String path, String key, boolean required) throws ManifestException {
        String text = text(node, path, key, required);
        if (text != null && !text.trim().matches("\\d{1,5}")) {
            throw tree.error(child(path, key), "expected a port number from 1 to 65535, found '" + text + "'");
        }
        Integer port = integer(node, path, key, required);
        if (port != null && (port < 1 || port > 65535)) {
            throw tree.error(child(path, key), "expected a port number from 1 to 65535, found " + port);
        }
        return port;
    }

    /** The boolean at {@code key}, or {@code fallback} when absent. */
    boolean bool(JsonNode node, String path, String key, boolean fallback) throws ManifestException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw tree.error(child(path, key), "expected true or false, found '" + value.asText() + "'");
        }
        return value.booleanValue();
    }

    /** The enum constant named (case-insensitively) at {@code key}, or null when absent. */
    <E extends Enum<E>> E enumValue(JsonNode node, String path, String key, List<E> allowed) throws ManifestException {
        return enumValue(node, path, key, allowed, Enum::name);
    }

    /** As {@link #enumValue(JsonNode, String, String, List)}; errors list the values as the format writes them. */
    <E extends Enum<E>> E enumValue(JsonNode node, String path, String key, List<E> allowed, Function<E, String> shown)
            throws ManifestException {
        String text = text(node, path, key, false);
        if (text == null) {
            return null;
        }
        for (E candidate : allowed) {
            if (candidate.name().equalsIgnoreCase(text.trim())) {
                return candidate;
            }
        }
        String names = allowed.stream().map(shown).collect(Collectors.joining(", "));
        throw tree.error(child(path, key), "'" + text + "' is not one of " + names);
    }

    /** A string-to-string mapping at {@code key}; empty when absent. */
    Map<String, String> stringMap(JsonNode node, String path, String key) throws ManifestException {
        JsonNode value = node.get(key);
        Map<String, String> map = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return map;
        }
        if (!value.isObject()) {
            throw tree.error(child(path, key), "expected a mapping of names to values");
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
                throw tree.error(child(child(path, key), entry.getKey()), "expected a single value");
            }
            map.put(entry.getKey(), entry.getValue().asText());
        }
        return map;
    }

    /** The elements of the list at {@code key}; empty when absent. */
    List<JsonNode> list(JsonNode node, String path, String key) throws ManifestException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw tree.error(child(path, key), "expected a list");
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    /** A key set for {@link #checkKeys}. */
    static Set<String> keys(String... names) {
        return Set.copyOf(Arrays.asList(names));
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
