package dev.trustmap.istio;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One field of a source, operation or condition: the attribute it tests, the values (ORed), and whether it is
 * the negated form ({@code notPrincipals}, {@code notValues}...).
 *
 * @param attribute what is tested
 * @param parameter the header name or claim path for {@link Attribute#HEADER} and {@link Attribute#CLAIM}
 * @param negated whether the clause matches when no value does
 * @param values the policy values, ORed
 * @param path where the field sits in the policy, e.g. {@code spec.rules[0].from[1].source.notPrincipals}
 * @param key for a {@code when} condition, its key ({@code request.headers[x-token]}); null otherwise
 */
public record Clause(
        Attribute attribute,
        List<String> parameter,
        boolean negated,
        List<ValueMatcher> values,
        String path,
        String key) {

    public Clause {
        parameter = parameter == null ? List.of() : List.copyOf(parameter);
        values = List.copyOf(values);
    }

    /** The field for people: its path, with the key of a condition. */
    public String describeField(String shortPath) {
        return key == null ? shortPath : shortPath + " (" + key + ")";
    }

    /** The values as written, for explanations: {@code [GET, POST]}. */
    public String describeValues() {
        return values.stream().map(ValueMatcher::raw).collect(Collectors.joining(", ", "[", "]"));
    }
}
