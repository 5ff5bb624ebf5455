package dev.trustmap.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.source.cluster.IstioMetrics;
import dev.trustmap.source.cluster.PrometheusClient;
import dev.trustmap.source.cluster.PrometheusOptions;
import dev.trustmap.source.cluster.PrometheusServer;
import dev.trustmap.source.cluster.PrometheusTelemetry;
import dev.trustmap.source.folder.FolderSource;
import dev.trustmap.ui.common.Messages;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cluster's traffic for least-privilege drafts, from a real Prometheus over backfilled Istio metrics. */
class PrometheusHistoryTest {
    @TempDir
    static Path dir;

    private static PrometheusServer server;
    private static Instant start;
    private static MeshSnapshot mesh;

    private final AtomicReference<Set<String>> hidden = new AtomicReference<>(Set.of());

    @BeforeAll
    static void startPrometheus() throws Exception {
        PrometheusServer.requireBinaries();
        start = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES);
        server = PrometheusServer.start(dir, IstioMetrics.bookinfo(start));
        mesh = FolderSource.load(List.of(Path.of("src/test/resources/traffic/bookinfo")))
                .snapshot();
    }

    @AfterAll
    static void stopPrometheus() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    private PrometheusHistory history() throws Exception {
        PrometheusTelemetry telemetry =
                new PrometheusTelemetry(PrometheusClient.direct(PrometheusOptions.of(server.url())), () -> mesh);
        return new PrometheusHistory(telemetry, hidden::get, Messages.load());
    }

    @Test
    void offersWindowsAndReadsTheChosenOne() throws Exception {
        PrometheusHistory history = history();

        Traffic traffic = history.observe(Duration.ofMinutes(5), start.plus(Duration.ofMinutes(12)));

        assertThat(history.windows()).containsExactly(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofHours(24));
        assertThat(history.preferredWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(history.available()).isTrue();
        assertThat(history.description()).startsWith("Prometheus");
        assertThat(traffic.edges())
                .extracting(TrafficEdge::destinationId)
                .contains("bookinfo/reviews-v1", "bookinfo/details-v1");
    }

    @Test
    void leavesOutTheNamespacesNotShown() throws Exception {
        hidden.set(Set.of("bookinfo"));

        Traffic traffic = history().observe(Duration.ofHours(1), start.plus(Duration.ofMinutes(12)));

        assertThat(traffic.edges()).noneMatch(e -> e.destinationNamespace().equals("bookinfo"));
    }
}
