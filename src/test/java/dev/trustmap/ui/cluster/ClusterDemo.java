package dev.trustmap.ui.cluster;

import dev.trustmap.source.cluster.IstioMetrics;
import dev.trustmap.source.cluster.MockCluster;
import dev.trustmap.source.cluster.PrometheusServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cluster to point the real app at, for screenshots and trying the Connect dialog by hand: the mock API server
 * with bookinfo and a real Prometheus over backfilled metrics, until killed. Run with {@code java -cp
 * "target/test-classes:target/classes:target/lib/*" dev.trustmap.ui.cluster.ClusterDemo DIR}; it writes
 * {@code DIR/kubeconfig} (context {@code demo}) and {@code DIR/prometheus-url}.
 */
public final class ClusterDemo {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterDemo.class);

    private ClusterDemo() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        MockCluster cluster = new MockCluster().load(MockCluster.BOOKINFO);
        Instant start = Instant.now().minus(Duration.ofMinutes(15));
        PrometheusServer prometheus = PrometheusServer.start(
                Files.createDirectories(dir.resolve("prometheus")), IstioMetrics.bookinfo(start));
        cluster.kubeconfig(dir.resolve("kubeconfig"), "demo");
        Files.writeString(dir.resolve("prometheus-url"), prometheus.url().toString());
        LOG.info("Cluster ready: kubeconfig {}, Prometheus {}", dir.resolve("kubeconfig"), prometheus.url());
        Thread.sleep(Long.MAX_VALUE);
    }
}
