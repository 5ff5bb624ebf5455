package dev.trustmap.ui.main;

import dev.trustmap.ui.common.FxDialogService;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.graphstream.ui.fx_viewer.FxDefaultView;

/**
 * Measures the window on generated meshes: time from "open" to the graph populated and drawn once, FX pulses per
 * second idle and while panning, heap after GC. Not a unit test: run {@code LargeMeshBench$Run} by hand on a display
 * (e.g. Xvfb), see docs/benchmarks.md. Arguments: sizes, e.g. {@code 500 2000 5000}; results go to
 * {@code target/ui-bench.tsv}.
 */
public final class LargeMeshBench extends Application {
    private static final int RUNS = 3;
    private static final Path OUT = Path.of("target", "ui-bench.tsv");

    private MainWindow window;

    /** The entry point; a class apart because a main class extending Application needs JavaFX modules. */
    public static final class Run {
        private Run() {}

        public static void main(String[] args) {
            launch(LargeMeshBench.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        Messages messages = Messages.load();
        UiTasks tasks = UiTasks.create(e -> Platform.exit());
        MeshFeeds feeds = new MeshFeeds(() -> new GeneratedFeed(10), path -> new GeneratedFeed(10));
        MainViewModel viewModel = new MainViewModel(messages, tasks, new FxDialogService(() -> stage, messages), feeds);
        window = new MainWindow(viewModel, messages);
        window.show(stage, "Trustmap benchmark");
        int[] sizes =
                getParameters().getRaw().stream().mapToInt(Integer::parseInt).toArray();
        Thread runner = new Thread(() -> runAll(sizes), "bench");
        runner.setDaemon(true);
        runner.start();
    }

    private void runAll(int[] sizes) {
        List<String> lines = new ArrayList<>();
        lines.add("workloads\tedges\tfirst_graph_ms\trender_ms\tidle_pulses_s\tpan_pulses_s\theap_mb");
        try {
            for (int size : sizes) {
                for (int run = 0; run < RUNS; run++) {
                    lines.add(measure(size));
                }
                screenshot(size);
            }
            Files.createDirectories(OUT.getParent());
            Files.write(OUT, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            Platform.exit();
        }
    }

    private String measure(int size) throws Exception {
        CompletableFuture<long[]> shown = new CompletableFuture<>();
        Platform.runLater(() -> openAndWatch(size, shown));
        long[] times = shown.get(120, TimeUnit.SECONDS);
        Thread.sleep(500);
        double idle = pulsesPerSecond(false);
        double panning = pulsesPerSecond(true);
        System.gc();
        Thread.sleep(300);
        long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
        int edges = onFx(() -> window.graphView().graph().getEdgeCount());
        return String.format(
                Locale.ROOT, "%d\t%d\t%d\t%d\t%.1f\t%.1f\t%d", size, edges, times[0], times[1], idle, panning, heap);
    }

    /** Opens the mesh; when the graph holds every node, draws it once and reports both times. */
    private void openAndWatch(int size, CompletableFuture<long[]> shown) {
        long start = System.nanoTime();
        Object previous = window.viewModel().state();
        window.viewModel().open(new GeneratedFeed(size));
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (window.viewModel().state() == previous
                        || window.graphView().graph().getNodeCount() < size) {
                    return;
                }
                stop();
                FxDefaultView view = (FxDefaultView) window.graphView().node();
                long renderStart = System.nanoTime();
                view.display(null, true);
                long end = System.nanoTime();
                shown.complete(new long[] {(end - start) / 1_000_000, (end - renderStart) / 1_000_000});
            }
        }.start();
    }

    private double pulsesPerSecond(boolean pan) throws Exception {
        long[] pulses = new long[1];
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses[0]++;
            }
        };
        Timeline panning = new Timeline(
                new KeyFrame(Duration.millis(16), e -> window.graphView().panBy(4, 2)));
        panning.setCycleCount(Timeline.INDEFINITE);
        onFx(() -> {
            counter.start();
            if (pan) {
                panning.play();
            }
            return null;
        });
        Thread.sleep(3000);
        onFx(() -> {
            counter.stop();
            panning.stop();
            window.graphView().endPan();
            window.graphView().fit();
            return null;
        });
        return pulses[0] / 3.0;
    }

    private void screenshot(int size) throws Exception {
        Path file = Path.of("target", "screenshots", "generated-" + size + ".png");
        Files.createDirectories(file.getParent());
        WritableImage image = onFx(() -> window.scene().snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        onFx(() -> {
            window.graphView().zoomIn();
            window.graphView().zoomIn();
            window.graphView().zoomIn();
            window.graphView().zoomIn();
            return null;
        });
        Thread.sleep(1000);
        Path zoomed = Path.of("target", "screenshots", "generated-" + size + "-zoomed.png");
        ImageIO.write(
                SwingFXUtils.fromFXImage(onFx(() -> window.scene().snapshot(null)), null), "png", zoomed.toFile());
        onFx(() -> {
            window.graphView().fit();
            return null;
        });
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
