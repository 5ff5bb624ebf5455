package dev.trustmap.ui;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.source.lab.Lab;
import dev.trustmap.source.lab.TrafficSimulator;
import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.graph.GraphModel;
import dev.trustmap.ui.graph.GraphModelBuilder;
import java.time.Instant;

/** The lab with one second of simulated traffic, for view model tests. */
public final class LabFixture {
    public static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private LabFixture() {}

    public static MeshState state() {
        Engine engine = Engine.of(Lab.load().snapshot());
        Traffic traffic = new TrafficSimulator(engine, Lab.callGraph(), 42).tick(NOW);
        return new MeshState("lab", engine, traffic, Assessment.of(engine, traffic), NOW);
    }

    public static GraphModel model(MeshState state) {
        return GraphModelBuilder.build(state.snapshot(), state.assessment());
    }
}
