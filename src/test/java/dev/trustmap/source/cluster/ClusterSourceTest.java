package dev.trustmap.source.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.analysis.EdgeAssessment;
import dev.trustmap.engine.Decision;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Protocol;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.mesh.Workload;
import dev.trustmap.source.cluster.ClusterStatus.State;
import io.fabric8.istio.api.security.v1.AuthorizationPolicyBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ClusterSourceTest {
    private static final Duration SECOND = Duration.ofSeconds(1);

    private MockCluster cluster;
    private ClusterSource source;
    private final Updates updates = new Updates();

    @BeforeEach
    void startCluster() {
        cluster = new MockCluster();
    }

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
        cluster.close();
    }

    private ClusterSource connect() throws ClusterException {
        source = ClusterSource.connect(cluster.config(), ClusterOptions.defaults(), updates);
        return source;
    }

    private static List<String> workloadIds(ClusterUpdate update) {
        return update.snapshot().workloads().stream().map(Workload::id).toList();
    }

    @Nested
    class WithBookinfo {

        @BeforeEach
        void load() throws IOException {
            cluster.load(MockCluster.BOOKINFO);
        }

        @Test
        void deliversTheMeshOnConnect() throws Exception {
            connect();

            ClusterUpdate update = updates.latest();
            MeshSnapshot mesh = update.snapshot();
            assertThat(workloadIds(update))
                    .contains(
                            "bookinfo/productpage-v1",
                            "bookinfo/details-v1",
                            "bookinfo/ratings-v1",
                            "bookinfo/reviews-v3",
                            "bookinfo/debug-shell",
                            "istio-system/istio-ingressgateway");
            Workload details = mesh.workload("bookinfo", "details-v1").orElseThrow();
            assertThat(details.sidecar()).isTrue();
            assertThat(details.ips()).contains("10.1.0.11");
            assertThat(mesh.workload("istio-system", "istio-ingressgateway")
                            .orElseThrow()
                            .gateway())
                    .isTrue();
            assertThat(mesh.services()).hasSize(5);
            assertThat(mesh.policies()).hasSize(6);
            assertThat(mesh.meshConfig().trustDomain()).isEqualTo("cluster.local");
            assertThat(update.status().overall()).isEqualTo(State.LIVE);
            assertThat(update.status().messages()).isEmpty();
        }

        @Test
        void notesAmbientNamespaces() throws Exception {
            connect();

            assertThat(updates.latest().ambientNamespaces()).containsExactly("ambient-demo");
            assertThat(updates.latest().notes())
                    .contains("Namespace ambient-demo runs in ambient mode; its policies are not yet assessed.");
        }

        @Test
        void anAddedPolicyChangesTheEdgeVerdictWithinASecond() throws Exception {
            connect();
            assertThat(verdict(updates.latest().snapshot())).isNotEqualTo(Decision.DENY);
            Instant added = Instant.now();

            cluster.client()
                    .resource(new AuthorizationPolicyBuilder()
                            .withNewMetadata()
                            .withName("deny-reviews")
                            .withNamespace("bookinfo")
                            .endMetadata()
                            .withNewSpec()
                            .withNewSelector()
                            .addToMatchLabels("app", "ratings")
                            .endSelector()
                            .withAction(io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction.DENY)
                            .addNewRule()
                            .addNewFrom()
                            .withNewSource()
                            .addToPrincipals("cluster.local/ns/bookinfo/sa/bookinfo-reviews")
                            .endSource()
                            .endFrom()
                            .endRule()
                            .endSpec()
                            .build())
                    .create();

            ClusterUpdate after = updates.await(u -> verdict(u.snapshot()) == Decision.DENY, SECOND);
            assertThat(after.snapshot().policies()).hasSize(7);
            assertThat(Duration.between(added, Instant.now())).isLessThan(SECOND);
        }

        @Test
        void aDeletedPodOrDeploymentTakesItsWorkloadAway() throws Exception {
            connect();

            cluster.client()
                    .pods()
                    .inNamespace("bookinfo")
                    .withName("debug-shell")
                    .delete();
            cluster.client()
                    .apps()
                    .deployments()
                    .inNamespace("bookinfo")
                    .withName("reviews-v2")
                    .delete();

            ClusterUpdate after = updates.await(
                    u -> !workloadIds(u).contains("bookinfo/debug-shell")
                            && !workloadIds(u).contains("bookinfo/reviews-v2"),
                    SECOND);
            assertThat(workloadIds(after)).contains("bookinfo/reviews-v1", "bookinfo/reviews-v3");
        }

        @Test
        void aForbiddenNamespaceIsNamedAndTheRestLoads() throws Exception {
            cluster.faults().fail("/api/v1/pods", 403).fail("/api/v1/namespaces/istio-system/pods", 403);

            connect();

            ClusterStatus status = updates.latest().status();
            assertThat(status.messages()).contains("cannot list pods in namespace istio-system: forbidden");
            assertThat(status.kind("pods").orElseThrow().state()).isEqualTo(State.LIVE);
            assertThat(updates.latest().snapshot().workload("bookinfo", "debug-shell"))
                    .isPresent();
        }

        @Test
        void missingIstioResourcesLeaveAWarningAndNoPolicies() throws Exception {
            cluster.faults().fail("/apis/(security|networking)\\.istio\\.io/.*", 404);

            connect();

            ClusterUpdate update = updates.latest();
            assertThat(update.snapshot().policies()).isEmpty();
            assertThat(update.snapshot().workloads()).isNotEmpty();
            assertThat(update.status().messages())
                    .singleElement()
                    .asString()
                    .contains("are not installed on this cluster, so no Istio policies are shown");
            assertThat(update.status()
                            .kind("authorizationpolicies")
                            .orElseThrow()
                            .state())
                    .isEqualTo(State.ERROR);
        }

        @Test
        void aDroppedWatchGoesStaleThenLiveAgain() throws Exception {
            connect();

            cluster.stop();
            updates.await(u -> u.status().overall() == State.STALE, Duration.ofSeconds(5));
            assertThat(updates.latest().status().messages()).anyMatch(m -> m.contains("dropped; reconnecting"));
            // Every watch drops at once: one cause, the API server, named once for the status bar.
            updates.await(u -> u.status().unreachable(), Duration.ofSeconds(5));
            assertThat(updates.latest().status().unreachableServer()).startsWith("http");
            Thread.sleep(3000);
            long restarted = System.nanoTime();
            cluster.restart();

            // A short reconnect backoff: live again within seconds, not the 15-30 s of fabric8's default.
            updates.await(u -> u.status().overall() == State.LIVE, Duration.ofSeconds(15));
            assertThat(Duration.ofNanos(System.nanoTime() - restarted)).isLessThan(Duration.ofSeconds(7));
            assertThat(updates.latest().status().unreachable()).isFalse();
            cluster.client()
                    .pods()
                    .inNamespace("bookinfo")
                    .withName("debug-shell")
                    .delete();
            updates.await(u -> !workloadIds(u).contains("bookinfo/debug-shell"), Duration.ofSeconds(5));
        }
    }

    @Test
    void anUnreachableServerIsOneSentence() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var config = new ConfigBuilder(cluster.config())
                .withMasterUrl("http://127.0.0.1:" + port)
                .build();

        assertThatThrownBy(() -> ClusterSource.connect(config, ClusterOptions.defaults(), updates))
                .isInstanceOf(ClusterException.class)
                .hasMessageStartingWith("Cannot reach the API server at http://127.0.0.1:" + port)
                .hasMessageContaining("Check that the cluster runs");
    }

    @Test
    void refusedCredentialsSayToLogInAgain() {
        cluster.faults().fail("/version", 401);

        assertThatThrownBy(this::connect)
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("refused the credentials")
                .hasMessageContaining("Log in again");
    }

    private static Decision verdict(MeshSnapshot snapshot) {
        TrafficEdge edge = new TrafficEdge(
                "bookinfo",
                "reviews-v1",
                "bookinfo",
                "ratings-v1",
                "ratings",
                9080,
                Protocol.HTTP,
                1.0,
                Map.of(200, 1.0),
                1.0,
                Set.of(),
                Set.of());
        Assessment assessment = Assessment.of(Engine.of(snapshot), new Traffic(List.of(edge), Instant.now()));
        List<EdgeAssessment> edges = assessment.edges();
        assertThat(edges).hasSize(1);
        return edges.get(0).verdict().decision();
    }
}
