package dev.trustmap.source.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustmap.mesh.Protocol;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CallGraphReaderTest {

    @Nested
    class Reading {

        @Test
        void readsCallsWithDefaultsForErrorRateAndTokens() {
            CallGraph graph = CallGraphReader.read("""
                    calls:
                      - {from: a/x, to: b/y, service: y, port: 80, protocol: http, rps: 2,
                         requests: [{method: GET, path: /, weight: 3}]}
                      - {from: unknown, to: b/db, service: db, port: 5432, protocol: TCP, rps: 1}
                    """, "test.yaml");

            assertThat(graph.calls()).hasSize(2);
            assertThat(graph.calls().get(0).protocol()).isEqualTo(Protocol.HTTP);
            assertThat(graph.calls().get(0).errorRate()).isEqualTo(0.005);
            assertThat(graph.calls().get(0).jwtClaims()).isEmpty();
            assertThat(graph.calls().get(1).fromOutside()).isTrue();
        }

        @Test
        void picksRequestsByWeight() {
            CallGraph.Call call = CallGraphReader.read("""
                            calls:
                              - {from: a/x, to: b/y, service: y, port: 80, protocol: HTTP, rps: 2,
                                 requests: [{method: GET, path: /a, weight: 3}, {method: GET, path: /b, weight: 1}]}
                            """, "test.yaml").calls().get(0);

            assertThat(TrafficSimulator.pick(call, 0.0)).isZero();
            assertThat(TrafficSimulator.pick(call, 0.74)).isZero();
            assertThat(TrafficSimulator.pick(call, 0.76)).isEqualTo(1);
        }
    }

    @Nested
    class Rejecting {

        @Test
        void rejectsHttpCallsWithoutRequestsNamingTheField() {
            assertThatThrownBy(() -> CallGraphReader.read(
                            "calls: [{from: a/x, to: b/y, service: y, port: 80, protocol: HTTP, rps: 2}]", "cg.yaml"))
                    .hasMessage("cg.yaml: field calls[0].requests: must list requests for HTTP and gRPC calls.");
        }

        @Test
        void rejectsNegativeRates() {
            assertThatThrownBy(() -> CallGraphReader.read(
                            "calls: [{from: a/x, to: b/y, service: y, port: 1, protocol: TCP, rps: -2}]", "cg.yaml"))
                    .hasMessageContaining("calls[0].rps");
        }
    }
}
