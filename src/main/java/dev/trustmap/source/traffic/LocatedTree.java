package dev.trustmap.source.traffic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.trustmap.source.folder.ManifestException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One YAML or JSON document read with Jackson's streaming parser into a tree, keeping the 1-based line of every
 * field and list element (by path such as {@code edges[2].rps}) so errors can point at it.
 */
// TODO(#3): shares its approach with source.folder's package-private LocatedTreeReader; make one public reader.
final class LocatedTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonFactory JSON = new JsonFactory();

    private final String origin;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private LocatedTree(String origin, JsonNode root, Map<String, Integer> lines) {
        this.origin = origin;
        this.root = root;
        this.lines = Map.copyOf(lines);
    }

    /** Reads the documents of {@code text}; text starting with '{' is JSON, anything else YAML. */
    static List<LocatedTree> read(String text, String origin) throws ManifestException {
        boolean json = text.stripLeading().startsWith("{");
        List<LocatedTree> documents = new ArrayList<>();
        try (JsonParser parser = json ? JSON.createParser(text) : YAML.createParser(text)) {
            while (parser.nextToken() != null) {
                Map<String, Integer> lines = new HashMap<>();
                lines.put("", parser.currentTokenLocation().getLineNr());
                JsonNode root = new Reader(parser, lines, origin).value("");
                if (!root.isNull()) {
                    documents.add(new LocatedTree(origin, root, lines));
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            int line = location == null ? 0 : location.getLineNr();
            String problem = e.getOriginalMessage().lines().findFirst().orElse("unreadable input");
            throw new ManifestException(origin, line, null, "is not valid YAML or JSON: " + problem + ".");
        } catch (IOException e) {
            throw new ManifestException(origin, 0, null, "could not be read (" + e.getMessage() + ").");
        }
        return documents;
    }

    JsonNode root() {
        return root;
    }

    /** The line of {@code path}, or of its nearest parent that has one. */
    int lineOf(String path) {
        String current = path;
        while (!current.isEmpty()) {
            Integer line = lines.get(current);
            if (line != null) {
                return line;
            }
            current = current.substring(0, Math.max(0, Math.max(current.lastIndexOf('.'), current.lastIndexOf('['))));
        }
        return lines.getOrDefault("", 0);
    }

    /** An error about the field at {@code path}, naming this file and the field's line. */
    ManifestException error(String path, String problem) {
        return new ManifestException(origin, lineOf(path), path.isEmpty() ? null : path, problem);
    }

    static String field(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** Builds the tree of one document and records lines. */
    private record Reader(JsonParser parser, Map<String, Integer> lines, String origin) {

        JsonNode value(String path) throws IOException, ManifestException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT) {
                return object(path);
            }
            if (token == JsonToken.START_ARRAY) {
                return array(path);
            }
            return scalar(token);
        }

        private ObjectNode object(String path) throws IOException, ManifestException {
            ObjectNode object = NODES.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                String child = field(path, name);
                int line = parser.currentTokenLocation().getLineNr();
                if (object.has(name)) {
                    throw new ManifestException(origin, line, child, "appears twice; keep only one of them.");
                }
                lines.put(child, line);
                parser.nextToken();
                object.set(name, value(child));
            }
            return object;
        }

        private ArrayNode array(String path) throws IOException, ManifestException {
            ArrayNode array = NODES.arrayNode();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                String child = index(path, array.size());
                lines.put(child, parser.currentTokenLocation().getLineNr());
                array.add(value(child));
            }
            return array;
        }

        private JsonNode scalar(JsonToken token) throws IOException {
            switch (token) {
                case VALUE_STRING:
                    return NODES.textNode(parser.getText());
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    return NODES.numberNode(parser.getDecimalValue());
                case VALUE_TRUE:
                case VALUE_FALSE:
                    return NODES.booleanNode(parser.getBooleanValue());
                default:
                    return NODES.nullNode();
            }
        }
    }
}
