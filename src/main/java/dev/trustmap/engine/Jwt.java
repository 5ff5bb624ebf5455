package dev.trustmap.engine;

import java.util.Map;

/**
 * What a request carries as a JSON Web Token in its default location ({@code Authorization: Bearer}).
 *
 * @param state whether there is a token and whether it verifies
 * @param claims the claims of a {@link State#SIGNED} token, otherwise empty
 */
public record Jwt(State state, Map<String, Object> claims) {

    /** Whether a token is present and what can be said of it. */
    public enum State {
        /** No token. */
        NONE,
        /** A correctly signed token with known claims. */
        SIGNED,
        /** A token that cannot be verified (bad signature, garbage). */
        UNVERIFIABLE,
        /** Not known, as for an edge seen in metrics. */
        UNKNOWN
    }

    public Jwt {
        claims = claims == null ? Map.of() : Map.copyOf(claims);
    }

    public static Jwt none() {
        return new Jwt(State.NONE, Map.of());
    }

    public static Jwt unknown() {
        return new Jwt(State.UNKNOWN, Map.of());
    }

    public static Jwt unverifiable() {
        return new Jwt(State.UNVERIFIABLE, Map.of());
    }

    public static Jwt signed(Map<String, Object> claims) {
        return new Jwt(State.SIGNED, claims);
    }
}
