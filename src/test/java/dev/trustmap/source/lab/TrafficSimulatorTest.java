package dev.trustmap.source.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.engine.Decision;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Protocol;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.TrafficEdge;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrafficSimulatorTest {
    private static final Instant START = Instant.parse("2025-01-15T10:00:00Z");

    private MeshSnapshot snapshot;
    private Engine engine;
    private CallGraph graph;

    @BeforeAll
    void loadLab() {
        snapshot = Lab.load().snapshot();
        engine = Engine.of(snapshot);
        graph = Lab.callGraph();
    }

    @Nested
    class CallGraphOfTheLab {

        @Test
        void coversOutsideGrpcTcpAndThePlaintextHop() {
            assertThat(graph.calls()).hasSizeGreaterThanOrEqualTo(30);
            assertThat(graph.calls()).anyMatch(CallGraph.Call::fromOutside);
            assertThat(graph.calls()).extracting(CallGraph.Call::protocol).contains(Protocol.GRPC, Protocol.TCP);
            assertThat(graph.calls())
                    .anyMatch(c -> c.from().equals("payments/ledger") && c.to().equals("legacy/core-banking-adapter"));
        }

        @Test
        void resolvesEveryCallInTheLabMesh() {
            Traffic traffic = new TrafficSimulator(engine, graph, 1).tick(START);

            long routes = graph.calls().stream()
                    .map(c -> c.from() + ">" + c.to() + ">" + c.service() + ">" + c.port())
                    .distinct()
                    .count();
            assertThat(traffic.edges()).hasSize((int) routes);
        }

        @Test
        void twoCallsOnOneServicePortAreOneEdge() {
            // web calls api-gateway:80 with a token and, for the login, without one: Istio's metrics see one edge.
            Traffic traffic = new TrafficSimulator(engine, graph, 1).tick(START);

            assertThat(traffic.edges())
                    .filteredOn(e -> e.sourceId().equals("frontend/web")
                            && e.destinationId().equals("frontend/api-gateway")
                            && e.port() == 80)
                    .singleElement()
                    .satisfies(e -> assertThat(e.paths()).contains("/api/v1/login", "/api/v1/accounts/1042"));
        }
    }

    @Nested
    class Ticks {

        @Test
        void sameSeedAndTicksGiveTheSameTraffic() {
            assertThat(run(7, 5)).isEqualTo(run(7, 5));
        }

        @Test
        void otherSeedGivesOtherRates() {
            assertThat(run(7, 3)).isNotEqualTo(run(8, 3));
        }

        @Test
        void ratesWanderAroundTheBaseRate() {
            TrafficSimulator simulator = new TrafficSimulator(engine, graph, 3);
            List<Double> rates = new ArrayList<>();
            for (int second = 0; second < 120; second++) {
                rates.add(edge(simulator.tick(START.plusSeconds(second)), "payments/payments", "payments/ledger")
                        .requestsPerSecond());
            }

            assertThat(rates).allSatisfy(rate -> assertThat(rate).isBetween(6 * 0.4 * 0.65, 6 * 1.8 * 1.35));
            assertThat(rates.stream().distinct()).hasSizeGreaterThan(100);
        }

        @Test
        void codesAddUpToTheRateAndMtlsFollowsTheConnection() {
            Traffic traffic = new TrafficSimulator(engine, graph, 11).tick(START);

            assertThat(traffic.edges())
                    .allSatisfy(edge -> assertThat(edge.responseCodes().values().stream()
                                    .mapToDouble(Double::doubleValue)
                                    .sum())
                            .isCloseTo(edge.requestsPerSecond(), within(1e-9)));
            assertThat(edge(traffic, "payments/ledger", "legacy/core-banking-adapter")
                            .mtlsShare())
                    .isZero();
            assertThat(edge(traffic, "payments/payments", "payments/ledger").mtlsShare())
                    .isEqualTo(1.0);
        }
    }

    @Nested
    class Verdicts {

        @Test
        void deniedCallsShowForbiddenAndBrokenCodes() {
            Map<String, Map<Integer, Double>> codes = codesOver(60, engine);

            assertThat(codes.get("payments/fraud-check->identity/user-auth")).containsOnlyKeys(403);
            assertThat(codes.get("analytics/reporting->payments/ledger")).containsKeys(200, 403);
            assertThat(codes.get("legacy/core-banking-adapter->payments/ledger"))
                    .containsOnlyKeys(0);
            assertThat(codes.get("istio-system/istio-ingressgateway->frontend/api-gateway"))
                    .containsKeys(200, 401);
        }

        @Test
        void allowedCallsAnswer200WithAFew5xx() {
            Map<String, Map<Integer, Double>> codes = codesOver(120, engine);

            assertThat(codes.get("payments/payments->payments/ledger").keySet())
                    .contains(200)
                    .isSubsetOf(200, 500, 503);
        }

        @Test
        void codesAgreeWithTheEnginesVerdictOnEachEdge() {
            Traffic traffic = new TrafficSimulator(engine, graph, 5).tick(START);
            Assessment assessment = Assessment.of(engine, traffic);

            assertThat(assessment.unresolved()).isEmpty();
            assertThat(assessment.edges())
                    .filteredOn(e ->
                            e.edge().methods().size() <= 1 && e.edge().paths().size() <= 1)
                    .allSatisfy(e -> {
                        boolean denied = e.verdict().decision() == Decision.DENY;
                        assertThat(e.edge().responseCodes().containsKey(200)).isEqualTo(!denied);
                    });
        }

        @Test
        void swappingTheEngineChangesVerdictsButNotRates() {
            Engine open = Engine.of(snapshot.withPolicies(withoutAuthorizationPolicies()));
            TrafficSimulator strict = new TrafficSimulator(engine, graph, 9);
            TrafficSimulator swapped = new TrafficSimulator(engine, graph, 9);
            strict.tick(START);
            swapped.tick(START);
            swapped.setEngine(open);

            Traffic before = strict.tick(START.plusSeconds(1));
            Traffic after = swapped.tick(START.plusSeconds(1));

            assertThat(after.edges())
                    .extracting(TrafficEdge::requestsPerSecond)
                    .isEqualTo(before.edges().stream()
                            .map(TrafficEdge::requestsPerSecond)
                            .toList());
            assertThat(edge(after, "payments/fraud-check", "identity/user-auth").responseCodes())
                    .doesNotContainKey(403);
            assertThat(swapped.engine()).isSameAs(open);
        }
    }

    private List<Traffic> run(long seed, int seconds) {
        TrafficSimulator simulator = new TrafficSimulator(engine, graph, seed);
        List<Traffic> ticks = new ArrayList<>();
        for (int second = 0; second < seconds; second++) {
            ticks.add(simulator.tick(START.plusSeconds(second)));
        }
        return ticks;
    }

    private Map<String, Map<Integer, Double>> codesOver(int seconds, Engine deciding) {
        TrafficSimulator simulator = new TrafficSimulator(deciding, graph, 42);
        Map<String, Map<Integer, Double>> codes = new HashMap<>();
        for (int second = 0; second < seconds; second++) {
            for (TrafficEdge edge : simulator.tick(START.plusSeconds(second)).edges()) {
                Map<Integer, Double> byCode =
                        codes.computeIfAbsent(edge.sourceId() + "->" + edge.destinationId(), k -> new HashMap<>());
                edge.responseCodes().forEach((code, rate) -> byCode.merge(code, rate, Double::sum));
            }
        }
        return codes;
    }

    private List<HasMetadata> withoutAuthorizationPolicies() {
        return snapshot.policies().stream()
                .filter(p -> !p.getKind().equals("AuthorizationPolicy"))
                .toList();
    }

    private static TrafficEdge edge(Traffic traffic, String from, String to) {
        return traffic.edges().stream()
                .filter(e -> e.sourceId().equals(from) && e.destinationId().equals(to))
                .findFirst()
                .orElseThrow();
    }
}
