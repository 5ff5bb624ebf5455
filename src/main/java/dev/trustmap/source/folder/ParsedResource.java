package dev.trustmap.source.folder;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;

/**
 * One object read from a manifest, with where it came from.
 *
 * @param object the typed fabric8 object; a {@link GenericKubernetesResource} for kinds Trustmap does not read
 * @param file the file (or other origin) it was read from
 * @param line the 1-based line where the object starts
 * @param fieldLines the line of each field path inside the object ({@code spec.selector}), where known
 * @param pruned fields the API server would prune rather than reject ({@code spec.selector.matchExpressions}); the
 *     engine ignores them, checkers may report them
 */
public record ParsedResource(
        HasMetadata object, String file, int line, Map<String, Integer> fieldLines, List<String> pruned) {

    public ParsedResource {
        fieldLines = Map.copyOf(fieldLines);
        pruned = List.copyOf(pruned);
    }

    /** An object without field lines or pruned fields (read from a cluster, say). */
    public ParsedResource(HasMetadata object, String file, int line) {
        this(object, file, line, Map.of(), List.of());
    }

    /** Whether Trustmap reads this kind; other kinds are skipped and only counted. */
    public boolean supported() {
        return !(object instanceof GenericKubernetesResource);
    }

    /** {@code file:line}, for messages. */
    public String location() {
        return file + ":" + line;
    }

    /** The line of a field path inside the object, or of its nearest parent that has one, or of the object. */
    public int lineOf(String path) {
        String current = path == null ? "" : path;
        while (!current.isEmpty()) {
            Integer found = fieldLines.get(current);
            if (found != null) {
                return found;
            }
            int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
            current = cut <= 0 ? "" : current.substring(0, cut);
        }
        return line;
    }
}
