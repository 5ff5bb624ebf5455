package dev.trustmap.export.report;

import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.source.lab.Lab;
import dev.trustmap.source.lab.TrafficSimulator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A few seconds of the lab's simulated traffic, merged into one window (rates averaged over it). */
public final class LabTraffic {
    private static final long SEED = 42;

    private LabTraffic() {}

    /** Simulates {@code seconds} ticks ending at {@code end} and averages them per edge. */
    public static Traffic simulate(Engine engine, int seconds, Instant end) {
        TrafficSimulator simulator = new TrafficSimulator(engine, Lab.callGraph(), SEED);
        List<Traffic> ticks = new ArrayList<>();
        for (int s = seconds - 1; s >= 0; s--) {
            ticks.add(simulator.tick(end.minusSeconds(s)));
        }
        return Traffic.averaged(ticks);
    }
}
