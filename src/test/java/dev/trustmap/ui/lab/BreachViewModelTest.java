package dev.trustmap.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.analysis.breach.BlastRadius;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.Workload;
import dev.trustmap.ui.LabFixture;
import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import java.util.ArrayList;
import java.util.List;
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
    private final BreachViewModel breach = new BreachViewModel(Messages.load(), tasks, () -> draft);
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
        return BlastRadius.of(state.engine(), web);
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
    void replaysProbesToEveryOtherServicePortAndCountsThem() throws Exception {
        breach.compromise(WEB);
        awaitWorker();
        breach.replay();
        awaitWorker();
        assertThat(errors).isEmpty();
        assertThat(breach.replaySummaryProperty().get()).matches("Replay from frontend/web: \\d+ probes .*");
        assertThat(breach.hops()).isNotEmpty().allMatch(line -> line.startsWith("pass") || line.startsWith("blocked"));
        assertThat(breach.hops()).anyMatch(line -> line.startsWith("blocked"));
        assertThat(breach.marksProperty().get().nodes())
                .containsEntry(WEB, BreachMarks.COMPROMISED)
                .containsValue(BreachMarks.PROBE_PASS);
        breach.clear();
        assertThat(breach.replaySummaryProperty().get()).isEmpty();
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
