package dev.trustmap.istio;

import java.util.List;
import java.util.Map;

/**
 * A compiled RequestAuthentication.
 *
 * @param selector {@code spec.selector.matchLabels}, or null
 */
public record RequestAuthnPolicy(String namespace, String name, Map<String, String> selector, List<JwtRule> rules) {

    public RequestAuthnPolicy {
        selector = selector == null || selector.isEmpty() ? null : Map.copyOf(selector);
        rules = List.copyOf(rules);
    }

    public String ref() {
        return namespace + "/" + name;
    }
}
