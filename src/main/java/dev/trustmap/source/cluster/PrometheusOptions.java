package dev.trustmap.source.cluster;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to reach Prometheus (or Thanos, Mimir: the same HTTP API) directly.
 *
 * @param baseUrl the server's root, e.g. {@code https://prometheus.example.com/} (a path prefix is kept)
 * @param bearerToken sent as {@code Authorization: Bearer}, or null
 * @param username for basic auth, or null
 * @param password for basic auth, or null
 * @param caFile PEM certificates to trust for HTTPS instead of the JDK's, or null
 * @param timeout for one query
 */
public record PrometheusOptions(
        URI baseUrl, String bearerToken, String username, String password, Path caFile, Duration timeout) {

    /** No authentication, the JDK's trust store, 10 seconds per query. */
    public static PrometheusOptions of(URI baseUrl) {
        return new PrometheusOptions(baseUrl, null, null, null, null, Duration.ofSeconds(10));
    }

    /** The same with a bearer token. */
    public PrometheusOptions withBearerToken(String token) {
        return new PrometheusOptions(baseUrl, token, username, password, caFile, timeout);
    }

    /** The same with basic auth. */
    public PrometheusOptions withBasicAuth(String user, String secret) {
        return new PrometheusOptions(baseUrl, bearerToken, user, secret, caFile, timeout);
    }

    /** The same trusting the certificates in this PEM file. */
    public PrometheusOptions withCaFile(Path file) {
        return new PrometheusOptions(baseUrl, bearerToken, username, password, file, timeout);
    }
}
