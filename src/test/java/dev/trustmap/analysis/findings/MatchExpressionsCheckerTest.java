package dev.trustmap.analysis.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.MeshSnapshot;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.AuthorizationPolicyBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TM204 needs an object the folder source refuses ({@code matchExpressions} is not in Istio's schema), as a cluster
 * source would deliver it: the field kept in the selector's additional properties.
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
