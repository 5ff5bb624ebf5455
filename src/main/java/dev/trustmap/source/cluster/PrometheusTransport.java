package dev.trustmap.source.cluster;

/** Sends one GET to Prometheus's HTTP API and returns the body. */
interface PrometheusTransport {

    /**
     * @param pathAndQuery e.g. {@code api/v1/query?query=...}, relative to the server's root
     * @throws TelemetryException when the server cannot be reached or answers with an error status
     */
    String get(String pathAndQuery) throws TelemetryException;

    /** Where the server is, for messages. */
    String describe();
}
