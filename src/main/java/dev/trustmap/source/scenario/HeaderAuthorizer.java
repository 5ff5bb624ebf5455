package dev.trustmap.source.scenario;

import dev.trustmap.engine.ExternalAuthorizer;
import dev.trustmap.engine.Request;
import dev.trustmap.engine.Tri;
import java.util.Locale;
import java.util.Map;

/**
 * CUSTOM providers as a scenario's {@code externalAuthorizers} describe them: each allows exactly the requests
 * that carry one header with one value. Providers not listed, and requests whose headers are not known, answer
 * {@link Tri#UNKNOWN}.
 */
public final class HeaderAuthorizer implements ExternalAuthorizer {
    private final Map<String, HeaderRule> rules;

    /** Answers for the providers in {@code rules}, keyed by provider name. */
    public HeaderAuthorizer(Map<String, HeaderRule> rules) {
        this.rules = Map.copyOf(rules);
    }

    @Override
    public Tri allows(String provider, Request request) {
        HeaderRule rule = rules.get(provider);
        if (rule == null || request.headers() == null) {
            return Tri.UNKNOWN;
        }
        return Tri.of(rule.value().equals(request.headers().get(rule.name())));
    }

    /** Knows the providers the scenario describes, even when the mesh config does not list them. */
    @Override
    public boolean knows(String provider) {
        return rules.containsKey(provider);
    }

    /** The providers described, by name. */
    public Map<String, HeaderRule> rules() {
        return rules;
    }

    /**
     * {@code allowWhenHeader}: the header (name matched case-insensitively) and the exact value that allows.
     *
     * @param name the header name, stored in lower case
     * @param value the value that allows
     */
    public record HeaderRule(String name, String value) {
        public HeaderRule {
            name = name.toLowerCase(Locale.ROOT);
        }
    }
}
