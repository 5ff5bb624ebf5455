package dev.trustmap.analysis.breach;

import dev.trustmap.istio.Attribute;
import dev.trustmap.istio.Clause;
import dev.trustmap.istio.ValueMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Concrete requests that satisfy one operation of a policy rule ({@code to[i].operation}): a value for each method,
 * path and host it names (wildcards filled in, e.g. {@code /api/*} becomes {@code /api/probe}), values avoiding its
 * {@code notMethods}, {@code notPaths} and {@code notHosts}, and nothing when its ports leave out the container port.
 */
final class ProbeRequests {
    static final String FILL = "probe";
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE");
    private static final List<String> PATHS = List.of("/", "/" + FILL, "/index.html");

    private ProbeRequests() {}

    /** Method, path and Host of one request. */
    record Operation(String method, String path, String host) {}

    /** The requests for an operation on {@code targetPort}; {@code host} is the Host used when it names none. */
    static List<Operation> of(List<Clause> operation, int targetPort, String host) {
        if (!all(operation, Attribute.DESTINATION_PORT, String.valueOf(targetPort))) {
            return List.of();
        }
        List<String> methods = values(operation, Attribute.METHOD, METHODS);
        List<String> paths = values(operation, Attribute.PATH, PATHS);
        List<String> hosts = values(operation, Attribute.HOST, List.of(host));
        if (methods.isEmpty() || paths.isEmpty() || hosts.isEmpty()) {
            return List.of();
        }
        // Each named value once (not every combination): enough to show which of them the attacker gets through.
        int count = Math.max(methods.size(), Math.max(paths.size(), hosts.size()));
        List<Operation> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(new Operation(
                    methods.get(i % methods.size()), paths.get(i % paths.size()), hosts.get(i % hosts.size())));
        }
        return requests;
    }

    /**
     * The values to try for one attribute: those its positive clauses name (made concrete), else the first fallback;
     * only values every clause of that attribute accepts.
     */
    private static List<String> values(List<Clause> operation, Attribute attribute, List<String> fallbacks) {
        List<Clause> clauses =
                operation.stream().filter(c -> c.attribute() == attribute).toList();
        Set<String> named = new LinkedHashSet<>();
        clauses.stream()
                .filter(c -> !c.negated())
                .flatMap(c -> c.values().stream())
                .forEach(v -> named.add(concrete(v, attribute, fallbacks.get(0))));
        List<String> candidates = named.isEmpty() ? fallbacks : List.copyOf(named);
        List<String> accepted = candidates.stream()
                .filter(v -> v != null && all(clauses, attribute, v))
                .toList();
        return named.isEmpty() && !accepted.isEmpty() ? List.of(accepted.get(0)) : accepted;
    }

    private static boolean all(List<Clause> clauses, Attribute attribute, String value) {
        for (Clause clause : clauses) {
            if (clause.attribute() != attribute) {
                continue;
            }
            boolean any = clause.values().stream().anyMatch(v -> v.matches(value));
            if (any == clause.negated()) {
                return false;
            }
        }
        return true;
    }

    /** A value the matcher accepts: its exact value, or its pattern with the wildcard filled in; null when none. */
    private static String concrete(ValueMatcher matcher, Attribute attribute, String fallback) {
        String raw = matcher.raw();
        String value;
        if (raw.equals("*")) {
            value = fallback;
        } else if (raw.contains("{*}") || raw.contains("{**}")) {
            value = raw.replace("{**}", FILL).replace("{*}", FILL);
        } else if (raw.startsWith("*")) {
            value = (attribute == Attribute.PATH ? "/" + FILL : FILL) + raw.substring(1);
        } else if (raw.endsWith("*")) {
            value = raw.substring(0, raw.length() - 1) + FILL;
        } else {
            value = raw;
        }
        return matcher.matches(value) ? value : null;
    }
}
