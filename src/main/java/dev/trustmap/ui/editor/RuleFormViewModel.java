package dev.trustmap.ui.editor;

import io.fabric8.istio.api.api.security.v1beta1.Rule;
import io.fabric8.istio.api.api.security.v1beta1.RuleFrom;
import io.fabric8.istio.api.api.security.v1beta1.RuleTo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One rule of the AuthorizationPolicy form: every source of {@code from} (principals, namespaces and their
 * negations), every operation of {@code to} (ports, methods, paths), each a {@link RuleEntryFormViewModel}, and the
 * {@code when} conditions. What else the loaded rule holds (ipBlocks, notPaths, hosts...) is kept as it was and named
 * by {@link #kept}.
 */
public final class RuleFormViewModel {
    /** The list fields the form edits, each a comma-separated text. */
    public enum Field {
        PRINCIPALS("principals"),
        NOT_PRINCIPALS("notPrincipals"),
        NAMESPACES("namespaces"),
        NOT_NAMESPACES("notNamespaces"),
        PORTS("ports"),
        METHODS("methods"),
        PATHS("paths");

        private final String yaml;

        Field(String yaml) {
            this.yaml = yaml;
        }

        boolean inFrom() {
            return ordinal() <= NOT_NAMESPACES.ordinal();
        }

        /** The field's name in the YAML. */
        public String yaml() {
            return yaml;
        }
    }

    private static final Set<String> RULE_SHOWN = Set.of("from", "to", "when");

    private final Rule original;
    private final ObservableList<RuleEntryFormViewModel> sources =
            FXCollections.observableArrayList(RuleEntryFormViewModel::observables);
    private final ObservableList<RuleEntryFormViewModel> operations =
            FXCollections.observableArrayList(RuleEntryFormViewModel::observables);
    private final ObservableList<ConditionFormViewModel> conditions =
            FXCollections.observableArrayList(ConditionFormViewModel::observables);
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");

    private RuleFormViewModel(Rule original) {
        this.original = original;
        if (original != null) {
            FormFields.orEmpty(original.getFrom()).forEach(f -> sources.add(RuleEntryFormViewModel.of(f)));
            FormFields.orEmpty(original.getTo()).forEach(t -> operations.add(RuleEntryFormViewModel.of(t)));
            FormFields.orEmpty(original.getWhen()).forEach(c -> conditions.add(ConditionFormViewModel.of(c)));
        }
        if (sources.isEmpty()) {
            sources.add(RuleEntryFormViewModel.emptySource());
        }
        if (operations.isEmpty()) {
            operations.add(RuleEntryFormViewModel.emptyOperation());
        }
    }

    /** A new rule with nothing in it (which matches every request). */
    public static RuleFormViewModel empty() {
        return new RuleFormViewModel(null);
    }

    /** The form for a loaded rule (copied: the loaded object is never changed). */
    public static RuleFormViewModel of(Rule rule) {
        return new RuleFormViewModel(rule == null ? new Rule() : FormFields.copy(rule));
    }

    /** The rule the form describes: the loaded one with the shown fields as typed. */
    public Rule toRule() {
        Rule rule = original == null ? new Rule() : FormFields.copy(original);
        List<RuleFrom> from = new ArrayList<>();
        sources.forEach(s -> add(from, (RuleFrom) s.toEntry(), s));
        rule.setFrom(written(from, rule.getFrom()));
        List<RuleTo> to = new ArrayList<>();
        operations.forEach(o -> add(to, (RuleTo) o.toEntry(), o));
        rule.setTo(written(to, rule.getTo()));
        List<io.fabric8.istio.api.api.security.v1beta1.Condition> when = new ArrayList<>();
        conditions.forEach(c -> when.add(c.toCondition()));
        if (!when.isEmpty() || !FormFields.orEmpty(rule.getWhen()).isEmpty()) {
            rule.setWhen(when);
        }
        return rule;
    }

    /** Adds the entry unless it is dropped (null from an empty entry, not a null the loaded list held). */
    private static <T> void add(List<T> entries, T entry, RuleEntryFormViewModel form) {
        if (entry != null || form.isLoadedNull()) {
            entries.add(entry);
        }
    }

    /** The entries as typed; an empty list keeps what was loaded ({@code []} or absent). */
    private static <T> List<T> written(List<T> entries, List<T> before) {
        if (entries.isEmpty()) {
            return FormFields.orEmpty(before).isEmpty() ? before : null;
        }
        return entries;
    }

    /** Paths (under {@code at}, e.g. {@code spec.rules[1]}) of what this rule holds that the form does not show. */
    List<String> kept(String at) {
        List<String> out = new ArrayList<>(FormFields.others(original, RULE_SHOWN, at));
        for (int i = 0; i < sources.size(); i++) {
            out.addAll(sources.get(i).kept(at + ".from[" + i + "]"));
        }
        for (int i = 0; i < operations.size(); i++) {
            out.addAll(operations.get(i).kept(at + ".to[" + i + "]"));
        }
        for (int i = 0; i < conditions.size(); i++) {
            out.addAll(conditions.get(i).kept(at + ".when[" + i + "]"));
        }
        return out;
    }

    /** Whether the rule as typed has no from, no to and no when: it matches every request. */
    public boolean matchesEverything() {
        Rule rule = toRule();
        return FormFields.orEmpty(rule.getFrom()).isEmpty()
                && FormFields.orEmpty(rule.getTo()).isEmpty()
                && FormFields.orEmpty(rule.getWhen()).isEmpty();
    }

    public void addCondition() {
        conditions.add(ConditionFormViewModel.empty());
    }

    public void removeCondition(ConditionFormViewModel condition) {
        conditions.remove(condition);
    }

    /** Adds an empty source to {@code from} (ORed with the others); dropped if left empty. */
    public RuleEntryFormViewModel addSource() {
        RuleEntryFormViewModel source = RuleEntryFormViewModel.emptySource();
        sources.add(source);
        return source;
    }

    /** Adds an empty operation to {@code to} (ORed with the others); dropped if left empty. */
    public RuleEntryFormViewModel addOperation() {
        RuleEntryFormViewModel operation = RuleEntryFormViewModel.emptyOperation();
        operations.add(operation);
        return operation;
    }

    /** Removes a source or an operation; the last one of either is replaced by an empty one, as the form shows one. */
    public void removeEntry(RuleEntryFormViewModel entry) {
        ObservableList<RuleEntryFormViewModel> entries = entry.isSource() ? sources : operations;
        int index = entries.indexOf(entry);
        if (index < 0) {
            return;
        }
        if (entries.size() == 1) {
            entries.set(
                    0,
                    entry.isSource() ? RuleEntryFormViewModel.emptySource() : RuleEntryFormViewModel.emptyOperation());
        } else {
            entries.remove(index);
        }
    }

    Observable[] observables() {
        return new Observable[] {sources, operations, conditions};
    }

    void problems(String text) {
        problems.set(text);
    }

    /** A field of the first source (for a {@code from} field) or the first operation (for a {@code to} field). */
    public StringProperty text(Field field) {
        return first(field).text(field);
    }

    /** Whether the first entry cannot show this field's values faithfully (a value with a comma): kept as loaded. */
    public boolean isLocked(Field field) {
        return first(field).isLocked(field);
    }

    private RuleEntryFormViewModel first(Field field) {
        return field.inFrom() ? sources.get(0) : operations.get(0);
    }

    /** The sources of {@code from}, ORed; always at least one. */
    public ObservableList<RuleEntryFormViewModel> sources() {
        return sources;
    }

    /** The operations of {@code to}, ORed; always at least one. */
    public ObservableList<RuleEntryFormViewModel> operations() {
        return operations;
    }

    public ObservableList<ConditionFormViewModel> conditions() {
        return conditions;
    }

    /** What is wrong with this rule as typed, one problem a line; empty when nothing is. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }
}
