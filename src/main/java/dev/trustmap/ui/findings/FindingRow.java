package dev.trustmap.ui.findings;

import dev.trustmap.analysis.findings.Finding;
import java.util.List;

/**
 * A finding as the pane lists it, with the graph nodes it is about.
 *
 * @param finding what the validator found
 * @param nodes the workload node ids it names or whose behaviour it changes; empty when it names none
 */
public record FindingRow(Finding finding, List<String> nodes) {

    public FindingRow {
        nodes = List.copyOf(nodes);
    }

    public String severity() {
        return finding.severity().name();
    }

    public String code() {
        return finding.code();
    }

    public String resource() {
        return finding.resource();
    }

    public String path() {
        return finding.path();
    }

    public String message() {
        return finding.message();
    }

    public String fix() {
        return finding.fix();
    }

    /** The graph's id of the edge the finding is about, or null. */
    public String edge() {
        return finding.edge();
    }
}
