package dev.trustmap.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.Protocol;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.mesh.Workload;
import dev.trustmap.source.folder.FolderSource;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import dev.trustmap.ui.graph.GraphModel;
import dev.trustmap.ui.graph.GraphModelBuilder;
import dev.trustmap.ui.graph.GraphViewModel;
import dev.trustmap.ui.graph.LayeredLayout;
import dev.trustmap.ui.graph.Selection;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The replayed attack on src/test/resources/breach/path-restricted, where shop/web may GET /orders/* on shop/orders
 * only, shop/admin takes POST /admin/reset from another account, and open/catalog has no policy (PERMISSIVE).
 */
class AttackReplayViewModelTest {
    private static final Path MESH = Path.of("src/test/resources/breach/path-restricted");
    private static final String WEB = "shop/web";
    private static final String ORDERS_EDGE = "shop/web -> shop/orders:80";
    private static final String CATALOG_EDGE = "shop/web -> open/catalog:80";

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
    private final List<Throwable> errors = new ArrayList<>();
    private final UiTasks tasks = new UiTasks(worker, Runnable::run, errors::add);
    private final GraphViewModel graph = new GraphViewModel();
    private final ManualClock clock = new ManualClock();
    private Engine draft;
    private final AttackReplayViewModel replay =
            new AttackReplayViewModel(Messages.load(), tasks, () -> draft, graph, clock);
    private Engine engine;

    /** Ticks only when the test says so. */
    static final class ManualClock implements AttackReplayViewModel.Clock {
        Runnable tick;

        @Override
        public void start(Runnable newTick) {
            tick = newTick;
        }

        @Override
        public void stop() {
            tick = null;
        }
    }

    private static Engine load(String policies) throws Exception {
        return Engine.of(FolderSource.loadFiles(List.of(MESH.resolve("workloads.yaml"), MESH.resolve(policies)))
                .snapshot());
    }

