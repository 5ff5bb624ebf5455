package dev.trustmap.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.ui.LabFixture;
import dev.trustmap.ui.common.DialogService;
import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
    private final List<String> errors = new ArrayList<>();
    private final UiTasks tasks = new UiTasks(worker, Runnable::run, e -> errors.add(e.toString()));
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final MainViewModel viewModel =
            new MainViewModel(Messages.load(), tasks, dialogs, MeshFeeds.standard(Messages.load()));

    @TempDir
    Path folder;

    @AfterEach
    void stop() {
        tasks.close();
    }

    @Test
    void showsAFeedWithCountsInTheStatusBar() throws Exception {
        viewModel.open(new StaticFeed(LabFixture.state()));
        awaitWorker();
        assertThat(viewModel.graph().modelProperty().get().nodes()).hasSize(21);
        assertThat(viewModel.sourceProperty().get()).isEqualTo("Source: fixture");
        assertThat(viewModel.countsProperty().get())
                .startsWith("20 workloads · ")
                .endsWith("2 denied");
        assertThat(viewModel.namespaces()).startsWith("", "analytics").contains("payments");
    }

    @Test
    void relayoutAndCountsFollowTheNamespaceFilter() throws Exception {
        viewModel.open(new StaticFeed(LabFixture.state()));
        awaitWorker();
        var graph = viewModel.graph();
        graph.namespaceFilterProperty().set("legacy");
        assertThat(viewModel.countsProperty().get()).startsWith("4 of 20 workloads · 4 of 33 edges");

        viewModel.relayout();
        awaitWorker();
        var filtered = dev.trustmap.ui.graph.LayeredLayout.compute(
                graph.visibleProperty().get());
        assertThat(graph.positionsProperty().get()).containsAllEntriesOf(filtered);

        graph.namespaceFilterProperty().set("");
        awaitWorker();
        assertThat(graph.positionsProperty().get())
                .isEqualTo(dev.trustmap.ui.graph.LayeredLayout.compute(
                        graph.modelProperty().get()));
        assertThat(viewModel.countsProperty().get()).startsWith("20 workloads");
    }

    @Test
    void opensAFolderWithItsTrafficFile() throws Exception {
        viewModel.openFolder(Path.of("src/test/resources/traffic/bookinfo"));
        awaitWorker();
        assertThat(errors).isEmpty();
        assertThat(viewModel.sourceProperty().get()).isEqualTo("Source: Folder bookinfo");
        assertThat(viewModel.graph().modelProperty().get().edges()).isNotEmpty();
        assertThat(viewModel.graph().modelProperty().get().nodeIds()).contains("unknown");
        assertThat(viewModel.warningProperty().get()).isEmpty();
    }

    @Test
    void warnsAboutTrafficEdgesNamingMissingWorkloadsAndStillLoads() throws Exception {
        Path bookinfo = Path.of("src/test/resources/traffic/bookinfo");
        try (var files = Files.list(bookinfo)) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        Path traffic = folder.resolve("traffic.yaml");
        Files.writeString(
                traffic, Files.readString(traffic).replace("to: bookinfo/details-v1", "to: bookinfo/detials-v1"));

        viewModel.openFolder(folder);
        awaitWorker();

        assertThat(dialogs.shown).isEmpty();
        assertThat(viewModel.graph().modelProperty().get().nodeIds()).contains("bookinfo/productpage-v1");
        assertThat(viewModel.warningProperty().get()).contains("1 observed edge not shown");
        assertThat(viewModel.warningDetailsProperty().get())
                .isEqualTo("traffic.yaml: edge bookinfo/productpage-v1 -> bookinfo/detials-v1: "
                        + "no such workload bookinfo/detials-v1");
    }

    @Test
    void keepsTheViewAndSaysSoWhenAFolderHasNoManifests() throws Exception {
        viewModel.open(new StaticFeed(LabFixture.state()));
        awaitWorker();
        Files.writeString(folder.resolve("notes.txt"), "not a manifest");

        viewModel.openFolder(folder);
        awaitWorker();

        assertThat(dialogs.shown)
                .singleElement()
                .asString()
                .contains("Could not open the folder", folder + ": no .yaml, .yml or .json files in this folder.");
        assertThat(viewModel.graph().modelProperty().get().nodes()).hasSize(21);
        assertThat(viewModel.sourceProperty().get()).isEqualTo("Source: fixture");
    }

    @Test
    void keepsTheViewWhenAFolderIsBroken() throws Exception {
        viewModel.open(new StaticFeed(LabFixture.state()));
        awaitWorker();
        Files.writeString(folder.resolve("bad.yaml"), "apiVersion: v1\nkind: Service\nmetadata:\n  name: [\n");
        viewModel.openFolder(folder);
        awaitWorker();
        assertThat(dialogs.shown).singleElement().asString().contains("Could not open the folder", "bad.yaml");
        assertThat(viewModel.graph().modelProperty().get().nodes()).hasSize(21);
        assertThat(viewModel.sourceProperty().get()).isEqualTo("Source: fixture");
    }

    @Test
    void ticksUpdateEdgesInPlaceAndKeepPositions() throws Exception {
        MeshState lab = LabFixture.state();
        viewModel.open(new LiveFeed(lab));
        awaitWorker();
        var positions = viewModel.graph().positionsProperty().get();
        var before = viewModel.graph().modelProperty().get();
        Thread.sleep(MainViewModel.TICK.toMillis() + 300);
        awaitWorker();
        assertThat(viewModel.graph().modelProperty().get()).isNotSameAs(before);
        assertThat(viewModel.graph().modelProperty().get().edges().get(0).rate())
                .isEqualTo(123.0);
        assertThat(viewModel.graph().positionsProperty().get()).isSameAs(positions);
    }

    private void awaitWorker() throws Exception {
        worker.submit(() -> {}).get();
    }

    private static final class RecordingDialogs implements DialogService {
        final List<String> shown = new ArrayList<>();

        @Override
        public void showError(String title, String message, Throwable details) {
            shown.add(title + ": " + message);
        }

        @Override
        public Optional<Path> chooseFolder(String title) {
            return Optional.empty();
        }
    }

    /** The lab's first second, then every tick the same edges at 123 requests a second. */
    private record LiveFeed(MeshState state) implements MeshFeed {
        @Override
        public String name() {
            return "live";
        }

        @Override
        public MeshState open(Instant now) {
            return state;
        }

        @Override
        public Optional<Traffic> tick(Instant now) {
            List<TrafficEdge> faster = state.traffic().edges().stream()
                    .map(e -> new TrafficEdge(
                            e.sourceNamespace(),
                            e.sourceWorkload(),
                            e.destinationNamespace(),
                            e.destinationWorkload(),
                            e.service(),
                            e.port(),
                            e.protocol(),
                            123.0,
                            e.responseCodes(),
                            e.mtlsShare(),
                            e.methods(),
                            e.paths()))
                    .toList();
            return Optional.of(new Traffic(faster, now));
        }

        @Override
        public boolean live() {
            return true;
        }
    }

    private record StaticFeed(MeshState state) implements MeshFeed {
        @Override
        public String name() {
            return "fixture";
        }

        @Override
        public MeshState open(Instant now) {
            return new MeshState("fixture", state.engine(), state.traffic(), state.assessment(), now);
        }

        @Override
        public Optional<Traffic> tick(Instant now) {
            return Optional.empty();
        }

        @Override
        public boolean live() {
            return false;
        }
    }
}
