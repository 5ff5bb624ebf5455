package dev.trustmap.export;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.trustmap.analysis.DraftDiff.ResourceChange;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/** A unified YAML diff of one resource change, as {@code diff -u} would print it. */
public final class ResourceDiffText {
    private static final int CONTEXT = 3;

    private ResourceDiffText() {}

    public static String of(ResourceChange change) {
        return of(change.key(), change.before(), change.after(), "current", "draft");
    }

    /**
     * A unified diff between two versions of one resource, labelled {@code fromLabel/key} and {@code toLabel/key}
     * ({@code /dev/null} for an absent side), e.g. what was read against what is on the cluster now.
     */
    public static String of(String key, HasMetadata from, HasMetadata to, String fromLabel, String toLabel) {
        List<String> before = lines(from == null ? "" : YamlWriter.toYaml(from));
        List<String> after = lines(to == null ? "" : YamlWriter.toYaml(to));
        Patch<String> patch = DiffUtils.diff(before, after);
        String fromName = from == null ? "/dev/null" : fromLabel + "/" + key;
        String toName = to == null ? "/dev/null" : toLabel + "/" + key;
        List<String> text = UnifiedDiffUtils.generateUnifiedDiff(fromName, toName, before, patch, CONTEXT).stream()
                .map(line -> emptySide(line, before.isEmpty(), after.isEmpty()))
                .toList();
        return String.join("\n", text) + "\n";
    }

    /**
     * The hunk header with an empty side numbered as {@code diff -u} and {@code git} do ({@code -0,0}, {@code +0,0}):
     * the diff library starts an empty side at line 1, which {@code patch} reads as "after line 1".
     */
    private static String emptySide(String line, boolean noBefore, boolean noAfter) {
        if (!line.startsWith("@@ ")) {
            return line;
        }
        String header = noBefore ? line.replace("@@ -1,0 ", "@@ -0,0 ") : line;
        return noAfter ? header.replace(" +1,0 @@", " +0,0 @@") : header;
    }

    private static List<String> lines(String text) {
        return text.isEmpty()
                ? List.of()
                : List.of(text.split("\n", -1)).subList(0, text.split("\n", -1).length - (text.endsWith("\n") ? 1 : 0));
    }
}
