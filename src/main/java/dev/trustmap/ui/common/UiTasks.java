package dev.trustmap.ui.common;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place background work runs: a single worker thread for loading, analysis and layout, with results and
 * failures handed to the FX thread. One thread keeps ticks and loads in order without locking the model.
 */
public final class UiTasks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UiTasks.class);

    private final ScheduledExecutorService worker;
    private final Executor fx;
    private final Consumer<Throwable> defaultFailure;

    /** For tests: any worker and any "FX" executor (e.g. {@code Runnable::run}). */
    public UiTasks(ScheduledExecutorService worker, Executor fx, Consumer<Throwable> defaultFailure) {
        this.worker = worker;
        this.fx = fx;
        this.defaultFailure = defaultFailure;
    }

    /** The application's helper: one daemon worker thread, results on the FX thread. */
    public static UiTasks create(Consumer<Throwable> defaultFailure) {
        ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "trustmap-worker");
            thread.setDaemon(true);
            return thread;
        });
        return new UiTasks(worker, Platform::runLater, defaultFailure);
    }

    /** Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the FX thread. */
    public <T> Future<?> run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        return worker.submit(() -> execute(work, onSuccess, onFailure));
    }

    /** Like {@link #run(Callable, Consumer, Consumer)}; failures go to the default handler (log and dialog). */
    public <T> Future<?> run(Callable<T> work, Consumer<? super T> onSuccess) {
        return run(work, onSuccess, defaultFailure);
    }

    /** Runs {@code work} every {@code period} (after the previous run ends) until the returned future is cancelled. */
    public <T> Future<?> every(Duration period, Callable<T> work, Consumer<? super T> onSuccess) {
        long millis = period.toMillis();
        return worker.scheduleWithFixedDelay(
                () -> execute(work, onSuccess, defaultFailure), millis, millis, TimeUnit.MILLISECONDS);
    }

    private <T> void execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            Consumer<Throwable> handler = Objects.requireNonNullElse(onFailure, defaultFailure);
            fx.execute(() -> handler.accept(e));
            return;
        }
        fx.execute(() -> onSuccess.accept(result));
    }

    @Override
    public void close() {
        worker.shutdownNow();
        LOG.debug("background worker stopped");
    }
}
