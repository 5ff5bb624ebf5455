package dev.trustmap.ui.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.analysis.findings.Severity;
import dev.trustmap.ui.LabFixture;
import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import dev.trustmap.ui.graph.GraphEdge;
import dev.trustmap.ui.graph.GraphModel;
import dev.trustmap.ui.graph.GraphViewModel;
import dev.trustmap.ui.graph.LayeredLayout;
import dev.trustmap.ui.graph.Selection;
import dev.trustmap.ui.inspector.InspectorViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FindingsViewModelTest {
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
    private final List<Throwable> errors = new ArrayList<>();
    private final UiTasks tasks = new UiTasks(worker, Runnable::run, errors::add);
    private final GraphViewModel graph = new GraphViewModel();
    private final FindingsViewModel findings = new FindingsViewModel(Messages.load(), tasks, graph);
    private MeshState state;

    @BeforeEach
    void checkLab() throws Exception {
        state = LabFixture.state();
        GraphModel model = LabFixture.model(state);
        graph.show(model, LayeredLayout.compute(model));
        findings.meshChanged(state);
        awaitWorker();
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    private void awaitWorker() throws Exception {
        worker.submit(() -> {}).get();
    }

    private FindingRow row(String code) {
        return findings.all().stream()
                .filter(r -> r.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void listsTheLabsDeliberateWeaknesses() {
        assertThat(errors).isEmpty();
        assertThat(findings.all())
                .extracting(FindingRow::resource)
                .contains("Namespace messaging", "AuthorizationPolicy messaging/notifications-no-admin");
        assertThat(findings.all()).extracting(FindingRow::code).contains("TM101", "TM104", "TM106", "TM206");
        assertThat(findings.statusProperty().get())
                .startsWith(findings.all().size() + " of " + findings.all().size());
    }

    @Test
    void doesNotCheckAgainWhenOnlyTrafficChanges() {
        findings.meshChanged(state.withTraffic(state.traffic(), LabFixture.NOW.plusSeconds(1)));
        assertThat(findings.statusProperty().get()).doesNotContain("Checking");
    }

    @Nested
    class Filters {
        @Test
        void showOneSeverity() {
            findings.severityProperty().set(Severity.WARNING);
            assertThat(findings.shown()).isNotEmpty().allMatch(r -> r.severity().equals("WARNING"));
            assertThat(findings.shown().size()).isLessThan(findings.all().size());
        }

        @Test
        void matchCodeResourceOrNamespaceText() {
            findings.filterTextProperty().set("tm206");
            assertThat(findings.shown()).extracting(FindingRow::code).containsOnly("TM206");
            findings.filterTextProperty().set("MESSAGING");
            assertThat(findings.shown())
                    .isNotEmpty()
                    .allMatch(r -> r.resource().toLowerCase().contains("messaging"));
        }

        @Test
        void badgeOnlyTheWorkloadsOfShownFindings() {
            findings.filterTextProperty().set("TM104");
            assertThat(findings.badgedProperty().get()).containsExactly("legacy/core-banking-adapter");
            findings.filterTextProperty().set("TM101");
            assertThat(findings.badgedProperty().get()).isNotEmpty().allMatch(id -> id.startsWith("messaging/"));
        }

        @Test
        void badgeTheWorkloadsAPeerAuthenticationFindingIsAbout() {
            // TM103 names the lab's PERMISSIVE namespace-wide PeerAuthentications: their namespaces' workloads.
            findings.filterTextProperty().set("PeerAuthentication messaging/default");
            assertThat(findings.shown()).isNotEmpty();
            assertThat(findings.badgedProperty().get())
                    .contains("messaging/notifications", "messaging/kafka")
                    .allMatch(id -> id.startsWith("messaging/"));
        }
    }

    @Nested
    class Selecting {
        @Test
        void selectsTheWorkloadAFindingNames() {
            assertThat(findings.select(row("TM104"))).contains("legacy/core-banking-adapter");
            assertThat(graph.selectionProperty().get()).isEqualTo(Selection.node("legacy/core-banking-adapter"));
            assertThat(findings.detailProperty().get())
                    .startsWith("TM104 Deployment legacy/core-banking-adapter")
                    .contains("Fix: ");
        }

        @Test
        void selectsTheEdgeABrokenConnectionFindingNamesAndTheInspectorExplainsIt() {
            InspectorViewModel inspector = new InspectorViewModel(Messages.load(), graph);
            inspector.meshProperty().set(state);
            List<String> broken = graph.visibleProperty().get().edges().stream()
                    .filter(e -> e.connectionClass().equals("broken"))
                    .map(GraphEdge::id)
                    .toList();
            assertThat(broken).hasSize(1);

            assertThat(findings.select(row("TM105"))).contains("payments/ledger");

            assertThat(graph.selectionProperty().get()).isEqualTo(Selection.edge(broken.get(0)));
            assertThat(inspector.titleProperty().get()).isEqualTo("legacy/core-banking-adapter \u2192 payments/ledger");
            assertThat(inspector.text()).contains("BROKEN".toLowerCase()).contains("Verdict DENY");
        }

        @Test
        void leavesTheSelectionForANamespaceFinding() {
            graph.select(Selection.node("frontend/web"));
            assertThat(findings.select(row("TM101"))).isEmpty();
            assertThat(graph.selectionProperty().get()).isEqualTo(Selection.node("frontend/web"));
        }
    }
}
