package dev.trustmap.istio;

/** AuthorizationPolicy actions, in the order the proxy applies them (AUDIT never decides). */
public enum Action {
    CUSTOM,
    DENY,
    ALLOW,
    AUDIT
}
