package dev.trustmap.engine;

import dev.trustmap.istio.Clause;
import dev.trustmap.istio.RequestPrincipalMatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The attributes of one request as the destination's proxy sees them. Each lookup answers with the values, null
 * when the attribute is absent (no mTLS peer, no header), or {@link #UNKNOWN} when the request does not say.
 */
final class RequestContext {
    /** Marker for "the request does not say"; compared by identity. */
    static final List<String> UNKNOWN = new ArrayList<>();

    final boolean tcp;
    private final List<String> principal;
    private final List<String> peerNamespace;
    private final List<String> peerServiceAccount;
    private final List<String> sourceIp;
    private final List<String> remoteIp;
    private final List<String> destinationIp;
    private final List<String> destinationPort;
    private final List<String> sni;
    private final List<String> host;
    private final List<String> method;
    private final List<String> path;
    private final Map<String, String> headers;
    private final JwtOutcome jwt;

    RequestContext(Builder b) {
        this.tcp = b.tcp;
        this.principal = b.principal == null ? null : List.of(b.principal);
        this.peerNamespace = b.peerNamespace == null ? null : List.of(b.peerNamespace);
        this.peerServiceAccount = b.peerServiceAccount == null ? null : List.of(b.peerServiceAccount);
        this.sourceIp = known(b.sourceIp);
        this.remoteIp = known(b.remoteIp);
        this.destinationIp = known(b.destinationIp);
        this.destinationPort = List.of(String.valueOf(b.destinationPort));
        this.sni = b.sni == null ? null : List.of(b.sni);
        this.host = known(b.host);
        this.method = known(b.method);
        this.path = known(b.path);
        this.headers = b.headers;
        this.jwt = b.jwt;
    }

    /** An edge's context from attribute lists prepared once per client and per destination. */
    RequestContext(EdgeSource source, EdgeTarget target, boolean mtls) {
        this.tcp = target.tcp;
        this.principal = mtls ? source.principalValue : null;
        this.peerNamespace = mtls ? source.namespaceValue : null;
        this.peerServiceAccount = mtls ? source.serviceAccountValue : null;
        this.sourceIp = source.ipValue;
        this.remoteIp = target.remoteIsPeer ? source.ipValue : UNKNOWN;
        this.destinationIp = target.destinationIpValue;
        this.destinationPort = target.destinationPortValue;
        this.sni = mtls ? target.sniValue : null;
        this.host = UNKNOWN;
        this.method = target.grpc ? List.of("POST") : UNKNOWN;
        this.path = UNKNOWN;
        this.headers = null;
        this.jwt = target.token;
    }

    private static List<String> known(String value) {
        return value == null ? UNKNOWN : List.of(value);
    }

    /** The values a clause tests. */
    List<String> values(Clause clause) {
        switch (clause.attribute()) {
            case PRINCIPAL:
                return principal;
            case NAMESPACE:
                return peerNamespace;
            case SERVICE_ACCOUNT:
                return peerServiceAccount;
            case SOURCE_IP:
                return sourceIp;
            case REMOTE_IP:
                return remoteIp;
            case DESTINATION_IP:
                return destinationIp;
            case DESTINATION_PORT:
                return destinationPort;
            case SNI:
                return sni;
            case HOST:
                return host;
            case METHOD:
                return method;
            case PATH:
                return path;
            case HEADER:
                return header(clause.parameter().get(0));
            default:
                return jwtValues(clause);
        }
    }

    private List<String> header(String name) {
        if (headers == null) {
            return UNKNOWN;
        }
        String value = headers.get(name);
        return value == null ? null : List.of(value);
    }

    private List<String> jwtValues(Clause clause) {
        if (jwt.state() == JwtOutcome.State.UNKNOWN) {
            return UNKNOWN;
        }
        if (jwt.state() != JwtOutcome.State.VERIFIED) {
            return null;
        }
        Map<String, Object> claims = jwt.claims();
        switch (clause.attribute()) {
            case REQUEST_PRINCIPAL:
                return claims.get("iss") instanceof String iss && claims.get("sub") instanceof String sub
                        ? List.of(RequestPrincipalMatch.encode(iss, sub))
                        : null;
            case AUDIENCE:
                return strings(claims.get("aud"), false);
            case PRESENTER:
                return strings(claims.get("azp"), false);
            default:
                return claim(clause.parameter());
        }
    }

    private List<String> claim(List<String> claimPath) {
        Object value = jwt.claims();
        for (String step : claimPath) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(step);
        }
        boolean split = claimPath.size() == 1 && jwt.spaceDelimited().contains(claimPath.get(0));
        return strings(value, split);
    }

    /** String claims and lists of strings; Istio matches no other claim types. */
    private static List<String> strings(Object value, boolean splitOnSpaces) {
        if (value instanceof String s) {
            return splitOnSpaces ? List.of(s.trim().split("\\s+")) : List.of(s);
        }
        if (value instanceof Collection<?> list) {
            return list.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .toList();
        }
        return null;
    }

    /** Collects a request's attributes. */
    static final class Builder {
        boolean tcp;
        String principal;
        String peerNamespace;
        String peerServiceAccount;
        String sourceIp;
        String remoteIp;
        String destinationIp;
        int destinationPort;
        String sni;
        String host;
        String method;
        String path;
        Map<String, String> headers;
        JwtOutcome jwt = JwtOutcome.of(JwtOutcome.State.NONE, "no token");

        RequestContext build() {
            return new RequestContext(this);
        }
    }
}
