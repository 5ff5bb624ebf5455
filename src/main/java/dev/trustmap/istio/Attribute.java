package dev.trustmap.istio;

/**
 * A request attribute an authorization clause tests. Each knows whether Envoy only sees it on HTTP traffic;
 * on TCP traffic such a clause drops an ALLOW rule and is ignored in a DENY rule.
 */
public enum Attribute {
    /** The mTLS peer's principal ({@code principals}, {@code source.principal}). */
    PRINCIPAL(false),
    /** The mTLS peer's namespace ({@code namespaces}, {@code source.namespace}). */
    NAMESPACE(false),
    /** The mTLS peer's {@code namespace/serviceAccount} ({@code serviceAccounts}). */
    SERVICE_ACCOUNT(false),
    /** The direct peer's IP ({@code ipBlocks}, {@code source.ip}). */
    SOURCE_IP(false),
    /** The original client IP ({@code remoteIpBlocks}, {@code remote.ip}). */
    REMOTE_IP(false),
    /** The workload IP that received the request ({@code destination.ip}). */
    DESTINATION_IP(false),
    /** The container port that received the request ({@code ports}, {@code destination.port}). */
    DESTINATION_PORT(false),
    /** The SNI of the mTLS connection ({@code connection.sni}). */
    SNI(false),
    /** {@code iss/sub} of a verified JWT ({@code requestPrincipals}, {@code request.auth.principal}). */
    REQUEST_PRINCIPAL(true),
    /** The JWT audiences ({@code request.auth.audiences}). */
    AUDIENCE(true),
    /** The JWT authorized presenter, {@code azp} ({@code request.auth.presenter}). */
    PRESENTER(true),
    /** A JWT claim, possibly nested ({@code request.auth.claims[a][b]}). */
    CLAIM(true),
    /** A request header ({@code request.headers[name]}). */
    HEADER(true),
    /** The Host / :authority header ({@code hosts}). */
    HOST(true),
    /** The HTTP method ({@code methods}). */
    METHOD(true),
    /** The normalized request path without query ({@code paths}). */
    PATH(true);

    private final boolean httpOnly;

    Attribute(boolean httpOnly) {
        this.httpOnly = httpOnly;
    }

    public boolean httpOnly() {
        return httpOnly;
    }

    /** Whether the attribute only exists on an mTLS connection. */
    public boolean needsPeerIdentity() {
        return this == PRINCIPAL || this == NAMESPACE || this == SERVICE_ACCOUNT;
    }
}
