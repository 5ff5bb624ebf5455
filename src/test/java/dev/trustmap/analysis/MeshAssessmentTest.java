package dev.trustmap.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.engine.Decision;
import dev.trustmap.engine.EdgeOutcome;
import dev.trustmap.engine.Engine;
import dev.trustmap.engine.Peer;
import dev.trustmap.engine.Request;
import dev.trustmap.engine.Verdict;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.source.generated.MeshGenerator;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MeshAssessmentTest {
    private static final MeshSnapshot MESH = MeshGenerator.generate(300, 12, 7);

    @Nested
    class AllPairs {
        @Test
        void coversEveryClientAgainstEveryServicePort() {
            MeshAssessment assessment = MeshAssessment.of(Engine.of(MESH));

            long ports =
                    MESH.services().stream().mapToLong(s -> s.ports().size()).sum();
            assertThat(assessment.pairCount())
                    .isEqualTo(ports * MESH.workloads().size());
            assertThat(assessment.countByDecision()).containsKeys(Decision.ALLOW, Decision.DENY, Decision.CONDITIONAL);
        }

        @Test
        void agreesWithTheExplainedVerdictOnSampledPairs() {
            Engine engine = Engine.of(MESH);
            MeshAssessment assessment = MeshAssessment.of(engine);
            Random random = new Random(1);

            for (int i = 0; i < 3000; i++) {
                int t = random.nextInt(assessment.targets().size());
                int s = random.nextInt(assessment.sources().size());
                MeshAssessment.Target target = assessment.targets().get(t);
                Verdict slow = engine.evaluate(Request.edge(
                        new Peer.Pod(assessment.sources().get(s)), target.workload(), target.service(), target.port()));
                EdgeOutcome fast = assessment.outcome(t, s);
                assertThat(fast.decision()).isEqualTo(slow.decision());
                assertThat(fast.connection()).isEqualTo(slow.connection().connection());
                assertThat(fast.policy() == null ? null : fast.policy().ref())
                        .isEqualTo(slow.authz().policy());
            }
        }
    }

    @Nested
    class AfterOnePolicyChanges {
        @Test
        void incrementalResultEqualsAFullReassessment() {
            MeshAssessment before = MeshAssessment.of(Engine.of(MESH));
            List<HasMetadata> policies = new ArrayList<>(MESH.policies());
            AuthorizationPolicy old = (AuthorizationPolicy) policies.get(0);
            AuthorizationPolicy changed = new KubernetesSerialization().clone(old);
            changed.getSpec().setRules(List.of());
            policies.set(0, changed);
            MeshSnapshot edited = MESH.withPolicies(policies);

            Set<String> touched = ChangeImpact.touchedBy(edited, List.of(old, changed));
            MeshAssessment incremental = before.reassess(Engine.of(edited), touched);
            MeshAssessment full = MeshAssessment.of(Engine.of(edited));

            assertThat(touched).containsExactly("ns-00/svc-00000");
            for (int t = 0; t < full.targets().size(); t++) {
                for (int s = 0; s < full.sources().size(); s++) {
                    assertThat(incremental.outcome(t, s).decision())
                            .isEqualTo(full.outcome(t, s).decision());
                }
            }
            assertThat(incremental.countByDecision()).isNotEqualTo(before.countByDecision());
        }

        @Test
        void deletingAPolicyKeepsTheOtherRowsDecidingPoliciesRight() {
            MeshAssessment before = MeshAssessment.of(Engine.of(MESH));
            List<HasMetadata> policies = new ArrayList<>(MESH.policies());
            HasMetadata deleted = policies.remove(0);
            MeshSnapshot edited = MESH.withPolicies(policies);

            Set<String> touched = ChangeImpact.touchedBy(edited, List.of(deleted));
            MeshAssessment incremental = before.reassess(Engine.of(edited), touched);
            MeshAssessment full = MeshAssessment.of(Engine.of(edited));

            for (int t = 0; t < full.targets().size(); t++) {
                for (int s = 0; s < full.sources().size(); s++) {
                    EdgeOutcome expected = full.outcome(t, s);
                    EdgeOutcome actual = incremental.outcome(t, s);
                    assertThat(actual.decision()).isEqualTo(expected.decision());
                    assertThat(actual.policy() == null ? null : actual.policy().ref())
                            .isEqualTo(
                                    expected.policy() == null
                                            ? null
                                            : expected.policy().ref());
                }
            }
        }
    }
}
