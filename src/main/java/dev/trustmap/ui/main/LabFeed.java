package dev.trustmap.ui.main;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.analysis.workspace.DraftSource;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.source.lab.Lab;
import dev.trustmap.source.lab.TrafficSimulator;
import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.TrafficHistory;
import java.time.Instant;
import java.util.Optional;

/** The built-in fintech lab with its traffic simulator: one second of traffic per tick. */
final class LabFeed implements MeshFeed {
    private static final long SEED = 42;

    private final String name;
    private final LabHistory history;
    private TrafficSimulator simulator;

    LabFeed(String name, Messages messages) {
        this.name = name;
        this.history = new LabHistory(messages);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DraftSource draftSource() {
        return DraftSource.lab(name);
    }

    @Override
    public MeshState open(Instant now) {
        Engine engine = Engine.of(Lab.load().snapshot());
        simulator = new TrafficSimulator(engine, Lab.callGraph(), SEED);
        Traffic traffic = simulator.tick(now);
        history.record(traffic);
        return new MeshState(name, engine, traffic, Assessment.of(engine, traffic), now);
    }

    @Override
    public Optional<Traffic> tick(Instant now) {
        Traffic traffic = simulator.tick(now);
        history.record(traffic);
        return Optional.of(traffic);
    }

    @Override
    public TrafficHistory history() {
        return history;
    }

    @Override
    public boolean live() {
        return true;
    }
}
