package dev.trustmap.analysis.breach;

import static dev.trustmap.analysis.breach.BreachMesh.allow;
import static dev.trustmap.analysis.breach.BreachMesh.allowNothing;
import static dev.trustmap.analysis.breach.BreachMesh.workload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.engine.Connection;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.Protocol;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.TrafficEdge;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    void countsAPlaintextHopAndOnlyTheObservedPlaintextEdgesTouchingWhatItControlsOrReaches() {
        Engine engine = new BreachMesh()
                .workload("t/a")
                .withoutSidecar("legacy/p")
                .workload("t/b")
                .workload("t/c")
                .policies(allowNothing("t"))
                .engine();
        // t/c -> legacy/p is allowed and plaintext too, but never observed; t/b -> t/c is observed but mTLS
        Traffic observed = traffic(edge("t/b", "legacy/p"), edge("t/b", "t/c"), edge("t/a", "legacy/p"));

        BlastRadius radius = BlastRadius.of(engine, workload(engine, "t/a"), observed);

        assertThat(radius.reached()).containsOnlyKeys("legacy/p");
        assertThat(radius.reachedOverPlaintext()).containsExactly("legacy/p");
        assertThat(radius.plaintextEdges())
                .extracting(e -> e.from().id() + ">" + e.to().id())
                .containsExactlyInAnyOrder("t/a>legacy/p", "t/b>legacy/p");
        assertThat(radius.summary()).contains("1 over plaintext").endsWith("2 plaintext edges");
    }

    /**
     * t/db (a leaf) can call only the ingress gateway; the gateway's one observed route goes to t/front, which may
     * call t/back; t/secret admits the gateway's identity but the gateway has no route there; t/other admits only
     * t/back's neighbour nobody reaches.
     */
    private static Engine gatewayMesh() {
        return new BreachMesh()
                .workload("t/db")
                .gateway("istio-system/ingress")
                .workload("t/front")
                .workload("t/back")
                .workload("t/secret")
                .workload("t/other")
                .policies(allowNothing("t"))
                .policies(allow("t", "front", GATEWAY))
                .policies(allow("t", "back", "cluster.local/ns/t/sa/front"))
                .policies(allow("t", "secret", GATEWAY))
                .engine();
    }

    private static final String GATEWAY = "cluster.local/ns/istio-system/sa/ingress";

    @Nested
    class Gateway {
        @Test
        void aReachedGatewayForwardsOnlyAlongItsRoutesWithItsIdentity() {
            Engine engine = gatewayMesh();
            Traffic observed = traffic(edge("istio-system/ingress", "t/front"), edge("t/front", "t/back"));

            BlastRadius radius = BlastRadius.of(engine, workload(engine, "t/db"), observed);

            assertThat(radius.reached())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("istio-system/ingress", 1, "t/front", 2, "t/back", 3));
            assertThat(radius.gateways()).containsExactly("istio-system/ingress");
            assertThat(radius.hops())
                    .filteredOn(h -> h.from().id().equals("istio-system/ingress"))
                    .extracting(Hop::describe)
                    .containsExactly("istio-system/ingress -> t/front:80");
            assertThat(radius.summary()).startsWith("reaches 3 of 5 workloads (1 directly)");
        }

        @Test
        void aGatewayWithoutObservedRoutesLeadsNowhere() {
            Engine engine = gatewayMesh();

            BlastRadius radius = BlastRadius.of(engine, workload(engine, "t/db"), Traffic.none());

            assertThat(radius.reached()).containsOnlyKeys("istio-system/ingress");
        }

        @Test
        void aCompromisedGatewayCallsEverythingItsIdentityIsAllowedTo() {
            Engine engine = gatewayMesh();
            Traffic observed = traffic(edge("istio-system/ingress", "t/front"));

            BlastRadius radius = BlastRadius.of(engine, workload(engine, "istio-system/ingress"), observed);

            assertThat(radius.reached())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("t/front", 1, "t/secret", 1, "t/back", 2));
            assertThat(radius.gateways()).isEmpty();
        }
    }

    @Test
    void aStolenServiceAccountTokenGetsThroughStrictMtlsWhereItsPodsCannot() {
        Engine engine = new BreachMesh()
                .withoutSidecar("t/legacy")
                .workload("t/strict")
                .policies("apiVersion: security.istio.io/v1\nkind: PeerAuthentication\n"
                        + "metadata: {name: default, namespace: t}\nspec: {mtls: {mode: STRICT}}\n")
                .engine();

        BlastRadius pod = BlastRadius.of(engine, workload(engine, "t/legacy"));
        BlastRadius account = BlastRadius.ofServiceAccount(engine, "t", "legacy");

        assertThat(pod.reached()).isEmpty();
        assertThat(account.reached()).containsOnlyKeys("t/strict");
        assertThat(account.hops())
                .filteredOn(h -> h.depth() == 1)
                .singleElement()
                .satisfies(hop -> {
                    assertThat(hop.describe()).isEqualTo("t/legacy -> t/strict:80");
                    assertThat(hop.connection()).isEqualTo(Connection.MTLS);
                });
    }

    private static Traffic traffic(TrafficEdge... edges) {
        return new Traffic(List.of(edges), Instant.EPOCH);
    }

    private static TrafficEdge edge(String from, String to) {
        String[] a = from.split("/");
        String[] b = to.split("/");
        return new TrafficEdge(
                a[0], a[1], b[0], b[1], b[1], 80, Protocol.HTTP, 1.0, Map.of(), 0, Set.of("GET"), Set.of("/"));
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
