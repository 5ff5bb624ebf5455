package dev.trustmap.source.cluster;

import dev.trustmap.mesh.Traffic;
import java.time.Duration;
import java.time.Instant;

/** Where observed traffic comes from. */
public interface TelemetrySource {

    /**
     * The traffic observed over {@code window} (e.g. 1 m, 5 m, 1 h) ending at {@code at}.
     *
     * @throws TelemetryException when the source cannot be reached or refuses the query
     */
    Traffic query(Duration window, Instant at) throws TelemetryException;
}
