package dev.trustmap.ui.main;

import dev.trustmap.mesh.Traffic;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.TrafficHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The lab's simulated traffic as it was shown, one tick a second, kept for the longest window offered. A window
 * longer than what was recorded since the lab opened uses all of it. Thread-safe: the worker records, the FX thread
 * describes.
 */
final class LabHistory implements TrafficHistory {
    static final List<Duration> WINDOWS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15));
    private static final int KEPT = (int) WINDOWS.get(WINDOWS.size() - 1).toSeconds();

    private final Messages messages;
    private final Deque<Traffic> ticks = new ArrayDeque<>();

    LabHistory(Messages messages) {
        this.messages = messages;
    }

    synchronized void record(Traffic tick) {
        ticks.addLast(tick);
        while (ticks.size() > KEPT) {
            ticks.removeFirst();
        }
    }

    /** How many one-second ticks were recorded. */
    synchronized int recorded() {
        return ticks.size();
    }

    @Override
    public String description() {
        return messages.get("generate.traffic.lab", recorded());
    }

    @Override
    public List<Duration> windows() {
        return WINDOWS;
    }

    @Override
    public synchronized Traffic observe(Duration window, Instant now) {
        List<Traffic> recent = new ArrayList<>(ticks);
        int seconds = window == null ? recent.size() : (int) Math.min(recent.size(), window.toSeconds());
        return Traffic.averaged(recent.subList(recent.size() - seconds, recent.size()));
    }
}
