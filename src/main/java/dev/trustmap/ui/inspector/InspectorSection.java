package dev.trustmap.ui.inspector;

import java.util.List;

/** A titled block of the inspector: rows of label and value. */
public record InspectorSection(String heading, List<Row> rows) {

    public InspectorSection {
        rows = List.copyOf(rows);
    }

    /** One line: what it is, and its value. */
    public record Row(String label, String value) {}
}
