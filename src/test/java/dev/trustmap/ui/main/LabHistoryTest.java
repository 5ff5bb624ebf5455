package dev.trustmap.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.source.lab.Lab;
import dev.trustmap.source.lab.TrafficSimulator;
import dev.trustmap.ui.common.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lab's recorded ticks as the traffic of a window. */
class LabHistoryTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String EDGE = "payments/payments -> payments/ledger";

    private final LabHistory history = new LabHistory(Messages.load());
    private final TrafficSimulator simulator =
            new TrafficSimulator(Engine.of(Lab.load().snapshot()), Lab.callGraph(), 42);

    private List<Traffic> record(int seconds) {
        List<Traffic> ticks = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            Traffic tick = simulator.tick(START.plusSeconds(s));
            history.record(tick);
            ticks.add(tick);
        }
        return ticks;
    }

    private static TrafficEdge edge(Traffic traffic) {
        return traffic.edges().stream()
                .filter(e -> (e.sourceId() + " -> " + e.destinationId()).equals(EDGE))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void averagesTheRatesAndJoinsThePathsOfTheWindow() {
        List<Traffic> ticks = record(90);

        Traffic minute = history.observe(Duration.ofMinutes(1), START.plusSeconds(90));

        List<Traffic> last = ticks.subList(30, 90);
        double mean =
                last.stream().mapToDouble(t -> edge(t).requestsPerSecond()).sum() / 60;
        assertThat(edge(minute).requestsPerSecond()).isCloseTo(mean, within(1e-9));
        Set<String> paths = new HashSet<>();
        last.forEach(t -> paths.addAll(edge(t).paths()));
        assertThat(edge(minute).paths()).isEqualTo(paths);
        assertThat(minute.observedAt()).isEqualTo(ticks.get(89).observedAt());
    }

    @Test
    void aWindowLongerThanWhatWasRecordedUsesAllOfIt() {
        record(5);

        assertThat(history.recorded()).isEqualTo(5);
        assertThat(history.description()).contains("5 s recorded");
        assertThat(history.observe(Duration.ofMinutes(15), START).edges()).isNotEmpty();
    }

    @Test
    void keepsNoMoreThanTheLongestWindow() {
        record(15 * 60 + 10);

        assertThat(history.recorded()).isEqualTo(15 * 60);
    }
}
