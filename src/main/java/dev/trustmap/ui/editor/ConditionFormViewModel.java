package dev.trustmap.ui.editor;

import io.fabric8.istio.api.api.security.v1beta1.Condition;
import java.util.List;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One {@code when} condition of a rule in the form: a key, the values it must have, the values it must not. */
public final class ConditionFormViewModel {
    private static final Set<String> SHOWN = Set.of("key", "values", "notValues");

    private final Condition original;
    private final boolean locked;
    private final StringProperty key = new SimpleStringProperty("");
    private final StringProperty values = new SimpleStringProperty("");
    private final StringProperty notValues = new SimpleStringProperty("");

    private ConditionFormViewModel(Condition original) {
        this.original = original;
        this.locked = original != null
                && (FormFields.unsafeInText(original.getValues()) || FormFields.unsafeInText(original.getNotValues()));
        if (original != null) {
            key.set(original.getKey() == null ? "" : original.getKey());
            values.set(FormFields.join(original.getValues()));
            notValues.set(FormFields.join(original.getNotValues()));
        }
    }

    static ConditionFormViewModel empty() {
        return new ConditionFormViewModel(null);
    }

    static ConditionFormViewModel of(Condition condition) {
        return new ConditionFormViewModel(FormFields.copy(condition));
    }

    /** The condition as the form shows it; fields it does not show are kept from the loaded one. */
    Condition toCondition() {
        if (locked) {
            return FormFields.copy(original);
        }
        Condition condition = original == null ? new Condition() : FormFields.copy(original);
        String typed = key.get() == null ? "" : key.get().strip();
        condition.setKey(typed.isEmpty() ? null : typed);
        condition.setValues(written(FormFields.split(values.get()), condition.getValues()));
        condition.setNotValues(written(FormFields.split(notValues.get()), condition.getNotValues()));
        return condition;
    }

    private static List<String> written(List<String> typed, List<String> before) {
        if (typed.equals(FormFields.orEmpty(before))) {
            return before;
        }
        return typed.isEmpty() ? null : typed;
    }

    /** Paths of what the form keeps without showing: unknown fields, or the whole condition when it is locked. */
    List<String> kept(String path) {
        if (locked) {
            return List.of(path);
        }
        return FormFields.others(original, SHOWN, path);
    }

    /** Whether the form cannot show this condition's values faithfully (a value with a comma): kept as it is. */
    public boolean isLocked() {
        return locked;
    }

    Observable[] observables() {
        return new Observable[] {key, values, notValues};
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty valuesProperty() {
        return values;
    }

    public StringProperty notValuesProperty() {
        return notValues;
    }
}
