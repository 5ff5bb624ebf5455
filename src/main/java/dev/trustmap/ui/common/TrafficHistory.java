package dev.trustmap.ui.common;

import dev.trustmap.mesh.Traffic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The observed traffic a source can give for drafting least-privilege policies, over a window the user picks. The
 * lab records its simulated ticks, a cluster asks Prometheus, a folder has its traffic file (one fixed observation).
 * {@link #observe} runs on the worker and may block; the rest is cheap and called on the FX thread.
 */
public interface TrafficHistory {

    /** One sentence for the dialog: where the traffic comes from, and why no window can be chosen when so. */
    String description();

    /** The windows offered, shortest first; empty when the source has one observation only. */
    List<Duration> windows();

    /** The window offered first; null when there are none. */
    default Duration preferredWindow() {
        List<Duration> windows = windows();
        return windows.isEmpty() ? null : windows.get(Math.min(1, windows.size() - 1));
    }

    /** Whether there is any traffic to draft from; when not, {@link #description()} says why. */
    default boolean available() {
        return true;
    }

    /**
     * The traffic over {@code window} up to {@code now}; worker thread.
     *
     * @param window one of {@link #windows()}, or null when there are none
     * @throws Exception with a message for the user when the traffic cannot be read
     */
    Traffic observe(Duration window, Instant now) throws Exception;

    /** One observation and no choice of window (a traffic file, or the traffic on screen). */
    static TrafficHistory fixed(String description, Traffic traffic) {
        return new TrafficHistory() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public List<Duration> windows() {
                return List.of();
            }

            @Override
            public Traffic observe(Duration window, Instant now) {
                return traffic;
            }
        };
    }

    /** No traffic at all; {@code reason} says why and what to do. */
    static TrafficHistory unavailable(String reason) {
        return new TrafficHistory() {
            @Override
            public String description() {
                return reason;
            }

            @Override
            public List<Duration> windows() {
                return List.of();
            }

            @Override
            public boolean available() {
                return false;
            }

            @Override
            public Traffic observe(Duration window, Instant now) {
                return Traffic.none();
            }
        };
    }
}
