package dev.trustmap.source.folder;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One YAML or JSON document as a tree, with the 1-based line of every field and list element.
 *
 * @param root the document content
 * @param line the line where the document's content starts
 * @param lines line of each field path ({@link FieldPaths}) in the document
 */
record LocatedDocument(JsonNode root, int line, Map<String, Integer> lines) {

    LocatedDocument {
        lines = Map.copyOf(lines);
    }

    /** The line of {@code path}, or of its nearest parent that has one, or of the document. */
    int lineOf(String path) {
        String current = path;
        while (current != null && !current.isEmpty()) {
            Integer found = lines.get(current);
            if (found != null) {
                return found;
            }
            current = parentOf(current);
        }
        return line;
    }

    private static String parentOf(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        if (cut <= 0) {
            return "";
        }
        // a bracketed key may itself contain dots: cut at the bracket that opens it
        int quoted = path.lastIndexOf("[\"");
        if (path.endsWith("\"]") && quoted >= 0) {
            return path.substring(0, quoted);
        }
        return path.substring(0, cut);
    }
}
