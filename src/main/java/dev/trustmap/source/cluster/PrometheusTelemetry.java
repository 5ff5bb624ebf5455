package dev.trustmap.source.cluster;

import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.source.cluster.PrometheusClient.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Observed traffic from Istio's standard metrics, as the destination's proxy reported them
 * ({@code reporter="destination"}; the client's proxy reports the same requests again). HTTP and gRPC come from
 * {@code istio_requests_total}, TCP from {@code istio_tcp_connections_opened_total} and
 * {@code istio_tcp_sent_bytes_total}.
 *
 * <p>Istio's metrics carry no port label, so an edge's port is the first port of the destination Service that speaks
 * the edge's protocol (see {@link EdgeAccumulator}); the snapshot supplies the Services.
 */
public final class PrometheusTelemetry implements TelemetrySource {
    static final String EDGE_LABELS = "source_workload, source_workload_namespace, destination_workload, "
            + "destination_workload_namespace, destination_service_name, connection_security_policy";

    private final PrometheusClient prometheus;
    private final Supplier<MeshSnapshot> snapshot;

    /**
     * @param snapshot the current mesh, for Service ports
     */
    public PrometheusTelemetry(PrometheusClient prometheus, Supplier<MeshSnapshot> snapshot) {
        this.prometheus = prometheus;
        this.snapshot = snapshot;
    }

    // TODO(#4): no refresh loop here yet; the caller polls at the chosen refresh interval.
    @Override
    public Traffic query(Duration window, Instant at) throws TelemetryException {
        String range = "[" + window.toSeconds() + "s]";
        List<Sample> requests = prometheus.query(
                "sum by (" + EDGE_LABELS + ", request_protocol, response_code) "
                        + "(rate(istio_requests_total{reporter=\"destination\"}" + range + "))",
                at);
        List<Sample> connections = prometheus.query(tcp("istio_tcp_connections_opened_total", range), at);
        List<Sample> bytes = prometheus.query(tcp("istio_tcp_sent_bytes_total", range), at);
        EdgeAccumulator edges = new EdgeAccumulator(snapshot.get());
        requests.forEach(edges::addRequests);
        connections.forEach(edges::addConnections);
        bytes.forEach(edges::addBytes);
        return new Traffic(edges.edges(), at);
    }

    private static String tcp(String metric, String range) {
        return "sum by (" + EDGE_LABELS + ") (rate(" + metric + "{reporter=\"destination\"}" + range + "))";
    }
}
