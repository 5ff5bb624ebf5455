package dev.trustmap.istio;

import dev.trustmap.mesh.MeshConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the string lists of a policy's sources, operations and conditions into {@link Clause}s. Throws
 * {@link IllegalArgumentException} for values Istio would reject (a bad IP, a non-numeric port, an unknown key);
 * the caller then marks the rule as skipped.
 */
final class ClauseCompiler {
    private static final String CLUSTER_LOCAL = "cluster.local";

    private final MeshConfig meshConfig;
    private final String policyNamespace;

    ClauseCompiler(MeshConfig meshConfig, String policyNamespace) {
        this.meshConfig = meshConfig;
        this.policyNamespace = policyNamespace;
    }

    /** Adds a clause for a non-empty field. */
    void add(List<Clause> out, Attribute attribute, boolean negated, List<String> values, String path) {
        add(out, attribute, List.of(), negated, values, path, null);
    }

    private void add(
            List<Clause> out,
            Attribute attribute,
            List<String> parameter,
            boolean negated,
            List<String> values,
            String path,
            String key) {
        if (values == null || values.isEmpty()) {
            return;
        }
        List<ValueMatcher> matchers = new ArrayList<>();
        for (String value : values) {
            matchers.addAll(matchersFor(attribute, value, path));
        }
        out.add(new Clause(attribute, parameter, negated, matchers, path, key));
    }

    private static IpMatch ip(String value, String path) {
        try {
            return IpMatch.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    private List<ValueMatcher> matchersFor(Attribute attribute, String value, String path) {
        switch (attribute) {
            case PRINCIPAL:
                return map(expandTrustDomain(value), v -> ValueMatcher.of(StringMatch.of(v)));
            case SERVICE_ACCOUNT:
                return List.of(exact(value.contains("/") ? value : policyNamespace + "/" + value));
            case SOURCE_IP:
            case REMOTE_IP:
            case DESTINATION_IP:
                return List.of(ValueMatcher.of(ip(value, path)));
            case DESTINATION_PORT:
                return List.of(exact(String.valueOf(port(value, path))));
            case REQUEST_PRINCIPAL:
                return List.of(new RequestPrincipalMatch(value));
            case HOST:
                return List.of(
                        value.equals("*") ? ValueMatcher.present() : ValueMatcher.of(StringMatch.ignoringCase(value)));
            case NAMESPACE:
                return List.of(ValueMatcher.of(StringMatch.anyStars(value)));
            case HEADER:
            case METHOD:
                return List.of(value.equals("*") ? ValueMatcher.present() : ValueMatcher.of(StringMatch.of(value)));
            case PATH:
                return List.of(ValueMatcher.of(StringMatch.path(value)));
            default:
                return List.of(ValueMatcher.of(StringMatch.of(value)));
        }
    }

    private static int port(String value, String path) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(path + ": port out of range: " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(path + ": not a port number: " + value, e);
        }
    }

    /**
     * Istio's trust domain migration: a principal of exactly five parts ({@code td/ns/N/sa/S}) whose trust domain
     * is {@code cluster.local}, or matches the mesh's trust domain or an alias (wildcards on either side), stands
     * for the same identity in every one of them. A trust domain written with a leading {@code *} is kept as is
     * for the domains it already covers. Anything else stays as written.
     */
    List<String> expandTrustDomain(String principal) {
        String[] parts = principal.split("/", -1);
        if (parts.length != 5 || parts[0].equals("*")) {
            return List.of(principal);
        }
        String domain = parts[0];
        List<String> local = new ArrayList<>();
        local.add(meshConfig.trustDomain());
        local.addAll(meshConfig.trustDomainAliases());
        if (!domain.equals(CLUSTER_LOCAL) && local.stream().noneMatch(d -> wildcardEither(domain, d))) {
            return List.of(principal);
        }
        String rest = principal.substring(domain.length());
        Set<String> expanded = new LinkedHashSet<>();
        for (String d : local) {
            expanded.add(suffixPattern(d, domain) ? principal : d + rest);
        }
        return List.copyOf(expanded);
    }

    private static boolean wildcardEither(String a, String b) {
        return a.equals(b)
                || b.equals("*")
                || prefixPattern(a, b)
                || prefixPattern(b, a)
                || suffixPattern(a, b)
                || suffixPattern(b, a);
    }

    private static boolean prefixPattern(String value, String pattern) {
        return pattern.endsWith("*") && value.startsWith(pattern.substring(0, pattern.length() - 1));
    }

    private static boolean suffixPattern(String value, String pattern) {
        return pattern.startsWith("*") && value.endsWith(pattern.substring(1));
    }

    private static ValueMatcher exact(String expected) {
        return new ValueMatcher() {
            @Override
            public boolean matches(String actual) {
                return expected.equals(actual);
            }

            @Override
            public String raw() {
                return expected;
            }

            @Override
            public String exactValue() {
                return expected;
            }
        };
    }

    private static <T> List<ValueMatcher> map(List<T> values, Function<T, ValueMatcher> f) {
        return values.stream().map(f).toList();
    }

    /** Adds the clause for one {@code when} condition; unknown keys throw. */
    void addCondition(List<Clause> out, String key, List<String> values, List<String> notValues, String path) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(path + ": condition without key");
        }
        if ((values == null || values.isEmpty()) && (notValues == null || notValues.isEmpty())) {
            throw new IllegalArgumentException(path + ": condition " + key + " needs values or notValues");
        }
        ConditionKey parsed = ConditionKey.parse(key, path);
        add(out, parsed.attribute(), parsed.parameter(), false, values, path + ".values", key);
        add(out, parsed.attribute(), parsed.parameter(), true, notValues, path + ".notValues", key);
    }

    /** A parsed {@code when} key. */
    record ConditionKey(Attribute attribute, List<String> parameter) {

        static ConditionKey parse(String key, String path) {
            switch (key) {
                case "source.ip":
                    return new ConditionKey(Attribute.SOURCE_IP, List.of());
                case "remote.ip":
                    return new ConditionKey(Attribute.REMOTE_IP, List.of());
                case "source.namespace":
                    return new ConditionKey(Attribute.NAMESPACE, List.of());
                case "source.principal":
                    return new ConditionKey(Attribute.PRINCIPAL, List.of());
                case "destination.ip":
                    return new ConditionKey(Attribute.DESTINATION_IP, List.of());
                case "destination.port":
                    return new ConditionKey(Attribute.DESTINATION_PORT, List.of());
                case "connection.sni":
                    return new ConditionKey(Attribute.SNI, List.of());
                case "request.auth.principal":
                    return new ConditionKey(Attribute.REQUEST_PRINCIPAL, List.of());
                case "request.auth.audiences":
                    return new ConditionKey(Attribute.AUDIENCE, List.of());
                case "request.auth.presenter":
                    return new ConditionKey(Attribute.PRESENTER, List.of());
                default:
                    return parseBracketed(key, path);
            }
        }

        private static ConditionKey parseBracketed(String key, String path) {
            if (key.startsWith("request.headers[") && key.endsWith("]")) {
                String name = key.substring("request.headers[".length(), key.length() - 1);
                return new ConditionKey(Attribute.HEADER, List.of(name.toLowerCase(Locale.ROOT)));
            }
            if (key.startsWith("request.auth.claims[") && key.endsWith("]")) {
                String inner = key.substring("request.auth.claims[".length(), key.length() - 1);
                return new ConditionKey(Attribute.CLAIM, List.of(inner.split("\\]\\[")));
            }
            throw new IllegalArgumentException(path + ": unknown condition key " + key);
        }
    }
}
