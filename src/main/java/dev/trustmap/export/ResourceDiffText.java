package dev.trustmap.export;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.trustmap.analysis.DraftDiff.ResourceChange;
import java.util.List;

/** A unified YAML diff of one resource change, as {@code diff -u} would print it. */
public final class ResourceDiffText {
    private static final int CONTEXT = 3;

    private ResourceDiffText() {}

    public static String of(ResourceChange change) {
        List<String> before = lines(change.before() == null ? "" : YamlWriter.toYaml(change.before()));
        List<String> after = lines(change.after() == null ? "" : YamlWriter.toYaml(change.after()));
        Patch<String> patch = DiffUtils.diff(before, after);
        String from = change.before() == null ? "/dev/null" : "current/" + change.key();
        String to = change.after() == null ? "/dev/null" : "draft/" + change.key();
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(from, to, before, patch, CONTEXT)) + "\n";
    }

    private static List<String> lines(String text) {
        return text.isEmpty()
                ? List.of()
                : List.of(text.split("\n", -1)).subList(0, text.split("\n", -1).length - (text.endsWith("\n") ? 1 : 0));
    }
}