    /** The graph with one observed edge (web to orders); the replay's marks go on it through the lab's overlay. */
    @BeforeEach
    void showMesh() throws Exception {
        engine = load("policies.yaml");
        TrafficEdge observed = new TrafficEdge(
                "shop",
                "web",
                "shop",
                "orders",
                "orders",
                80,
                Protocol.HTTP,
                1,
                Map.of(200, 1.0),
                1,
                Set.of(),
                Set.of());
        Traffic traffic = new Traffic(List.of(observed), Instant.parse("2026-01-01T00:00:00Z"));
        GraphModel model = GraphModelBuilder.build(engine.snapshot(), Assessment.of(engine, traffic));
        graph.show(model, LayeredLayout.compute(model));
        replay.marksProperty()
                .addListener((obs, old, now) -> graph.overlayProperty().set(new LabOverlay(Set.of(), now)));
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    private void start() throws Exception {
        replay.start(engine, web());
        worker.submit(() -> {}).get();
        assertThat(errors).isEmpty();
    }

    private Workload web() {
        return engine.snapshot().workload("shop", "web").orElseThrow();
    }

    private List<String> lines() {
        return replay.rows().stream()
                .map(r -> r.outcome() + " " + r.method() + " " + r.path() + " " + r.target() + " " + r.port())
                .toList();
    }

    private String edgeClasses(String id) {
        return String.join(
                ", ", graph.visibleProperty().get().edge(id).orElseThrow().styleClasses());
    }

    @Test
    void probesTheAllowedPathAnotherPathAndPlaintextWhereTheServerAcceptsIt() throws Exception {
        start();
        replay.runAll();

        assertThat(lines())
                .containsExactlyInAnyOrder(
                        "passed (200) GET /orders/probe shop/orders orders:80",
                        "blocked (403) GET / shop/orders orders:80",
                        "blocked (403) POST /admin/reset shop/admin admin:80",
                        "blocked (403) GET / shop/admin admin:80",
                        "passed (200) GET / open/catalog catalog:80",
                        "passed (200) GET / open/catalog pod IP:8080 (plaintext)");
        assertThat(replay.rows())
                .filteredOn(r -> r.path().equals("/orders/probe"))
                .singleElement()
                .satisfies(r -> assertThat(r.decidedBy()).isEqualTo("shop/orders-read[rule 0] (ALLOW)"));
        assertThat(replay.rows())
                .filteredOn(r -> r.path().equals("/admin/reset"))
                .singleElement()
                .satisfies(r -> assertThat(r.decidedBy()).startsWith("shop/admin-backoffice"));
    }

    @Test
    void countsProbesPassedToHowManyWorkloadsAndBlocked() throws Exception {
        start();
        replay.runAll();

        assertThat(replay.summaryProperty().get()).isEqualTo("6 probes: 3 passed to 2 workloads, 3 blocked.");
        assertThat(replay.draftSummaryProperty().get()).isEmpty();
        assertThat(replay.runningProperty().get()).isFalse();
    }

    @Nested
    class Animated {
        @Test
        void showsOneProbeAtATimeAndFlashesItsEdge() throws Exception {
            start();

            assertThat(replay.rows()).isEmpty();
            assertThat(replay.runningProperty().get()).isTrue();
            clock.tick.run();
            assertThat(replay.rows()).hasSize(1);
            assertThat(replay.summaryProperty().get()).startsWith("1 of 6 probes shown: ");
            String flashing = replay.rows().get(0).edgeId();
            assertThat(replay.marksProperty().get().edges()).containsEntry(flashing, BreachMarks.PROBE_FLASH);
            clock.tick.run();
            assertThat(replay.rows()).hasSize(2);
            String now = replay.rows().get(1).edgeId();
            assertThat(replay.marksProperty().get().edges()).containsEntry(now, BreachMarks.PROBE_FLASH);
        }

        @Test
        void stopKeepsWhatWasShownAndRunAllShowsTheRest() throws Exception {
            start();
            clock.tick.run();
            clock.tick.run();

            replay.stop();

            assertThat(clock.tick).isNull();
            assertThat(replay.rows()).hasSize(2);
            assertThat(replay.marksProperty().get().edges()).doesNotContainValue(BreachMarks.PROBE_FLASH);
            long passed = replay.rows().stream().filter(ProbeRow::passed).count();
            assertThat(replay.summaryProperty().get())
                    .startsWith("Stopped after 2 of 6 probes: " + passed + " passed to ")
                    .endsWith((2 - passed) + " blocked. Run all shows the rest.");
            assertThat(replay.unfinishedProperty().get())
                    .as("Run all stays enabled")
                    .isTrue();
            replay.runAll();
            assertThat(replay.rows()).hasSize(6);
            assertThat(replay.unfinishedProperty().get()).isFalse();
        }

        @Test
        void endsByItselfAfterTheLastProbe() throws Exception {
            start();
            for (int i = 0; i < 7 && clock.tick != null; i++) {
                clock.tick.run();
            }
            assertThat(replay.runningProperty().get()).isFalse();
            assertThat(replay.summaryProperty().get()).startsWith("6 probes: ");
        }
    }

    @Nested
    class OnTheGraph {
        @Test
        void marksTheObservedEdgeAndAddsEdgesForRoutesWithoutTraffic() throws Exception {
            start();
            replay.runAll();

            assertThat(edgeClasses(ORDERS_EDGE)).startsWith(BreachMarks.PROBE_PASS + ", ");
            assertThat(edgeClasses(CATALOG_EDGE)).startsWith(BreachMarks.PROBE_PASS + ", ");
            assertThat(edgeClasses("shop/web -> shop/admin:80")).startsWith(BreachMarks.PROBE_BLOCKED + ", ");
            assertThat(graph.visibleProperty().get().node(WEB).orElseThrow().styleClasses())
                    .startsWith(BreachMarks.COMPROMISED);
            assertThat(graph.visibleProperty()
                            .get()
                            .node("shop/admin")
                            .orElseThrow()
                            .styleClasses())
                    .startsWith(BreachMarks.PROBE_BLOCKED);
        }

        @Test
        void selectingAProbeSelectsItsEdge() throws Exception {
            start();
            replay.runAll();
            ProbeRow admin = replay.rows().stream()
                    .filter(r -> r.target().equals("shop/admin"))
                    .findFirst()
                    .orElseThrow();

            replay.select(admin);

            assertThat(graph.selectionProperty().get()).isEqualTo(Selection.edge("shop/web -> shop/admin:80"));
        }

        @Test
        void clearTakesTheProbeEdgesAway() throws Exception {
            start();
            replay.runAll();

            replay.clear();

            assertThat(graph.visibleProperty().get().edge(CATALOG_EDGE)).isEmpty();
            assertThat(edgeClasses(ORDERS_EDGE)).doesNotContain("probe");
            assertThat(replay.summaryProperty().get()).isEmpty();
        }
    }

    @Test
    void comparesTheSameProbesAgainstTheDraft() throws Exception {
        draft = load("draft/policies.yaml");
        start();
        replay.runAll();

        assertThat(replay.draftSummaryProperty().get()).isEqualTo("The draft blocks 3 more.");
        assertThat(replay.rows())
                .filteredOn(ProbeRow::draftBlocks)
                .extracting(r -> r.method() + " " + r.path() + " " + r.target())
                .containsExactlyInAnyOrder("GET /orders/probe shop/orders", "GET / open/catalog", "GET / open/catalog");
        assertThat(replay.rows())
                .filteredOn(r -> r.path().equals("/orders/probe"))
                .singleElement()
                .satisfies(r -> assertThat(r.draftOutcome()).isEqualTo("blocked (403)"));
    }
}
