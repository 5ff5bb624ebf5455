package dev.trustmap.ui.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.source.scenario.RequestOutcome;
import dev.trustmap.source.scenario.ScenarioLoader;
import dev.trustmap.source.scenario.ScenarioRunner;
import dev.trustmap.ui.common.DialogService;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import dev.trustmap.ui.graph.GraphModel;
import dev.trustmap.ui.graph.Selection;
import dev.trustmap.ui.main.MainViewModel;
import dev.trustmap.ui.main.MeshFeeds;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReplayViewModelTest {
    private static final Path SHARED = Path.of("src/test/resources/scenarios/shared");
    private static final Path ENGINE = Path.of("src/test/resources/scenarios/engine");
    private static final Path REPLAY = Path.of("src/test/resources/scenarios/replay");

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final UiTasks tasks = new UiTasks(worker, Runnable::run, e -> errors.add(e.toString()));
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final Messages messages = Messages.load();
    private final MainViewModel main = new MainViewModel(messages, tasks, dialogs, MeshFeeds.standard(messages));
    private final ReplayViewModel replay = new ReplayViewModel(messages, tasks, dialogs, main);

    @AfterEach
    void stop() {
        tasks.close();
    }

    private void open(Path file) throws Exception {
        replay.openScenario(file);
        awaitWorker();
    }

    private void awaitWorker() throws Exception {
        worker.submit(() -> {}).get();
    }

    /** Waits for a condition the worker brings about, up to thirty seconds (the machine may be busy). */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition not met in time").isBefore(deadline);
            Thread.sleep(20);
        }
    }

    private static List<String> summaries(List<RequestOutcome> outcomes) {
        return outcomes.stream()
                .map(o -> o.name() + " " + o.request() + " " + o.pass() + " " + o.verdict() + " " + o.mismatch())
                .toList();
    }

    private List<RequestOutcome> shownOutcomes() {
        return replay.rows().stream().map(ReplayRow::outcome).toList();
    }

    @Nested
    class SameVerdictsAsTrustmapTest {
        /** Every shared and engine scenario file, and one with a deliberately wrong expectation. */
        static java.util.stream.Stream<String> scenarioFiles() throws java.io.IOException {
            Path root = Path.of("src/test/resources/scenarios");
            List<String> names = new ArrayList<>();
            for (String folder : List.of("shared", "engine")) {
                try (var files = java.nio.file.Files.list(root.resolve(folder))) {
                    files.map(f -> folder + "/" + f.getFileName()).sorted().forEach(names::add);
                }
            }
            names.add("replay/wrong-expectation.yaml");
            return names.stream();
        }

        @ParameterizedTest
        @MethodSource("scenarioFiles")
        void runAllListsWhatTheRunnerComputes(String name) throws Exception {
            Path file = Path.of("src/test/resources/scenarios").resolve(name);
            open(file);
            replay.runAll();
            awaitWorker();

            List<RequestOutcome> expected = ScenarioRunner.run(ScenarioLoader.load(file));
            assertThat(errors).isEmpty();
            assertThat(summaries(shownOutcomes())).containsExactlyElementsOf(summaries(expected));
            assertThat(replay.rows())
                    .extracting(ReplayRow::result)
                    .containsExactlyElementsOf(expected.stream()
                            .map(o -> o.pass() ? "PASS" : "FAIL")
                            .toList());
            assertThat(replay.rows())
                    .extracting(ReplayRow::text)
                    .containsExactlyElementsOf(
                            expected.stream().map(RequestOutcome::request).toList());
        }

        @Test
        void anAnimatedReplayHighlightsEachEdgeThenEndsWithTheRunnersResults() throws Exception {
            Path file = SHARED.resolve("062-bookinfo-http-authorization.yaml");
            open(file);
            List<String> highlighted = Collections.synchronizedList(new ArrayList<>());
            main.graph()
                    .visibleProperty()
                    .addListener((obs, old, now) -> now.edges().stream()
                            .filter(e -> e.marks().contains(ReplayMarks.CURRENT))
                            .forEach(e -> highlighted.add(e.id())));

            replay.replay();
            assertThat(replay.runningProperty().get()).isTrue();
            await(() -> !replay.runningProperty().get());

            List<RequestOutcome> expected = ScenarioRunner.run(ScenarioLoader.load(file));
            assertThat(summaries(shownOutcomes())).containsExactlyElementsOf(summaries(expected));
            assertThat(replay.countsProperty().get()).isEqualTo("7 of 7 passed");
            List<String> edges = replay.rows().stream().map(ReplayRow::edgeId).toList();
            assertThat(highlighted).containsExactlyElementsOf(edges);
            GraphModel shown = main.graph().visibleProperty().get();
            assertThat(shown.edges()).allSatisfy(e -> assertThat(e.marks()).containsExactly(ReplayMarks.PASS));
        }
    }

    @Nested
    class OpeningAScenario {
        @Test
        void showsItsMeshWithAnEdgePerRequestAndNamesTheFile() throws Exception {
            open(SHARED.resolve("062-bookinfo-http-authorization.yaml"));

            assertThat(main.sourceProperty().get()).isEqualTo("Source: Scenario 062-bookinfo-http-authorization.yaml");
            GraphModel model = main.graph().modelProperty().get();
            assertThat(model.nodeIds())
                    .contains("default/productpage", "default/reviews", "istio-system/istio-ingressgateway");
            assertThat(replay.rows()).hasSize(7).allSatisfy(row -> {
                assertThat(model.edge(row.edgeId())).isPresent();
                assertThat(row.status()).isEqualTo(ReplayRow.Status.PENDING);
            });
            assertThat(replay.countsProperty().get()).isEqualTo("7 requests, not replayed yet.");
            assertThat(replay.titleProperty().get()).isEqualTo("062-bookinfo-http-authorization.yaml");
            assertThat(replay.summaryProperty().get()).startsWith("[docs]");
        }

        @Test
        void drawsClientsOutsideTheClusterFromTheUnknownNode() throws Exception {
            open(ENGINE.resolve("s02-root-namespace-selectors.yaml"));
            replay.runAll();
            awaitWorker();

            ReplayRow outside = replay.rows().stream()
                    .filter(ReplayRow::fromOutside)
                    .findFirst()
                    .orElseThrow();
            assertThat(outside.edgeId()).startsWith("unknown -> ");
            assertThat(main.graph().modelProperty().get().edge(outside.edgeId()))
                    .isPresent();
            replay.select(replay.rows().indexOf(outside));
            assertThat(replay.detailProperty().get()).contains("outside the cluster", "unknown node");
        }

        @Test
        void aWrongExpectationIsAFailedRowAndTheCountsSaySo() throws Exception {
            open(REPLAY.resolve("wrong-expectation.yaml"));
            replay.runAll();
            awaitWorker();

            assertThat(replay.rows()).extracting(ReplayRow::result).containsExactly("FAIL", "PASS");
            assertThat(replay.countsProperty().get()).isEqualTo("1 of 2 passed, 1 failed");
            ReplayRow failed = replay.rows().get(0);
            GraphModel shown = main.graph().visibleProperty().get();
            assertThat(shown.edge(failed.edgeId()).orElseThrow().marks()).containsExactly(ReplayMarks.FAIL);

            replay.select(0);
            assertThat(main.graph().selectionProperty().get()).isEqualTo(Selection.edge(failed.edgeId()));
            assertThat(replay.detailProperty().get())
                    .contains("FAIL: decision: expected ALLOW, got DENY")
                    .contains("Decided by: foo/deny-method-get (DENY), rule 0");
        }

        @Test
        void anEdgeSelectedOnTheGraphSelectsItsFirstRequest() throws Exception {
            open(SHARED.resolve("057-when-conditions.yaml"));
            ReplayRow fromNs2 = replay.rows().stream()
                    .filter(row -> row.text().startsWith("ns2/"))
                    .findFirst()
                    .orElseThrow();

            main.graph().select(Selection.edge(fromNs2.edgeId()));

            assertThat(replay.selectedRowProperty().get())
                    .isEqualTo(replay.rows().indexOf(fromNs2));
            assertThat(replay.detailProperty().get())
                    .startsWith("#" + fromNs2.request().index() + "  ns2/a -> ");
        }

        @Test
        void aBadFileGetsTheDialogWithFileAndLineAndTheMeshStays() throws Exception {
            open(SHARED.resolve("001-deny-get-precedence.yaml"));
            GraphModel before = main.graph().modelProperty().get();

            open(REPLAY.resolve("bad-workload.yaml"));

            assertThat(dialogs.shown)
                    .singleElement()
                    .asString()
                    .startsWith("Could not open the scenario: ")
                    .contains("bad-workload.yaml:10: field requests[1].to")
                    .contains("ghost");
            assertThat(main.graph().modelProperty().get()).isSameAs(before);
            assertThat(main.sourceProperty().get()).isEqualTo("Source: Scenario 001-deny-get-precedence.yaml");
            assertThat(replay.rows()).hasSize(2);
        }

        @Test
        void anotherSourceClearsTheReplay() throws Exception {
            open(REPLAY.resolve("wrong-expectation.yaml"));
            replay.runAll();
            awaitWorker();

            main.openFolder(Path.of("src/test/resources/traffic/bookinfo"));
            awaitWorker();

            assertThat(replay.rows()).isEmpty();
            assertThat(replay.loadedProperty().get()).isFalse();
            assertThat(main.graph().visibleProperty().get().edges())
                    .allSatisfy(e -> assertThat(e.marks()).isEmpty());
        }

        @Test
        void stopKeepsTheResultsSoFar() throws Exception {
            open(SHARED.resolve("057-when-conditions.yaml"));
            replay.replay();
            await(() -> replay.rows().stream().filter(ReplayRow::finished).count() >= 2);

            replay.stop();
            long finished = replay.rows().stream().filter(ReplayRow::finished).count();
            Thread.sleep(ReplayViewModel.STEP.toMillis() * 2);
            awaitWorker();

            assertThat(replay.runningProperty().get()).isFalse();
            assertThat(replay.rows().stream().filter(ReplayRow::finished).count())
                    .isEqualTo(finished);
            assertThat(replay.rows()).noneMatch(row -> row.status() == ReplayRow.Status.REPLAYING);
            assertThat(replay.countsProperty().get()).startsWith("Stopped after " + finished + " of 20: ");
        }
    }

    private static final class RecordingDialogs implements DialogService {
        final List<String> shown = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void showError(String title, String message, Throwable details) {
            shown.add(title + ": " + message);
        }

        @Override
        public Optional<Path> chooseFolder(String title) {
            return Optional.empty();
        }
    }
}
