package dev.trustmap.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.ui.LabFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GraphViewModelTest {
    private final GraphViewModel viewModel = new GraphViewModel();

    @BeforeEach
    void showLab() {
        GraphModel model = LabFixture.model(LabFixture.state());
        viewModel.show(model, LayeredLayout.compute(model));
    }

    @Nested
    class Search {
        @Test
        void selectsTheExactWorkloadBeforeLongerMatches() {
            assertThat(viewModel.search("payments")).contains("payments/payments");
            assertThat(viewModel.selectionProperty().get()).isEqualTo(Selection.node("payments/payments"));
        }

        @Test
        void matchesPartOfTheIdIgnoringCase() {
            assertThat(viewModel.search("Core-Bank")).contains("legacy/core-banking-adapter");
        }

        @Test
        void leavesTheSelectionAloneWhenNothingMatches() {
            viewModel.select(Selection.node("identity/kyc"));
            assertThat(viewModel.search("no-such-workload")).isEmpty();
            assertThat(viewModel.selectionProperty().get()).isEqualTo(Selection.node("identity/kyc"));
        }
    }

    @Nested
    class NamespaceFilter {
        @Test
        void keepsTheNamespaceAndItsDirectPeers() {
            viewModel.namespaceFilterProperty().set("messaging");
            GraphModel visible = viewModel.visibleProperty().get();
            assertThat(visible.nodeIds())
                    .contains("messaging/kafka", "messaging/notifications", "payments/payments")
                    .doesNotContain("identity/users-db", "unknown");
            assertThat(visible.edges())
                    .allMatch(e ->
                            e.source().startsWith("messaging/") || e.target().startsWith("messaging/"));
        }

        @Test
        void dropsASelectionThatIsFilteredOut() {
            viewModel.select(Selection.node("identity/users-db"));
            viewModel.namespaceFilterProperty().set("messaging");
            assertThat(viewModel.selectionProperty().get()).isEqualTo(Selection.NONE);
        }

        @Test
        void emptyFilterShowsEverything() {
            viewModel.namespaceFilterProperty().set("");
            assertThat(viewModel.visibleProperty().get().nodes()).hasSize(21);
        }
    }
}
