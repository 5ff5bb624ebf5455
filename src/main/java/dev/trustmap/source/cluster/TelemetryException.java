package dev.trustmap.source.cluster;

/**
 * Traffic could not be read from Prometheus. {@link #getMessage()} says what failed and what to do; the graph from
 * configuration stays usable without traffic.
 */
public final class TelemetryException extends Exception {

    /**
     * @param message what failed and what to do, for people
     * @param cause the underlying exception, may be null
     */
    public TelemetryException(String message, Throwable cause) {
        super(message, cause);
    }
}
