package dev.trustmap.engine;

import dev.trustmap.istio.JwtRule;
import dev.trustmap.istio.PolicySet;
import dev.trustmap.istio.RequestAuthnPolicy;
import dev.trustmap.mesh.Workload;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies the RequestAuthentications of a workload to a request's token. Without any, the proxy has no JWT filter
 * and ignores tokens. With some, a token in a location they read must come from one of their issuers and verify,
 * or the request is rejected with 401 before authorization; a missing token passes with no request principal.
 */
final class JwtAuthenticator {
    private static final Set<String> ALWAYS_SPLIT = Set.of("scope", "permission");

    private final PolicySet policies;
    private final Clock clock;

    JwtAuthenticator(PolicySet policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    JwtOutcome authenticate(Workload destination, Jwt jwt, boolean http) {
        List<RequestAuthnPolicy> applying = policies.requestAuthnFor(destination);
        if (jwt.state() == Jwt.State.NONE) {
            return JwtOutcome.of(JwtOutcome.State.NONE, "no token");
        }
        if (applying.isEmpty() || !http) {
            return JwtOutcome.of(JwtOutcome.State.NONE, "no RequestAuthentication applies, so the token is ignored");
        }
        List<JwtRule> readers = applying.stream()
                .flatMap(p -> p.rules().stream())
                .filter(JwtRule::readsDefaultLocation)
                .toList();
        if (readers.isEmpty()) {
            return JwtOutcome.of(JwtOutcome.State.NONE, "no jwtRule reads the Authorization header");
        }
        switch (jwt.state()) {
            case UNKNOWN:
                return JwtOutcome.of(JwtOutcome.State.UNKNOWN, "token not known");
            case UNVERIFIABLE:
                return rejected(readers.get(0).policy(), "the token cannot be verified");
            default:
                return verify(jwt, readers);
        }
    }

    private JwtOutcome verify(Jwt jwt, List<JwtRule> readers) {
        Object issuer = jwt.claims().get("iss");
        JwtRule rule = readers.stream()
                .filter(r -> r.issuer() != null && r.issuer().equals(issuer))
                .findFirst()
                .orElse(null);
        if (rule == null) {
            String which = issuer == null
                    ? "the token has no iss claim"
                    : "issuer " + issuer + " is not accepted by any" + " jwtRule";
            return rejected(readers.get(0).policy(), which);
        }
        long now = clock.instant().getEpochSecond();
        if (jwt.claims().get("exp") instanceof Number exp && exp.longValue() < now) {
            return rejected(rule.policy(), "the token expired");
        }
        if (jwt.claims().get("nbf") instanceof Number nbf && nbf.longValue() > now) {
            return rejected(rule.policy(), "the token is not valid yet (nbf)");
        }
        if (!rule.audiences().isEmpty()
                && !intersects(rule.audiences(), jwt.claims().get("aud"))) {
            return rejected(rule.policy(), "the token's audience is not one of " + rule.audiences());
        }
        Set<String> split = new HashSet<>(ALWAYS_SPLIT);
        split.addAll(rule.spaceDelimitedClaims());
        return new JwtOutcome(
                JwtOutcome.State.VERIFIED,
                jwt.claims(),
                split,
                rule.policy(),
                "token verified by RequestAuthentication " + rule.policy());
    }

    private static boolean intersects(List<String> wanted, Object aud) {
        if (aud instanceof String s) {
            return wanted.contains(s);
        }
        if (aud instanceof Collection<?> list) {
            return list.stream().anyMatch(wanted::contains);
        }
        return false;
    }

    private static JwtOutcome rejected(String policy, String why) {
        return new JwtOutcome(
                JwtOutcome.State.REJECTED,
                java.util.Map.of(),
                Set.of(),
                policy,
                "RequestAuthentication " + policy + " rejects the request with 401: " + why);
    }
}
