package dev.trustmap.source.cluster;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** Collects what a cluster source delivers, for tests that wait for a change. */
final class Updates implements ClusterListener {
    private final AtomicReference<ClusterUpdate> latest = new AtomicReference<>();
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public void onUpdate(ClusterUpdate update) {
        latest.set(update);
        count.incrementAndGet();
        synchronized (this) {
            notifyAll();
        }
    }

    ClusterUpdate latest() {
        return latest.get();
    }

    int count() {
        return count.get();
    }

    /** Waits until the latest update matches, and returns it; fails after {@code timeout}. */
    synchronized ClusterUpdate await(Predicate<ClusterUpdate> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (latest.get() == null || !condition.test(latest.get())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching update within " + timeout + "; latest: " + describe());
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return latest.get();
    }

    private String describe() {
        ClusterUpdate update = latest.get();
        return update == null
                ? "none"
                : update.status() + " " + update.snapshot().workloads();
    }
}
