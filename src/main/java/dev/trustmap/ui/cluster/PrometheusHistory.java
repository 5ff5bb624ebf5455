package dev.trustmap.ui.cluster;

import dev.trustmap.mesh.Traffic;
import dev.trustmap.source.cluster.TelemetryException;
import dev.trustmap.source.cluster.TelemetrySource;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.TrafficHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A cluster's traffic for least-privilege drafts: Prometheus asked for the chosen window when the user picks it (the
 * same queries as the live graph, over a longer range), limited to the namespaces shown.
 */
final class PrometheusHistory implements TrafficHistory {
    static final List<Duration> WINDOWS = List.of(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofHours(24));

    private final TelemetrySource telemetry;
    private final Supplier<Set<String>> hidden;
    private final Messages messages;

    PrometheusHistory(TelemetrySource telemetry, Supplier<Set<String>> hidden, Messages messages) {
        this.telemetry = telemetry;
        this.hidden = hidden;
        this.messages = messages;
    }

    @Override
    public String description() {
        return messages.get("generate.traffic.prometheus");
    }

    @Override
    public List<Duration> windows() {
        return WINDOWS;
    }

    @Override
    public Duration preferredWindow() {
        return WINDOWS.get(1);
    }

    @Override
    public Traffic observe(Duration window, Instant now) throws TelemetryException {
        return ClusterFeed.shown(telemetry.query(window, now), hidden.get());
    }
}
