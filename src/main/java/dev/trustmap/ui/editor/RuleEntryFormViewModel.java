package dev.trustmap.ui.editor;

import dev.trustmap.ui.editor.RuleFormViewModel.Field;
import io.fabric8.istio.api.api.security.v1beta1.Operation;
import io.fabric8.istio.api.api.security.v1beta1.RuleFrom;
import io.fabric8.istio.api.api.security.v1beta1.RuleTo;
import io.fabric8.istio.api.api.security.v1beta1.Source;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One entry of a rule's {@code from} (a source: principals, namespaces and their negations) or {@code to} (an
 * operation: ports, methods, paths). Entries are ORed; each is written back as loaded until one of its shown fields
 * changes, and an entry left with nothing in it is dropped.
 */
public final class RuleEntryFormViewModel {
    private static final Set<Field> FROM = EnumSet.range(Field.PRINCIPALS, Field.NOT_NAMESPACES);
    private static final Set<Field> TO = EnumSet.range(Field.PORTS, Field.PATHS);

    private final boolean from;
    private final boolean loaded;
    private final Object original;
    private final Map<Field, StringProperty> texts = new EnumMap<>(Field.class);
    private final Set<Field> locked = EnumSet.noneOf(Field.class);

    private RuleEntryFormViewModel(boolean from, boolean loaded, Object original) {
        this.from = from;
        this.loaded = loaded;
        this.original = original;
        for (Field field : fields()) {
            List<String> values = read(field, part(original));
            texts.put(field, new SimpleStringProperty(FormFields.join(values)));
            if (FormFields.unsafeInText(values)) {
                locked.add(field);
            }
        }
    }

    /** A new, empty source of {@code from}. */
    static RuleEntryFormViewModel emptySource() {
        return new RuleEntryFormViewModel(true, false, null);
    }

    /** A new, empty operation of {@code to}. */
    static RuleEntryFormViewModel emptyOperation() {
        return new RuleEntryFormViewModel(false, false, null);
    }

    /** A loaded entry of {@code from} (may be null, as YAML allows). */
    static RuleEntryFormViewModel of(RuleFrom entry) {
        return new RuleEntryFormViewModel(true, true, entry);
    }

    /** A loaded entry of {@code to} (may be null, as YAML allows). */
    static RuleEntryFormViewModel of(RuleTo entry) {
        return new RuleEntryFormViewModel(false, true, entry);
    }

    /** Whether this is a source of {@code from}; otherwise an operation of {@code to}. */
    public boolean isSource() {
        return from;
    }

    /** The fields this entry shows, in form order. */
    public Set<Field> fields() {
        return from ? FROM : TO;
    }

    private static Object part(Object entry) {
        if (entry instanceof RuleFrom f) {
            return f.getSource();
        }
        return entry instanceof RuleTo t ? t.getOperation() : null;
    }

    private static List<String> read(Field field, Object part) {
        if (part instanceof Source source) {
            return FormFields.orEmpty(
                    switch (field) {
                        case PRINCIPALS -> source.getPrincipals();
                        case NOT_PRINCIPALS -> source.getNotPrincipals();
                        case NAMESPACES -> source.getNamespaces();
                        case NOT_NAMESPACES -> source.getNotNamespaces();
                        default -> null;
                    });
        }
        if (part instanceof Operation operation) {
            return FormFields.orEmpty(
                    switch (field) {
                        case PORTS -> operation.getPorts();
                        case METHODS -> operation.getMethods();
                        case PATHS -> operation.getPaths();
                        default -> null;
                    });
        }
        return List.of();
    }

    private static void write(Field field, Object part, List<String> values) {
        List<String> value = values.isEmpty() ? null : values;
        if (part instanceof Source source) {
            switch (field) {
                case PRINCIPALS -> source.setPrincipals(value);
                case NOT_PRINCIPALS -> source.setNotPrincipals(value);
                case NAMESPACES -> source.setNamespaces(value);
                case NOT_NAMESPACES -> source.setNotNamespaces(value);
                default -> throw new IllegalArgumentException(field.name());
            }
        } else {
            Operation operation = (Operation) part;
            switch (field) {
                case PORTS -> operation.setPorts(value);
                case METHODS -> operation.setMethods(value);
                case PATHS -> operation.setPaths(value);
                default -> throw new IllegalArgumentException(field.name());
            }
        }
    }

    private boolean changed() {
        Object part = part(original);
        for (Field field : fields()) {
            if (!locked.contains(field)
                    && !FormFields.split(texts.get(field).get()).equals(read(field, part))) {
                return true;
            }
        }
        return false;
    }

    /** Whether this stands for a null the loaded list held ({@code - } alone in YAML), written back as it was. */
    boolean isLoadedNull() {
        return loaded && original == null && !changed();
    }

    /** Whether the entry as typed holds nothing, so {@link #toEntry} drops it. */
    public boolean isEmpty() {
        return toEntry() == null;
    }

    /**
     * The entry as typed: the loaded one (a copy) while no shown field changed; otherwise the loaded one with the
     * typed fields written, or null when that leaves nothing in it.
     */
    Object toEntry() {
        if (!changed()) {
            return loaded ? FormFields.copy(original) : null;
        }
        Object entry = original == null ? (from ? new RuleFrom() : new RuleTo()) : FormFields.copy(original);
        Object part = part(entry);
        if (part == null) {
            part = from ? new Source() : new Operation();
        }
        for (Field field : fields()) {
            List<String> typed = FormFields.split(texts.get(field).get());
            if (!locked.contains(field) && !typed.equals(read(field, part))) {
                write(field, part, typed);
            }
        }
        Object written = FormFields.isEmpty(part) ? null : part;
        if (entry instanceof RuleFrom f) {
            f.setSource((Source) written);
        } else {
            ((RuleTo) entry).setOperation((Operation) written);
        }
        return FormFields.isEmpty(entry) ? null : entry;
    }

    /** Paths (under {@code at}, e.g. {@code spec.rules[0].from[1]}) of what the entry holds beyond what is shown. */
    List<String> kept(String at) {
        if (original == null) {
            return List.of();
        }
        String inner = from ? "source" : "operation";
        List<String> out = new ArrayList<>(FormFields.others(original, Set.of(inner), at));
        Set<String> names = new HashSet<>();
        fields().stream().filter(f -> !locked.contains(f)).forEach(f -> names.add(f.yaml()));
        out.addAll(FormFields.others(part(original), names, at + "." + inner));
        return out;
    }

    Observable[] observables() {
        return texts.values().toArray(Observable[]::new);
    }

    public StringProperty text(Field field) {
        StringProperty text = texts.get(field);
        if (text == null) {
            throw new IllegalArgumentException(field + " is not a field of this entry");
        }
        return text;
    }

    /** Whether the form cannot show this field's values faithfully (a value with a comma): kept as loaded. */
    public boolean isLocked(Field field) {
        return locked.contains(field);
    }
}
