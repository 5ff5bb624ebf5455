package dev.trustmap.source.cluster;

import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Protocol;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.ServicePort;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.mesh.Workload;
import dev.trustmap.source.cluster.PrometheusClient.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sums Istio metric series into traffic edges. {@code source_workload="unknown"} is traffic from outside the mesh
 * (an edge without a source); {@code destination_service_name} may be a short name or a cluster-local host name and
 * becomes the Service name. Istio's metrics have no port label: the port is the first port of the Service whose
 * protocol fits the edge's (HTTP and gRPC on HTTP-family or unnamed ports, TCP on the others), else its first port,
 * else the workload's first container port, else 0.
 */
final class EdgeAccumulator {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeAccumulator.class);
    private static final String UNKNOWN = "unknown";
    private static final String MTLS = "mutual_tls";

    private final MeshSnapshot snapshot;
    private final Map<Key, Sums> edges = new LinkedHashMap<>();

    EdgeAccumulator(MeshSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    private record Key(String srcNs, String srcWl, String dstNs, String dstWl, String service, Protocol protocol) {}

    private static final class Sums {
        double total;
        double mtls;
        double bytes;
        double bytesMtls;
        final Map<Integer, Double> codes = new LinkedHashMap<>();
    }

    void addRequests(Sample sample) {
        Protocol protocol = "grpc".equals(sample.label("request_protocol")) ? Protocol.GRPC : Protocol.HTTP;
        Sums sums = sums(sample, protocol);
        if (sums != null) {
            sums.total += sample.value();
            sums.mtls += mtls(sample) ? sample.value() : 0;
            sums.codes.merge(code(sample.label("response_code")), sample.value(), Double::sum);
        }
    }

    void addConnections(Sample sample) {
        Sums sums = sums(sample, Protocol.TCP);
        if (sums != null) {
            sums.total += sample.value();
            sums.mtls += mtls(sample) ? sample.value() : 0;
        }
    }

    void addBytes(Sample sample) {
        Sums sums = sums(sample, Protocol.TCP);
        if (sums != null) {
            sums.bytes += sample.value();
            sums.bytesMtls += mtls(sample) ? sample.value() : 0;
        }
    }

    /** The edges with traffic: requests or new connections per second, or bytes flowing on open connections. */
    List<TrafficEdge> edges() {
        List<TrafficEdge> result = new ArrayList<>();
        edges.forEach((key, sums) -> {
            if (sums.total <= 0 && sums.bytes <= 0) {
                return;
            }
            double share = sums.total > 0 ? sums.mtls / sums.total : sums.bytesMtls / sums.bytes;
            result.add(new TrafficEdge(
                    key.srcNs(),
                    key.srcWl(),
                    key.dstNs(),
                    key.dstWl(),
                    key.service(),
                    port(key),
                    key.protocol(),
                    sums.total,
                    key.protocol() == Protocol.TCP ? Map.of() : sums.codes,
                    share,
                    Set.of(),
                    Set.of()));
        });
        return result;
    }

    private Sums sums(Sample sample, Protocol protocol) {
        String dstWl = sample.label("destination_workload");
        if (dstWl.isEmpty() || UNKNOWN.equals(dstWl)) {
            LOG.debug("Series without a destination workload skipped: {}", sample.labels());
            return null;
        }
        String srcWl = sample.label("source_workload");
        boolean outside = srcWl.isEmpty() || UNKNOWN.equals(srcWl);
        Key key = new Key(
                outside ? null : sample.label("source_workload_namespace"),
                outside ? null : srcWl,
                sample.label("destination_workload_namespace"),
                dstWl,
                serviceName(sample.label("destination_service_name")),
                protocol);
        return edges.computeIfAbsent(key, k -> new Sums());
    }

    /** {@code reviews} or {@code reviews.bookinfo.svc.cluster.local} → {@code reviews}; passthrough → null. */
    static String serviceName(String label) {
        if (label.isEmpty()
                || UNKNOWN.equals(label)
                || label.contains("PassthroughCluster")
                || label.contains("BlackHoleCluster")) {
            return null;
        }
        int dot = label.indexOf('.');
        return dot < 0 ? label : label.substring(0, dot);
    }

    private static boolean mtls(Sample sample) {
        return MTLS.equals(sample.label("connection_security_policy"));
    }

    private static int code(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private int port(Key key) {
        if (key.service() != null) {
            Service service = snapshot.service(key.dstNs(), key.service()).orElse(null);
            if (service != null && !service.ports().isEmpty()) {
                return service.ports().stream()
                        .filter(p -> fits(p, key.protocol()))
                        .findFirst()
                        .orElse(service.ports().get(0))
                        .port();
            }
        }
        return snapshot.workload(key.dstNs(), key.dstWl())
                .map(Workload::ports)
                .filter(ports -> !ports.isEmpty())
                .map(ports -> ports.get(0).number())
                .orElse(0);
    }

    private static boolean fits(ServicePort port, Protocol protocol) {
        Protocol declared = port.protocol();
        if (declared == Protocol.UNKNOWN) {
            return true;
        }
        return protocol == Protocol.TCP ? !declared.isHttp() : declared.isHttp();
    }
}
