package dev.trustmap.analysis.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Workload;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.AuthorizationPolicyBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TM204 on objects as a cluster source delivers them (the field kept in the selector's additional properties) and as
 * the folder reader reads them (the field accepted like the API server does, and ignored by the engine).
 */
class MatchExpressionsCheckerTest {

    @Test
    void flagsMatchExpressionsKeptByTheModel() throws Exception {
        AuthorizationPolicy policy = policy();
        policy.getSpec()
                .getSelector()
                .setAdditionalProperty("matchExpressions", List.of(Map.of("key", "app", "operator", "In")));

        List<Finding> findings = new MatchExpressionsChecker().check(context(policy));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("AuthorizationPolicy shop/web");
            assertThat(f.path()).isEqualTo("spec.selector.matchExpressions");
            assertThat(f.message()).contains("selects every workload of shop");
        });
    }

    @Test
    void acceptsMatchLabels() throws Exception {
        AuthorizationPolicy policy = policy();
        policy.getSpec().getSelector().setMatchLabels(Map.of("app", "web"));

        assertThat(new MatchExpressionsChecker().check(context(policy))).isEmpty();
    }

    @Test
    void theEngineAppliesAPolicyWithOnlyMatchExpressionsToTheWholeNamespace() throws Exception {
        Engine engine = Engine.of(CheckerFixtures.snapshot("TM204/trigger"));

        for (String name : List.of("web", "api", "db")) {
            Workload workload = engine.snapshot().workloads().stream()
                    .filter(w -> w.namespace().equals("shop") && w.name().equals(name))
                    .findFirst()
                    .orElseThrow();
            assertThat(engine.policiesSelecting(workload))
                    .as("policies selecting shop/%s", name)
                    .anySatisfy(p -> assertThat(p.name()).isEqualTo("web"));
        }
    }

    private static AuthorizationPolicy policy() {
        return new AuthorizationPolicyBuilder()
                .withNewMetadata()
                .withName("web")
                .withNamespace("shop")
                .endMetadata()
                .withNewSpec()
                .withNewSelector()
                .endSelector()
                .endSpec()
                .build();
    }

    private static MeshContext context(AuthorizationPolicy policy) throws Exception {
        MeshSnapshot base = CheckerFixtures.snapshot("TM101/clean");
        return MeshContext.of(Engine.of(base.withPolicies(List.of(policy))));
    }
}
