package dev.trustmap.ui.editor;

import io.fabric8.istio.api.api.security.v1beta1.Operation;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import io.fabric8.istio.api.api.security.v1beta1.RuleFrom;
import io.fabric8.istio.api.api.security.v1beta1.RuleTo;
import io.fabric8.istio.api.api.security.v1beta1.Source;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One rule of the AuthorizationPolicy form: the first source of {@code from} (principals, namespaces and their
 * negations), the first operation of {@code to} (ports, methods, paths) and the {@code when} conditions. What else
 * the loaded rule holds (more sources, ipBlocks, notPaths, hosts...) is kept as it was and named by {@link #kept}.
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

    private static final Set<Field> FROM = EnumSet.range(Field.PRINCIPALS, Field.NOT_NAMESPACES);
    private static final Set<Field> TO = EnumSet.range(Field.PORTS, Field.PATHS);
    private static final Set<String> RULE_SHOWN = Set.of("from", "to", "when");

    private final Rule original;
    private final Map<Field, StringProperty> texts = new EnumMap<>(Field.class);
    private final Set<Field> locked = EnumSet.noneOf(Field.class);
    private final ObservableList<ConditionFormViewModel> conditions =
            FXCollections.observableArrayList(ConditionFormViewModel::observables);
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");

    private RuleFormViewModel(Rule original) {
        this.original = original;
        for (Field field : Field.values()) {
            List<String> values = read(field, source(original), operation(original));
            texts.put(field, new SimpleStringProperty(FormFields.join(values)));
            if (FormFields.unsafeInText(values)) {
                locked.add(field);
            }
        }
        if (original != null && original.getWhen() != null) {
            original.getWhen().forEach(c -> conditions.add(ConditionFormViewModel.of(c)));
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

    // TODO(#5): only the first source of from and the first operation of to are editable; further entries (ORed
    // alternatives) are kept as they are and listed, and need the YAML tab.
    private static Source source(Rule rule) {
        if (rule == null
                || rule.getFrom() == null
                || rule.getFrom().isEmpty()
                || rule.getFrom().get(0) == null) {
            return null;
        }
        return rule.getFrom().get(0).getSource();
    }

    private static Operation operation(Rule rule) {
        if (rule == null
                || rule.getTo() == null
                || rule.getTo().isEmpty()
                || rule.getTo().get(0) == null) {
            return null;
        }
        return rule.getTo().get(0).getOperation();
    }

    private static List<String> read(Field field, Source source, Operation operation) {
        if (field.inFrom() ? source == null : operation == null) {
            return List.of();
        }
        return FormFields.orEmpty(
                switch (field) {
                    case PRINCIPALS -> source.getPrincipals();
                    case NOT_PRINCIPALS -> source.getNotPrincipals();
                    case NAMESPACES -> source.getNamespaces();
                    case NOT_NAMESPACES -> source.getNotNamespaces();
                    case PORTS -> operation.getPorts();
                    case METHODS -> operation.getMethods();
                    case PATHS -> operation.getPaths();
                });
    }

    private static void write(Field field, Source source, Operation operation, List<String> values) {
        List<String> value = values.isEmpty() ? null : values;
        switch (field) {
            case PRINCIPALS -> source.setPrincipals(value);
            case NOT_PRINCIPALS -> source.setNotPrincipals(value);
            case NAMESPACES -> source.setNamespaces(value);
            case NOT_NAMESPACES -> source.setNotNamespaces(value);
            case PORTS -> operation.setPorts(value);
            case METHODS -> operation.setMethods(value);
            case PATHS -> operation.setPaths(value);
            default -> throw new IllegalArgumentException(field.name());
        }
    }

    /** The rule the form describes: the loaded one with the shown fields as typed. */
    public Rule toRule() {
        Rule rule = original == null ? new Rule() : FormFields.copy(original);
        writeFrom(rule);
        writeTo(rule);
        List<io.fabric8.istio.api.api.security.v1beta1.Condition> when = new ArrayList<>();
        conditions.forEach(c -> when.add(c.toCondition()));
        if (!when.isEmpty() || !FormFields.orEmpty(rule.getWhen()).isEmpty()) {
            rule.setWhen(when);
        }
        return rule;
    }

    private void writeFrom(Rule rule) {
        Source source = source(rule) == null ? new Source() : source(rule);
        if (!writeChanged(FROM, source, null)) {
            return;
        }
        List<RuleFrom> from = rule.getFrom() == null ? new ArrayList<>() : new ArrayList<>(rule.getFrom());
        if (FormFields.isEmpty(source)) {
            from.remove(0);
        } else if (from.isEmpty() || from.get(0) == null) {
            from.add(0, new RuleFrom(source));
            from.remove(null);
        } else {
            from.get(0).setSource(source);
        }
        rule.setFrom(from.isEmpty() ? null : from);
    }

    private void writeTo(Rule rule) {
        Operation operation = operation(rule) == null ? new Operation() : operation(rule);
        if (!writeChanged(TO, null, operation)) {
            return;
        }
        List<RuleTo> to = rule.getTo() == null ? new ArrayList<>() : new ArrayList<>(rule.getTo());
        if (FormFields.isEmpty(operation)) {
            to.remove(0);
        } else if (to.isEmpty() || to.get(0) == null) {
            to.add(0, new RuleTo(operation));
            to.remove(null);
        } else {
            to.get(0).setOperation(operation);
        }
        rule.setTo(to.isEmpty() ? null : to);
    }

    /** Writes the typed fields that differ from what the part holds; whether any did. */
    private boolean writeChanged(Set<Field> fields, Source source, Operation operation) {
        boolean changed = false;
        for (Field field : fields) {
            List<String> typed = FormFields.split(texts.get(field).get());
            if (!locked.contains(field) && !typed.equals(read(field, source, operation))) {
                write(field, source, operation, typed);
                changed = true;
            }
        }
        return changed;
    }

    /** Paths (under {@code at}, e.g. {@code spec.rules[1]}) of what this rule holds that the form does not show. */
    List<String> kept(String at) {
        List<String> out = new ArrayList<>(FormFields.others(original, RULE_SHOWN, at));
        if (original != null) {
            keptEntries(out, original.getFrom(), at + ".from", "source", FROM);
            keptEntries(out, original.getTo(), at + ".to", "operation", TO);
        }
        for (int i = 0; i < conditions.size(); i++) {
            out.addAll(conditions.get(i).kept(at + ".when[" + i + "]"));
        }
        return out;
    }

    private void keptEntries(List<String> out, List<?> entries, String at, String inner, Set<Field> shown) {
        if (entries == null) {
            return;
        }
        for (int i = 0; i < entries.size(); i++) {
            String path = at + "[" + i + "]";
            if (i > 0) {
                out.add(path);
                continue;
            }
            Object entry = entries.get(0);
            out.addAll(FormFields.others(entry, Set.of(inner), path));
            Object part = entry instanceof RuleFrom f ? f.getSource() : ((RuleTo) entry).getOperation();
            Set<String> names = new java.util.HashSet<>();
            shown.stream().filter(f -> !locked.contains(f)).forEach(f -> names.add(f.yaml()));
            out.addAll(FormFields.others(part, names, path + "." + inner));
        }
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

    Observable[] observables() {
        List<Observable> all = new ArrayList<>(texts.values());
        all.add(conditions);
        return all.toArray(Observable[]::new);
    }

    void problems(String text) {
        problems.set(text);
    }

    public StringProperty text(Field field) {
        return texts.get(field);
    }

    /** Whether the form cannot show this field's values faithfully (a value with a comma): kept as loaded. */
    public boolean isLocked(Field field) {
        return locked.contains(field);
    }

    public ObservableList<ConditionFormViewModel> conditions() {
        return conditions;
    }

    /** What is wrong with this rule as typed, one problem a line; empty when nothing is. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }
}
