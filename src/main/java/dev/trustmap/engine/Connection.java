package dev.trustmap.engine;

import java.util.Locale;

/** How the client's proxy and the server's proxy agree on transport security. */
public enum Connection {
    /** Istio mutual TLS: the server knows the client's identity. */
    MTLS,
    /** No Istio mTLS: the server sees no peer identity. */
    PLAINTEXT,
    /** Client and server disagree on TLS; the request dies before authorization. */
    BROKEN;

    /** Lower-case name as scenario files and JSON output write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
