package dev.trustmap.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.analysis.breach.BlastRadius;
import dev.trustmap.analysis.breach.Hop;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Workload;
import dev.trustmap.ui.LabFixture;
import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import dev.trustmap.ui.graph.GraphViewModel;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BreachViewModelTest {
    private static final String WEB = "frontend/web";

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
    private final List<Throwable> errors = new ArrayList<>();
    private final UiTasks tasks = new UiTasks(worker, Runnable::run, errors::add);
    private Engine draft;
    private final AttackReplayViewModelTest.ManualClock clock = new AttackReplayViewModelTest.ManualClock();
    private final BreachViewModel breach =
            new BreachViewModel(Messages.load(), tasks, () -> draft, new GraphViewModel(), clock);
    private MeshState state;

    @BeforeEach
    void showLab() {
        state = LabFixture.state();
        breach.meshChanged(state);
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    private void awaitWorker() throws Exception {
        worker.submit(() -> {}).get();
    }

    private BlastRadius expected() {
        Workload web = state.snapshot().workloads().stream()
                .filter(w -> w.id().equals(WEB))
                .findFirst()
                .orElseThrow();
        return BlastRadius.of(state.engine(), web, state.traffic());
    }

    @Test
    void summarisesTheTotalsOfTheBlastRadius() throws Exception {
        breach.compromise(WEB);
        awaitWorker();
        BlastRadius radius = expected();
        int reached = radius.reached().size();
        assertThat(errors).isEmpty();
        assertThat(breach.summaryProperty().get())
                .startsWith(WEB + " reaches " + reached + " of 19 workloads ("
                        + radius.direct().size() + " directly, "
                        + (reached - radius.direct().size()) + " in further hops), "
                        + radius.reachedOverPlaintext().size() + " over plaintext");
        assertThat(breach.hops()).hasSize(radius.hops().size());
        assertThat(breach.activeProperty().get()).isTrue();
    }

    @Test
    void marksTheCompromisedWorkloadAndWhatItReaches() throws Exception {
        breach.compromise(WEB);
        awaitWorker();
        BreachMarks marks = breach.marksProperty().get();
        BlastRadius radius = expected();
        assertThat(marks.nodes()).containsEntry(WEB, BreachMarks.COMPROMISED);
        radius.direct().forEach(id -> assertThat(marks.nodes()).containsEntry(id, BreachMarks.REACHED));
        radius.reached().forEach((id, depth) -> {
            if (depth > 1) {
                assertThat(marks.nodes()).containsEntry(id, BreachMarks.REACHED_FAR);
            }
        });
        radius.plaintextEdges()
                .forEach(e -> assertThat(marks.plaintextPairs())
                        .contains(BreachMarks.pair(e.from().id(), e.to().id())));
    }

    @Test
    void showsTheDraftsRadiusBesideIt() throws Exception {
        draft = state.engine();
        breach.compromise(WEB);
        awaitWorker();
        int reached = expected().reached().size();
        assertThat(breach.draftSummaryProperty().get())
                .isEqualTo("With the draft: reaches " + reached + " of 19 workloads (now " + reached
                        + "); 0 no longer reached, 0 newly reached.");
    }

    @Test
    void replaysTheAttackFromTheCompromisedWorkloadAndClearForgetsIt() throws Exception {
        breach.compromise(WEB);
        awaitWorker();
        breach.replay();
        awaitWorker();
        breach.attack().runAll();
        assertThat(errors).isEmpty();
        List<ProbeRow> rows = breach.attack().rows();
        long passed = rows.stream().filter(ProbeRow::passed).count();
        assertThat(rows).isNotEmpty().allMatch(r -> r.edgeId().startsWith(WEB + " -> "));
        assertThat(passed).isPositive().isLessThan(rows.size());
        assertThat(breach.replaySummaryProperty().get())
                .startsWith(rows.size() + " probes: " + passed + " passed to ")
                .endsWith(", " + (rows.size() - passed) + " blocked.");
        assertThat(breach.marksProperty().get().nodes())
                .containsEntry(WEB, BreachMarks.COMPROMISED)
                .containsValue(BreachMarks.PROBE_PASS);
        breach.clear();
        assertThat(breach.replaySummaryProperty().get()).isEmpty();
        assertThat(breach.attack().rows()).isEmpty();
    }

    @Test
    void marksTheEdgesItCanUseAndThoseTheDraftWouldClose() throws Exception {
        Engine current = state.engine();
        Workload web = expected().compromised().get(0);
        draft = draftDenying(current, web);
        breach.compromise(WEB);
        awaitWorker();
        Map<String, String> edges = breach.marksProperty().get().edges();
        BlastRadius now = expected();
        BlastRadius drafted = BlastRadius.of(draft, web);
        List<Hop> direct = now.hops().stream().filter(h -> h.depth() == 1).toList();
        assertThat(edges).hasSize(direct.size());
        for (Hop hop : direct) {
            boolean kept =
                    drafted.hops().stream().anyMatch(h -> BreachMarks.edgeId(h).equals(BreachMarks.edgeId(hop)));
            assertThat(edges)
                    .containsEntry(BreachMarks.edgeId(hop), kept ? BreachMarks.ATTACK : BreachMarks.ATTACK_CLOSED);
        }
        assertThat(edges).containsValue(BreachMarks.ATTACK_CLOSED).containsValue(BreachMarks.ATTACK);
        long closed = edges.values().stream()
                .filter(BreachMarks.ATTACK_CLOSED::equals)
                .count();
        assertThat(breach.hops().stream().filter(line -> line.startsWith("1  [the draft closes it]  frontend/web -> ")))
                .hasSize((int) closed);
    }

    @Test
    void computesAgainWhenTheDraftChangesButNotOnEveryTick() throws Exception {
        breach.compromise(WEB);
        awaitWorker();
        assertThat(breach.draftSummaryProperty().get()).isEmpty();
        draft = draftDenying(state.engine(), expected().compromised().get(0));

        breach.draftChanged();
        awaitWorker();

        assertThat(breach.draftSummaryProperty().get()).startsWith("With the draft: ");
        assertThat(breach.marksProperty().get().edges()).containsValue(BreachMarks.ATTACK_CLOSED);
        breach.draftChanged();
        assertThat(breach.summaryProperty().get()).doesNotStartWith("Computing");
    }

    @Test
    void aTrafficTickOrADraftReassessedWithTheSamePoliciesDoesNotComputeAgain() throws Exception {
        draft = draftDenying(state.engine(), expected().compromised().get(0));
        breach.compromise(WEB);
        awaitWorker();
        BreachMarks shown = breach.marksProperty().get();
        String summary = breach.summaryProperty().get();

        // what the editor does on every tick: the same draft, assessed again, in a new engine; and newer traffic
        draft = Engine.of(draft.snapshot());
        breach.draftChanged();
        breach.meshChanged(state.withTraffic(state.traffic(), java.time.Instant.now()));

        assertThat(breach.summaryProperty().get()).isEqualTo(summary);
        assertThat(breach.marksProperty().get()).isSameAs(shown);
        draft = null;
        breach.draftChanged();
        awaitWorker();
        assertThat(breach.draftSummaryProperty().get())
                .as("a real change computes again")
                .isEmpty();
    }

    @Test
    void anotherMeshSourceClearsTheCompromiseAndTheReplayAndSaysSo() throws Exception {
        breach.compromise(WEB);
        awaitWorker();
        breach.replay();
        awaitWorker();
        breach.attack().runAll();
        assertThat(breach.attack().rows()).isNotEmpty();

        breach.meshChanged(new MeshState(
                "scenario.yaml", state.engine(), state.traffic(), state.assessment(), java.time.Instant.now()));
        awaitWorker();

        assertThat(breach.activeProperty().get()).isFalse();
        assertThat(breach.attack().activeProperty().get()).isFalse();
        assertThat(breach.attack().rows()).isEmpty();
        assertThat(breach.marksProperty().get()).isEqualTo(BreachMarks.NONE);
        assertThat(breach.summaryProperty().get())
                .startsWith("The mesh source changed to scenario.yaml: the compromise and the replayed attack were"
                        + " cleared.");
    }

    @Test
    void namesTheWorkloadsTheDraftCutsOffAndMarksThemApart() throws Exception {
        Workload web = expected().compromised().get(0);
        draft = withPolicy(
                state.engine(),
                "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: allow-nothing,"
                        + " namespace: messaging}\nspec: {}\n");
        breach.compromise(WEB);
        awaitWorker();
        java.util.Set<String> cut = BlastRadius.compare(expected(), BlastRadius.of(draft, web, state.traffic()))
                .noLongerReached();
        assertThat(cut).isNotEmpty();

        assertThat(breach.draftSummaryProperty().get())
                .endsWith("The draft cuts off: " + String.join(", ", new java.util.TreeSet<>(cut)) + ".");
        cut.forEach(id -> assertThat(breach.marksProperty().get().nodes()).containsEntry(id, BreachMarks.CUT_OFF));
        assertThat(breach.marksProperty().get().nodes()).containsValue(BreachMarks.REACHED);
    }

    /** The lab with one more policy: a DENY of {@code web}'s principal on the first workload it reaches directly. */
    private static Engine draftDenying(Engine current, Workload web) {
        Workload first = BlastRadius.of(current, web).hops().stream()
                .map(Hop::to)
                .filter(w -> w.sidecar() && !w.gateway())
                .findFirst()
                .orElseThrow();
        String principal =
                web.identity(current.snapshot().meshConfig().trustDomain()).principal();
        String labels = first.labels().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
        String yaml =
                "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: deny-web, namespace: "
                        + first.namespace() + "}\nspec:\n  selector: {matchLabels: {" + labels + "}}\n  action: DENY\n"
                        + "  rules: [{from: [{source: {principals: [\"" + principal + "\"]}}]}]\n";
        return withPolicy(current, yaml);
    }

    /** The current policies and one more, from YAML. */
    private static Engine withPolicy(Engine current, String yaml) {
        HasMetadata deny = new KubernetesSerialization()
                .unmarshal(new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        MeshSnapshot now = current.snapshot();
        List<HasMetadata> policies = new ArrayList<>(now.policies());
        policies.add(deny);
        return Engine.of(new MeshSnapshot(
                now.namespaces(), now.workloads(), now.services(), now.serviceAccounts(), policies, now.meshConfig()));
    }

    @Test
    void marksEveryWorkloadOfAServiceAccount() throws Exception {
        breach.compromiseServiceAccount(WEB);
        awaitWorker();
        Workload web = expected().compromised().get(0);
        assertThat(breach.summaryProperty().get())
                .startsWith("frontend/" + web.serviceAccount() + " (service account) reaches ");
        assertThat(breach.marksProperty().get().nodes()).containsEntry(WEB, BreachMarks.COMPROMISED);
    }

    @Test
    void clearForgetsTheMarks() throws Exception {
        breach.compromise(WEB);
        awaitWorker();
        breach.clear();
        assertThat(breach.marksProperty().get()).isEqualTo(BreachMarks.NONE);
        assertThat(breach.summaryProperty().get()).startsWith("Right-click a workload");
        assertThat(breach.draftSummaryProperty().get()).isEmpty();
    }

    @Test
    void ignoresTheOutsideClients() {
        assertThat(breach.canCompromise("unknown")).isFalse();
        assertThat(breach.canCompromise(WEB)).isTrue();
    }
}
