package dev.trustmap.source.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Protocol;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.source.folder.FolderSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusTelemetryTest {
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    static MeshSnapshot bookinfo() throws Exception {
        return FolderSource.load(List.of(Path.of("src/test/resources/traffic/bookinfo")))
                .snapshot();
    }

    @Nested
    class AgainstARealPrometheus {
        @TempDir
        static Path dir;

        private static PrometheusServer server;
        private static Instant start;
        private static Traffic traffic;

        @BeforeAll
        static void startPrometheus() throws Exception {
            PrometheusServer.requireBinaries();
            start = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MINUTES);
            server = PrometheusServer.start(dir, IstioMetrics.bookinfo(start));
            MeshSnapshot mesh = bookinfo();
            PrometheusTelemetry telemetry =
                    new PrometheusTelemetry(PrometheusClient.direct(PrometheusOptions.of(server.url())), () -> mesh);
            traffic = telemetry.query(FIVE_MINUTES, start.plus(Duration.ofMinutes(12)));
        }

        @AfterAll
        static void stopPrometheus() throws InterruptedException {
            if (server != null) {
                server.close();
            }
        }

        private TrafficEdge edge(String from, String to) {
            return traffic.edges().stream()
                    .filter(e -> e.sourceId().equals(from) && e.destinationId().equals(to))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no edge " + from + " -> " + to + " in " + traffic));
        }

        @Test
        void countsDestinationReportsOnceWithRatesAndCodes() {
            TrafficEdge reviews = edge("bookinfo/productpage-v1", "bookinfo/reviews-v1");

            assertThat(reviews.requestsPerSecond()).isCloseTo(11.0, within(0.01));
            assertThat(reviews.responseCodes().get(200)).isCloseTo(10.0, within(0.01));
            assertThat(reviews.responseCodes().get(503)).isCloseTo(1.0, within(0.01));
            assertThat(reviews.service()).isEqualTo("reviews");
            assertThat(reviews.port()).isEqualTo(9080);
            assertThat(reviews.protocol()).isEqualTo(Protocol.HTTP);
            assertThat(reviews.mtlsShare()).isCloseTo(1.0, within(0.001));
        }

        @Test
        void mtlsShareComesFromTheConnectionSecurityPolicy() {
            TrafficEdge details = edge("bookinfo/productpage-v1", "bookinfo/details-v1");

            assertThat(details.requestsPerSecond()).isCloseTo(4.0, within(0.01));
            assertThat(details.mtlsShare()).isCloseTo(0.5, within(0.001));
            assertThat(details.service()).isEqualTo("details");
        }

        @Test
        void anUnknownSourceIsTrafficFromOutside() {
            TrafficEdge outside = edge("unknown", "bookinfo/productpage-v1");

            assertThat(outside.fromOutside()).isTrue();
            assertThat(outside.requestsPerSecond()).isCloseTo(5.0, within(0.01));
            assertThat(outside.mtlsShare()).isZero();
        }

        @Test
        void tcpEdgesCountOpenedConnections() {
            TrafficEdge mysql = edge("bookinfo/ratings-v1", "bookinfo/mysqldb-v1");

            assertThat(mysql.protocol()).isEqualTo(Protocol.TCP);
            assertThat(mysql.requestsPerSecond()).isCloseTo(0.5, within(0.01));
            assertThat(mysql.mtlsShare()).isCloseTo(1.0, within(0.001));
            assertThat(mysql.responseCodes()).isEmpty();
            assertThat(mysql.service()).isEqualTo("mysqldb");
        }

        @Test
        void hasExactlyTheEdgesOfTheMetrics() {
            assertThat(traffic.edges()).hasSize(4);
        }
    }

    @Test
    void aStoppedPrometheusIsASentenceAndTheGraphStillWorks() throws Exception {
        URI nowhere = URI.create("http://127.0.0.1:" + PrometheusServer.freePort() + "/");
        MeshSnapshot mesh = bookinfo();
        PrometheusTelemetry telemetry =
                new PrometheusTelemetry(PrometheusClient.direct(PrometheusOptions.of(nowhere)), () -> mesh);

        assertThatThrownBy(() -> telemetry.query(FIVE_MINUTES, Instant.now()))
                .isInstanceOf(TelemetryException.class)
                .hasMessageStartingWith("Prometheus at " + nowhere + " cannot be reached")
                .hasMessageContaining("The graph shows the configuration without traffic");
        assertThat(Assessment.of(Engine.of(mesh), Traffic.none()).edges()).isEmpty();
        assertThat(mesh.workloads()).isNotEmpty();
    }

    @Test
    void serviceHostNamesBecomeServiceNames() {
        assertThat(EdgeAccumulator.serviceName("reviews.bookinfo.svc.cluster.local"))
                .isEqualTo("reviews");
        assertThat(EdgeAccumulator.serviceName("reviews")).isEqualTo("reviews");
        assertThat(EdgeAccumulator.serviceName("InboundPassthroughClusterIpv4")).isNull();
        assertThat(EdgeAccumulator.serviceName("unknown")).isNull();
    }
}
