package dev.trustmap.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.ui.LabFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GraphModelBuilderTest {
    private final GraphModel model = LabFixture.model(LabFixture.state());

    @Nested
    class Nodes {
        @Test
        void holdsEveryWorkloadAndTheUnknownNode() {
            assertThat(model.nodes()).hasSize(21);
            assertThat(model.node("unknown")).map(GraphNode::styleClasses).contains(java.util.List.of("external"));
        }

        @Test
        void shapesFollowSidecarAndGateway() {
            assertThat(model.node("istio-system/istio-ingressgateway")
                            .orElseThrow()
                            .styleClasses())
                    .first()
                    .isEqualTo("gateway");
            assertThat(model.node("legacy/core-banking-adapter").orElseThrow().styleClasses())
                    .first()
                    .isEqualTo("no_sidecar");
            assertThat(model.node("payments/ledger").orElseThrow().styleClasses())
                    .first()
                    .isEqualTo("sidecar");
        }

        @Test
        void namespacesGetTheirOwnColourClass() {
            String payments =
                    model.node("payments/ledger").orElseThrow().styleClasses().get(1);
            String identity =
                    model.node("identity/kyc").orElseThrow().styleClasses().get(1);
            assertThat(payments).startsWith("ns").isNotEqualTo(identity);
            assertThat(model.node("payments/cards").orElseThrow().styleClasses())
                    .contains(payments);
        }
    }

    @Nested
    class Edges {
        @Test
        void colourIsTheVerdictAndPatternTheConnection() {
            assertThat(classes("unknown -> istio-system/istio-ingressgateway:80"))
                    .containsExactly("allow_open", "plaintext");
            assertThat(classes("payments/payments -> payments/ledger:80")).containsExactly("allow_policy", "mtls");
            assertThat(classes("payments/fraud-check -> identity/user-auth:80")).containsExactly("deny", "mtls");
            assertThat(classes("legacy/core-banking-adapter -> payments/ledger:80"))
                    .containsExactly("deny", "broken");
            assertThat(classes("analytics/reporting -> payments/ledger:80")).containsExactly("conditional", "mtls");
        }

        @Test
        void countsDeniedEdges() {
            assertThat(model.deniedCount()).isEqualTo(2);
        }

        private java.util.List<String> classes(String id) {
            return model.edge(id).orElseThrow().styleClasses();
        }
    }
}
