package dev.trustmap.ui.editor;

import dev.trustmap.analysis.DraftDiff;
import dev.trustmap.analysis.DraftDiff.EdgeChange;
import dev.trustmap.analysis.DraftDiff.Opening;
import dev.trustmap.analysis.DraftDiff.ResourceChange;
import dev.trustmap.export.ResourceDiffText;
import dev.trustmap.ui.common.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lines of the Changes pane and the YAML diff, from a draft diff. */
final class ChangeRows {
    private static final int MAX_OPENS = 100;

    private ChangeRows() {}

    static List<String> of(DraftDiff diff, Messages messages) {
        List<String> rows = new ArrayList<>();
        for (EdgeChange change : diff.wouldBreak()) {
            rows.add(messages.get(
                    "editor.change.wouldBreak",
                    change.edge().sourceId(),
                    change.edge().destinationId(),
                    String.valueOf(change.edge().port()),
                    String.format(Locale.ROOT, "%.1f", change.edge().requestsPerSecond())));
        }
        diff.changed().stream()
                .filter(c -> !diff.wouldBreak().contains(c))
                .forEach(c -> rows.add(messages.get(
                        "editor.change.changed",
                        c.edge().sourceId(),
                        c.edge().destinationId(),
                        String.valueOf(c.edge().port()),
                        c.before().decision(),
                        c.after().decision())));
        List<Opening> opens = diff.opens();
        opens.stream()
                .limit(MAX_OPENS)
                .forEach(o -> rows.add(messages.get(
                        "editor.change.opens",
                        o.from().id(),
                        o.to().workload().id(),
                        String.valueOf(o.to().port()),
                        o.after().decision())));
        if (opens.size() > MAX_OPENS) {
            rows.add(messages.get("editor.change.moreOpens", opens.size() - MAX_OPENS));
        }
        for (ResourceChange change : diff.resources()) {
            String what = change.before() == null ? "added" : change.after() == null ? "deleted" : "edited";
            rows.add(messages.get("editor.change.resource", change.key(), messages.get("editor.change." + what)));
        }
        return rows;
    }

    static String diffText(DraftDiff diff) {
        StringBuilder text = new StringBuilder();
        diff.resources().forEach(r -> text.append(ResourceDiffText.of(r)));
        return text.toString();
    }
}
