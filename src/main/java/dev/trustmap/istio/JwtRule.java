package dev.trustmap.istio;

import java.util.List;

/**
 * One {@code jwtRules} entry of a RequestAuthentication.
 *
 * @param readsDefaultLocation whether it reads the token from {@code Authorization: Bearer} (no custom
 *     {@code fromHeaders}/{@code fromParams}/{@code fromCookies}, or a fromHeaders entry for it)
 * @param spaceDelimitedClaims claims split on spaces besides {@code scope} and {@code permission}
 */
public record JwtRule(
        String policy,
        String issuer,
        List<String> audiences,
        boolean readsDefaultLocation,
        List<String> spaceDelimitedClaims) {

    public JwtRule {
        audiences = List.copyOf(audiences);
        spaceDelimitedClaims = List.copyOf(spaceDelimitedClaims);
    }
}
