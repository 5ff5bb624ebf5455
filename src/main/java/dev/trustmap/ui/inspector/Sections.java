package dev.trustmap.ui.inspector;

import dev.trustmap.ui.common.Messages;
import java.util.ArrayList;
import java.util.List;

/** Collects inspector sections with labels from the bundle. */
final class Sections {
    private final Messages messages;
    private final List<InspectorSection> sections = new ArrayList<>();
    private String heading;
    private List<InspectorSection.Row> rows;

    Sections(Messages messages) {
        this.messages = messages;
    }

    Sections section(String headingKey, Object... args) {
        flush();
        heading = messages.get(headingKey, args);
        rows = new ArrayList<>();
        return this;
    }

    Sections row(String labelKey, Object value) {
        if (value != null && !String.valueOf(value).isEmpty()) {
            rows.add(new InspectorSection.Row(messages.get(labelKey), String.valueOf(value)));
        }
        return this;
    }

    /** A row whose label is data (a port, a policy), not a bundle key. */
    Sections plainRow(String label, String value) {
        rows.add(new InspectorSection.Row(label, value));
        return this;
    }

    /** A row that names a policy ({@code Kind namespace/name}), which the user can open in the policy form. */
    Sections policyRow(String labelKey, Object value, String policyKey) {
        if (value != null && !String.valueOf(value).isEmpty()) {
            rows.add(new InspectorSection.Row(messages.get(labelKey), String.valueOf(value), null, policyKey));
        }
        return this;
    }

    /** A row whose label is data (a policy's name) and that names a policy the user can open in the form. */
    Sections plainPolicyRow(String label, String value, String policyKey) {
        rows.add(new InspectorSection.Row(label, value, null, policyKey));
        return this;
    }

    /** A row for an edge: clicking it selects the edge. */
    Sections edgeRow(String label, String value, String edgeId) {
        rows.add(new InspectorSection.Row(label, value, edgeId));
        return this;
    }

    String text(String key, Object... args) {
        return messages.get(key, args);
    }

    List<InspectorSection> build() {
        flush();
        return List.copyOf(sections);
    }

    private void flush() {
        if (heading != null) {
            sections.add(new InspectorSection(heading, rows));
        }
        heading = null;
    }
}
