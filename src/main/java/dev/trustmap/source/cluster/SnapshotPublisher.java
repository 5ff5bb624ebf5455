package dev.trustmap.source.cluster;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coalesces change signals from informer threads into at most one publication per interval, on one executor
 * thread. A change is published within {@code interval} plus the time to build the snapshot; a burst of changes
 * becomes one publication.
 */
final class SnapshotPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotPublisher.class);
    /** A short wait before the first build, so a burst of events lands in one snapshot. */
    private static final long GATHER_MILLIS = 20;

    private final ScheduledExecutorService executor;
    private final long intervalMillis;
    private final Runnable publish;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile long lastRun;

    /**
     * @param executor the single thread that publishes
     * @param interval the shortest time between two publications
     * @param publish builds and delivers a snapshot; runs on {@code executor}
     */
    SnapshotPublisher(ScheduledExecutorService executor, Duration interval, Runnable publish) {
        this.executor = executor;
        this.intervalMillis = interval.toMillis();
        this.publish = publish;
    }

    /** Something changed; thread-safe and cheap, called on client threads. */
    void changed() {
        if (!pending.compareAndSet(false, true)) {
            return;
        }
        long wait = Math.max(GATHER_MILLIS, lastRun + intervalMillis - System.currentTimeMillis());
        try {
            executor.schedule(this::run, wait, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Change after close ignored");
        }
    }

    /** Publishes as soon as the executor is free (used once the first lists are in). */
    Future<?> publishNow() {
        pending.set(false);
        return executor.submit(this::run);
    }

    private void run() {
        pending.set(false);
        lastRun = System.currentTimeMillis();
        try {
            publish.run();
        } catch (RuntimeException e) {
            LOG.error("Building the cluster snapshot failed", e);
        }
    }
}
