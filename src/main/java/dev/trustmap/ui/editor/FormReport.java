package dev.trustmap.ui.editor;

import dev.trustmap.ui.common.Messages;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** What the policy form says about itself, as text for its labels: status, errors, warnings, meaning, kept fields. */
public final class FormReport {
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errors = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warnings = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper meaning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper kept = new ReadOnlyStringWrapper("");

    void show(FormCheck.Result result, Messages messages) {
        status.set(result.status());
        // Rule problems are shown on their rule too; listed here as well, since the rule may be scrolled away.
        java.util.List<String> all = new java.util.ArrayList<>(result.errors());
        new java.util.TreeMap<>(result.ruleProblems())
                .forEach((index, problems) -> problems.forEach(
                        problem -> all.add(messages.get("editor.form.error.inRule", index + 1, problem))));
        errors.set(String.join("\n", all));
        warnings.set(String.join("\n", result.warnings()));
        meaning.set(result.meaning());
        kept.set(
                result.kept().isEmpty()
                        ? ""
                        : messages.get("editor.form.kept", "\n• " + String.join("\n• ", result.kept())));
    }

    /** New, or which object is edited and where it comes from. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What stops the form going into the draft, one a line. */
    public ReadOnlyStringProperty errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty warningsProperty() {
        return warnings.getReadOnlyProperty();
    }

    /** What the object the form produces does, in words. */
    public ReadOnlyStringProperty meaningProperty() {
        return meaning.getReadOnlyProperty();
    }

    /** The loaded fields the form cannot show, which saving keeps as they are. */
    public ReadOnlyStringProperty keptProperty() {
        return kept.getReadOnlyProperty();
    }
}
