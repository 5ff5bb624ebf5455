package dev.trustmap.engine;

/** How a CUSTOM authorization provider, which the mesh cannot see into, answers a request. */
@FunctionalInterface
public interface ExternalAuthorizer {

    /** The provider's answer: TRUE allows, FALSE denies, UNKNOWN when nothing is known about it. */
    Tri allows(String provider, Request request);

    /** Whether this authorizer stands for the provider even if the mesh config does not list it. */
    default boolean knows(String provider) {
        return false;
    }

    /** Knows nothing about any provider: every request that reaches one is conditional. */
    static ExternalAuthorizer unknown() {
        return (provider, request) -> Tri.UNKNOWN;
    }
}
