package dev.trustmap.analysis.breach;

import static dev.trustmap.analysis.breach.BreachMesh.allow;
import static dev.trustmap.analysis.breach.BreachMesh.allowNothing;
import static dev.trustmap.analysis.breach.BreachMesh.workload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.engine.Connection;
import dev.trustmap.engine.Engine;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BlastRadiusTest {
    private static final String A = "cluster.local/ns/t/sa/a";
    private static final String B = "cluster.local/ns/t/sa/b";

    /** t/a -> t/b -> t/c, with t/c denying t/a by a DENY; t/d admits nobody. */
    private static Engine chain() {
        return new BreachMesh()
                .workload("t/a")
                .workload("t/b")
                .workload("t/c")
                .workload("t/d")
                .policies(allowNothing("t"))
                .policies(allow("t", "b", A))
                .policies(allow("t", "c", A, B))
                .policies("apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\n"
                        + "metadata: {name: c-not-a, namespace: t}\nspec:\n  selector: {matchLabels: {app: c}}\n"
                        + "  action: DENY\n  rules: [{from: [{source: {principals: [" + A + "]}}]}]\n")
                .engine();
    }

    @Nested
    class Chain {
        @Test
        void reachesTheDeniedWorkloadOnlyThroughAPivot() {
            Engine engine = chain();

            BlastRadius radius = BlastRadius.of(engine, workload(engine, "t/a"));

            assertThat(radius.reached()).containsExactlyInAnyOrderEntriesOf(Map.of("t/b", 1, "t/c", 2));
            assertThat(radius.direct()).containsExactly("t/b");
            assertThat(radius.reachable()).isEqualTo(3);
            assertThat(radius.summary()).startsWith("reaches 2 of 3 workloads (1 directly), 0 over plaintext");
        }

        @Test
        void namesTheDecidingPolicyAndTheOperationsItAllows() {
            Engine engine = chain();

            BlastRadius radius = BlastRadius.of(engine, workload(engine, "t/a"));

            assertThat(radius.hops()).anySatisfy(hop -> {
                assertThat(hop.describe()).isEqualTo("t/a -> t/b:80");
                assertThat(hop.policy()).isEqualTo("t/b-callers");
                assertThat(hop.operations()).containsExactly("methods [GET]");
                assertThat(hop.connection()).isEqualTo(Connection.MTLS);
                assertThat(hop.depth()).isEqualTo(1);
            });
            assertThat(radius.hops())
                    .noneSatisfy(hop -> assertThat(hop.describe()).isEqualTo("t/a -> t/c:80"));
        }

        @Test
        void aWorkloadNobodyIsAllowedToCallReachesNothing() {
            Engine engine = chain();

            assertThat(BlastRadius.of(engine, workload(engine, "t/d")).reached())
                    .isEmpty();
        }
    }

    @Test
    void aWorkloadWithoutPolicyIsReachedByEveryone() {
        Engine engine = new BreachMesh()
                .workload("t/a")
                .workload("t/b")
                .workload("open/x")
                .policies(allowNothing("t"))
                .engine();

        for (String id : new String[] {"t/a", "t/b"}) {
            BlastRadius radius = BlastRadius.of(engine, workload(engine, id));

            assertThat(radius.direct()).containsExactly("open/x");
            assertThat(radius.hops()).singleElement().satisfies(hop -> {
                assertThat(hop.policy()).isNull();
                assertThat(hop.operations()).containsExactly("any operation");
            });
        }
    }

    @Test
    void countsAPlaintextHopAndItsEdges() {
        Engine engine = new BreachMesh()
                .workload("t/a")
                .withoutSidecar("legacy/p")
                .workload("t/b")
                .policies(allowNothing("t"))
                .engine();

        BlastRadius radius = BlastRadius.of(engine, workload(engine, "t/a"));

        assertThat(radius.reached()).containsOnlyKeys("legacy/p");
        assertThat(radius.reachedOverPlaintext()).containsExactly("legacy/p");
        assertThat(radius.plaintextEdges())
                .extracting(e -> e.from().id() + ">" + e.to().id())
                .containsExactlyInAnyOrder("t/a>legacy/p", "t/b>legacy/p");
        assertThat(radius.summary()).contains("1 over plaintext");
    }

    @Test
    void listsTheGatewaysItCanAbuse() {
        Engine engine = new BreachMesh()
                .workload("t/a")
                .gateway("istio-system/ingress")
                .policies(allowNothing("t"))
                .engine();

        BlastRadius radius = BlastRadius.of(engine, workload(engine, "t/a"));

        assertThat(radius.gateways()).containsExactly("istio-system/ingress");
        assertThat(radius.summary()).contains("1 gateway;");
    }

    @Test
    void byServiceAccountStartsFromEveryWorkloadRunningAsIt() {
        Engine engine = chain();

        BlastRadius radius = BlastRadius.ofServiceAccount(engine, "t", "b");

        assertThat(radius.compromised()).extracting(w -> w.id()).containsExactly("t/b");
        assertThat(radius.reached()).containsOnlyKeys("t/c");
    }

    @Test
    void comparesADraftThatShrinksTheRadius() {
        BreachMesh mesh = new BreachMesh().workload("t/a").workload("open/x").workload("open/y");
        Engine current = mesh.engine();
        Engine draft = mesh.policies(allowNothing("open")).engine();

        BlastComparison comparison = BlastRadius.compare(
                BlastRadius.of(current, workload(current, "t/a")), BlastRadius.of(draft, workload(draft, "t/a")));

        assertThat(comparison.noLongerReached()).containsExactlyInAnyOrder("open/x", "open/y");
        assertThat(comparison.newlyReached()).isEmpty();
        assertThat(comparison.shrink()).isEqualTo(1.0);
        assertThat(comparison.summary())
                .startsWith("the draft reaches 0 of 2 workloads (was 2): 2 fewer (100% smaller)");
    }
}
