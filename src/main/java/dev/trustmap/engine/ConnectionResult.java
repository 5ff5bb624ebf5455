package dev.trustmap.engine;

/**
 * How a request's connection is secured, and why.
 *
 * @param connection mtls, plaintext or broken
 * @param serverMode the destination's effective PeerAuthentication mode on the target port (STRICT, PERMISSIVE,
 *     DISABLE), or NONE when it has no sidecar
 * @param peerAuthentication the PeerAuthentication that set that mode ({@code namespace/name}), or null for the
 *     default
 * @param destinationRule the DestinationRule whose TLS setting the client used ({@code namespace/name}), or null
 * @param reason one sentence for people
 */
public record ConnectionResult(
        Connection connection, String serverMode, String peerAuthentication, String destinationRule, String reason) {

    public boolean mtls() {
        return connection == Connection.MTLS;
    }
}
