package dev.trustmap.ui.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.ui.LabFixture;
import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.graph.GraphModel;
import dev.trustmap.ui.graph.GraphViewModel;
import dev.trustmap.ui.graph.LayeredLayout;
import dev.trustmap.ui.graph.Selection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InspectorViewModelTest {
    private final GraphViewModel graph = new GraphViewModel();
    private final InspectorViewModel inspector = new InspectorViewModel(Messages.load(), graph);

    @BeforeEach
    void showLab() {
        MeshState state = LabFixture.state();
        GraphModel model = LabFixture.model(state);
        graph.show(model, LayeredLayout.compute(model));
        inspector.meshProperty().set(state);
    }

    @Test
    void asksForASelectionWhenNothingIsSelected() {
        assertThat(inspector.text()).contains("Nothing selected");
    }

    @Nested
    class Edge {
        @Test
        void namesTheDecidingPolicyAndRule() {
            graph.select(Selection.edge("payments/payments -> payments/ledger:80"));
            assertThat(inspector.text())
                    .contains("Decided by payments/ledger-callers (ALLOW), rule 0")
                    .contains("Verdict ALLOW")
                    .contains("Client identity cluster.local/ns/payments/sa/")
                    .contains("Result mtls");
        }

        @Test
        void namesTheDenyingPolicy() {
            graph.select(Selection.edge("payments/fraud-check -> identity/user-auth:80"));
            assertThat(inspector.text())
                    .contains("Verdict DENY")
                    .contains("Decided by denied: no ALLOW policy matches; ALLOW policies selecting it:"
                            + " identity/allow-nothing, identity/user-auth-callers")
                    .doesNotContain("(ALLOW), no rule matched");
        }

        @Test
        void listsTheConditionsOfAConditionalVerdict() {
            graph.select(Selection.edge("analytics/reporting -> payments/ledger:80"));
            assertThat(inspector.text())
                    .contains("Verdict CONDITIONAL")
                    .contains("Decided by Depends on the request")
                    .contains("Conditions\n• allowed by payments/ledger-callers")
                    .doesNotContain("no rule matched")
                    .doesNotContain("HTTP status");
        }

        @Test
        void explainsABrokenConnection() {
            graph.select(Selection.edge("legacy/core-banking-adapter -> payments/ledger:80"));
            assertThat(inspector.text())
                    .contains("Result broken")
                    .contains("Server mode STRICT")
                    .contains("Decided by the connection fails before authorization (TLS mismatch)")
                    .doesNotContain("no policy")
                    .doesNotContain("HTTP status");
        }
    }

    @Nested
    class Wrapping {
        @Test
        void letsIdentitiesWrapAfterEachSlash() {
            assertThat(InspectorController.breakable("cluster.local/ns/a/sa/b"))
                    .isEqualTo("cluster.local/\u200ans/\u200aa/\u200asa/\u200ab");
        }
    }

    @Nested
    class Node {
        @Test
        void showsIdentityPortsPoliciesAndEdges() {
            graph.select(Selection.node("payments/ledger"));
            assertThat(inspector.text())
                    .contains("Identity cluster.local/ns/payments/sa/")
                    .contains("STRICT")
                    .contains("payments/ledger-callers")
                    .contains("Incoming edges (")
                    .contains("payments/payments ALLOW, mtls");
        }

        @Test
        void listsEdgesThatSelectTheEdge() {
            graph.select(Selection.node("payments/ledger"));
            var row = inspector.sections().stream()
                    .flatMap(section -> section.rows().stream())
                    .filter(r -> "payments/payments".equals(r.label()))
                    .findFirst()
                    .orElseThrow();

            inspector.selectEdge(row.edgeId());

            assertThat(graph.selectionProperty().get())
                    .isEqualTo(Selection.edge("payments/payments -> payments/ledger:80"));
            assertThat(inspector.text()).contains("payments/payments → payments/ledger");
        }

        @Test
        void saysWhenNoSidecarEnforcesAnything() {
            graph.select(Selection.node("legacy/core-banking-adapter"));
            assertThat(inspector.text()).contains("Sidecar no: policies are not enforced");
        }
    }
}
