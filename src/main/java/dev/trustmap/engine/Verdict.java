package dev.trustmap.engine;

/**
 * The engine's whole answer for one request: the connection, then (if it was established) the authorization
 * decision. A broken connection is always denied.
 */
public record Verdict(ConnectionResult connection, AuthzResult authz) {

    public Decision decision() {
        return authz.decision();
    }

    public boolean mtls() {
        return connection.mtls();
    }

    /** The HTTP status a client would see; 503 or 0 when the connection broke. */
    public int httpStatus() {
        return authz.httpStatus();
    }
}
