package dev.trustmap.source.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.trustmap.source.folder.ManifestException;
import dev.trustmap.source.folder.YamlErrors;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * One YAML document read into a Jackson tree, with the line where every value starts. Jackson's tree nodes carry
 * no locations, so the tree is built here from the parser's tokens and each value's line is kept by its field
 * path ({@code requests[2].to.port}).
 */
final class YamlTree {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String file;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlTree(String file, JsonNode root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    /** Parses exactly one YAML document; broken YAML becomes a {@link ManifestException} with its line. */
    static YamlTree parse(String text, String file) throws ManifestException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ManifestException(file, 0, null, "the file is empty; expected one YAML document");
            }
            JsonNode root = read(parser, "", lines);
            if (parser.nextToken() != null) {
                throw new ManifestException(file, line(parser), null, "expected one YAML document, found more");
            }
            return new YamlTree(file, root, lines);
        } catch (DuplicateKey e) {
            throw new ManifestException(
                    file, e.line, e.path, "appears twice in the same mapping; keep only one of them.");
        } catch (JsonProcessingException e) {
            throw YamlErrors.syntax(e, file, 0);
        } catch (IOException e) {
            throw new ManifestException(file, 0, null, "cannot be read (" + e.getMessage() + ").");
        }
    }

    private static JsonNode read(JsonParser parser, String path, Map<String, Integer> lines) throws IOException {
        lines.putIfAbsent(path, line(parser));
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            ObjectNode object = NODES.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                String child = path.isEmpty() ? name : path + "." + name;
                if (object.has(name)) {
                    throw new DuplicateKey(child, line(parser));
                }
                lines.put(child, line(parser));
                parser.nextToken();
                object.set(name, read(parser, child, lines));
            }
            return object;
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode array = NODES.arrayNode();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                array.add(read(parser, path + "[" + array.size() + "]", lines));
            }
            return array;
        }
        return scalar(parser, token);
    }

    private static JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? NODES.numberNode(parser.getBigIntegerValue())
                        : NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return NODES.booleanNode(parser.getBooleanValue());
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new JsonProcessingException("unexpected YAML token " + token, parser.currentLocation()) {};
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    String file() {
        return file;
    }

    JsonNode root() {
        return root;
    }

    /** The line where the value at {@code path} starts, or the nearest enclosing value's line; 0 if unknown. */
    int line(String path) {
        String probe = path;
        while (!probe.isEmpty()) {
            Integer line = lines.get(probe);
            if (line != null) {
                return line;
            }
            probe = parent(probe);
        }
        return lines.getOrDefault("", 0);
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    /** A {@link ManifestException} naming this file, the line of {@code path}, and the field. */
    ManifestException error(String path, String problem) {
        return new ManifestException(file, line(path), path.isEmpty() ? null : path, problem);
    }

    /** A key given twice in one mapping; thrown out of the token walk and turned into a {@link ManifestException}. */
    private static final class DuplicateKey extends IOException {
        private final String path;
        private final int line;

        DuplicateKey(String path, int line) {
            super(path);
            this.path = path;
            this.line = line;
        }
    }
}
