package dev.trustmap.engine;

/** The authorization outcome of a request or an edge. */
public enum Decision {
    ALLOW,
    DENY,
    /** Allowed for some requests only; the verdict names the conditions. */
    CONDITIONAL
}
