package dev.trustmap.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.engine.Decision;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.ContainerPort;
import dev.trustmap.mesh.MeshConfig;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Protocol;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.ServicePort;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.mesh.Workload;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssessmentTest {
    private static final String LEDGER_POLICY = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: ledger-callers, namespace: pay}
            spec:
              selector: {matchLabels: {app: ledger}}
              rules:
                - to: [{operation: {methods: [GET, POST], paths: ["/v1/entries*", "/v1/settlements*"]}}]
            """;

    private static Engine engine() {
        List<Workload> workloads = List.of(workload("batch"), workload("ledger"));
        List<Service> services = List.of(new Service(
                "pay", "ledger", Map.of("app", "ledger"), List.of(new ServicePort("http", 80, "8080", null))));
        HasMetadata policy = new KubernetesSerialization().unmarshal(LEDGER_POLICY);
        return Engine.of(
                new MeshSnapshot(List.of(), workloads, services, List.of(), List.of(policy), MeshConfig.defaults()));
    }

    private static Workload workload(String name) {
        return new Workload(
                "pay",
                name,
                "Deployment",
                Map.of("app", name),
                name,
                true,
                false,
                List.of(new ContainerPort("http", 8080)),
                List.of());
    }

    private static Decision decisionFor(Set<String> methods, Set<String> paths) {
        TrafficEdge edge = new TrafficEdge(
                "pay",
                "batch",
                "pay",
                "ledger",
                "ledger",
                80,
                Protocol.HTTP,
                2.0,
                Map.of(200, 2.0),
                1.0,
                methods,
                paths);
        return Assessment.of(engine(), new Traffic(List.of(edge), Instant.EPOCH))
                .edges()
                .get(0)
                .verdict()
                .decision();
    }

    @Test
    void anEdgeWhoseSeenRequestsAreAllAllowedIsAllowed() {
        assertThat(decisionFor(Set.of("GET", "POST"), Set.of("/v1/entries/7", "/v1/settlements")))
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void anEdgeWhoseSeenRequestsDisagreeIsConditional() {
        assertThat(decisionFor(Set.of("GET", "DELETE"), Set.of("/v1/entries/7")))
                .isEqualTo(Decision.CONDITIONAL);
    }

    @Test
    void anEdgeWithoutRequestDetailsIsConditional() {
        assertThat(decisionFor(Set.of(), Set.of())).isEqualTo(Decision.CONDITIONAL);
    }
}
