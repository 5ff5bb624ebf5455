package dev.trustmap.ui.main;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.source.lab.Lab;
import dev.trustmap.source.lab.TrafficSimulator;
import dev.trustmap.ui.common.MeshState;
import java.time.Instant;
import java.util.Optional;

/** The built-in fintech lab with its traffic simulator: one second of traffic per tick. */
final class LabFeed implements MeshFeed {
    private static final long SEED = 42;

    private final String name;
    private TrafficSimulator simulator;

    LabFeed(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public MeshState open(Instant now) {
        Engine engine = Engine.of(Lab.load().snapshot());
        simulator = new TrafficSimulator(engine, Lab.callGraph(), SEED);
        Traffic traffic = simulator.tick(now);
        return new MeshState(name, engine, traffic, Assessment.of(engine, traffic), now);
    }

    @Override
    public Optional<Traffic> tick(Instant now) {
        return Optional.of(simulator.tick(now));
    }

    @Override
    public boolean live() {
        return true;
    }
}
