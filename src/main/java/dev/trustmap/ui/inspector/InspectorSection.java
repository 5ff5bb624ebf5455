package dev.trustmap.ui.inspector;

import java.util.List;

/** A titled block of the inspector: rows of label and value. */
public record InspectorSection(String heading, List<Row> rows) {

    public InspectorSection {
        rows = List.copyOf(rows);
    }

    /**
     * One line: what it is, and its value.
     *
     * @param edgeId the edge the row stands for, which clicking it selects; null for a plain row
     * @param policyKey the policy the row names ({@code Kind namespace/name}), which can be opened in the policy
     *     form; null for none
     */
    public record Row(String label, String value, String edgeId, String policyKey) {

        public Row(String label, String value) {
            this(label, value, null, null);
        }

        public Row(String label, String value, String edgeId) {
            this(label, value, edgeId, null);
        }
    }
}
