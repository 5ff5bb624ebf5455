package dev.trustmap.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.source.folder.FolderSource;
import dev.trustmap.ui.LabFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        void labelsNodesByNameAndByNamespaceAndNameWhenANameRepeats(@TempDir Path folder) throws Exception {
            StringBuilder yaml = new StringBuilder();
            for (String[] w : new String[][] {{"foo", "sleep"}, {"bar", "sleep"}, {"foo", "httpbin"}}) {
                yaml.append("apiVersion: v1\nkind: Pod\nmetadata: {name: ")
                        .append(w[1])
                        .append(", namespace: ")
                        .append(w[0])
                        .append(", labels: {app: ")
                        .append(w[1])
                        .append("}}\nspec: {containers: [{name: c, image: i}]}\n---\n");
            }
            Files.writeString(folder.resolve("pods.yaml"), yaml);
            MeshSnapshot snapshot = FolderSource.load(List.of(folder)).snapshot();

            GraphModel built = GraphModelBuilder.build(snapshot, Assessment.of(Engine.of(snapshot), Traffic.none()));

            assertThat(built.nodes())
                    .extracting(GraphNode::label)
                    .containsExactlyInAnyOrder("foo/sleep", "bar/sleep", "httpbin");
            assertThat(model.node("payments/ledger").orElseThrow().label()).isEqualTo("ledger");
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
