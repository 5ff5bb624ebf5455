package dev.trustmap.source.folder;

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
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML (multi-document) or JSON text into {@link LocatedDocument}s with Jackson's streaming parser, keeping
 * the line of every field so errors can point at it.
 */
final class LocatedTreeReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonFactory JSON = new JsonFactory();

    private final String origin;
    private final int lineOffset;
    private Map<String, Integer> lines;

    private LocatedTreeReader(String origin, int firstLine) {
        this.origin = origin;
        this.lineOffset = firstLine - 1;
    }

    /**
     * Reads every document of {@code text}; empty documents are dropped. Text starting with '{' or '[' is read as
     * JSON (several concatenated values allowed) when its first key is quoted; anything else, flow-style YAML included,
     * as YAML.
     *
     * @param origin the file name used in errors
     * @param firstLine the line of {@code origin} where {@code text} starts
     */
    static List<LocatedDocument> read(String text, String origin, int firstLine) throws ManifestException {
        return new LocatedTreeReader(origin, firstLine).readAll(text);
    }

    private List<LocatedDocument> readAll(String text) throws ManifestException {
        return readAll(text, looksLikeJson(text) ? JSON : YAML);
    }

    private List<LocatedDocument> readAll(String text, JsonFactory factory) throws ManifestException {
        List<LocatedDocument> documents = new ArrayList<>();
        try (JsonParser parser = factory.createParser(text)) {
            while (parser.nextToken() != null) {
                lines = new HashMap<>();
                int line = lineOf(parser.currentTokenLocation());
                JsonNode root = readValue(parser, "");
                if (!root.isNull()) {
                    documents.add(new LocatedDocument(root, line, lines));
                }
            }
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new ManifestException(origin, 0, null, "could not be read (" + e.getMessage() + ").");
        }
        return documents;
    }

    /**
     * JSON when the text opens with '{' or '[' and its first key or value is quoted ({@code {"kind": ...}}); flow-style
     * YAML ({@code {kind: Pod}}) opens the same way but is read as YAML, which JSON would reject.
     */
    private static boolean looksLikeJson(String text) {
        int i = 0;
        while (i < text.length() && "{[ \t\r\n".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        if (i == 0) {
            return false;
        }
        return i == text.length() || "\"}]".indexOf(text.charAt(i)) >= 0;
    }

    // TODO(#2): YAML anchors and aliases ('*name') are not expanded; an alias reads as its name.
    private JsonNode readValue(JsonParser parser, String path) throws IOException, ManifestException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            return readObject(parser, path);
        }
        if (token == JsonToken.START_ARRAY) {
            return readArray(parser, path);
        }
        return readScalar(parser, token);
    }

    private ObjectNode readObject(JsonParser parser, String path) throws IOException, ManifestException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String child = FieldPaths.field(path, name);
            int line = lineOf(parser.currentTokenLocation());
            if (object.has(name)) {
                throw new ManifestException(
                        origin, line, child, "appears twice in the same mapping; keep only one of them.");
            }
            lines.put(child, line);
            parser.nextToken();
            object.set(name, readValue(parser, child));
        }
        return object;
    }

    private ArrayNode readArray(JsonParser parser, String path) throws IOException, ManifestException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String child = FieldPaths.index(path, array.size());
            lines.put(child, lineOf(parser.currentTokenLocation()));
            array.add(readValue(parser, child));
        }
        return array;
    }

    private static JsonNode readScalar(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return integerNode(parser);
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return NODES.booleanNode(parser.getBooleanValue());
            case VALUE_EMBEDDED_OBJECT:
                return NODES.pojoNode(parser.getEmbeddedObject());
            default:
                return NODES.nullNode();
        }
    }

    private static JsonNode integerNode(JsonParser parser) throws IOException {
        switch (parser.getNumberType()) {
            case INT:
                return NODES.numberNode(parser.getIntValue());
            case LONG:
                return NODES.numberNode(parser.getLongValue());
            default:
                return NODES.numberNode(parser.getBigIntegerValue());
        }
    }

    private int lineOf(JsonLocation location) {
        return location.getLineNr() + lineOffset;
    }

    private ManifestException syntaxError(JsonProcessingException e) {
        return YamlErrors.syntax(e, origin, lineOffset);
    }
}
