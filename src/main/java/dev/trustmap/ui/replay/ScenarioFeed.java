package dev.trustmap.ui.replay;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.analysis.workspace.DraftSource;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.source.folder.ManifestException;
import dev.trustmap.source.scenario.Scenario;
import dev.trustmap.source.scenario.ScenarioLoader;
import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.main.MeshFeed;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A scenario file as the window's mesh: its workloads, Services and policies, with its requests drawn as edges. The
 * engine is built as {@code trustmap test} builds it (the scenario's external authorizers included), so a replay on
 * it gives the same verdicts. Does not change after loading.
 */
final class ScenarioFeed implements MeshFeed {
    private final Path file;
    private final String name;
    private volatile Loaded loaded;

    /** What {@link #open} read: the scenario and the state it showed. */
    record Loaded(Scenario scenario, MeshState state) {}

    ScenarioFeed(Path file, String name) {
        this.file = file;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DraftSource draftSource() {
        return DraftSource.scenario(file, name);
    }

    @Override
    public MeshState open(Instant now) throws ManifestException {
        Scenario scenario = ScenarioLoader.load(file);
        Engine engine = Engine.of(scenario.snapshot(), scenario.externalAuthorizer());
        Traffic traffic = ScenarioTraffic.of(scenario, engine, now);
        MeshState state = new MeshState(name, engine, traffic, Assessment.of(engine, traffic), now);
        loaded = new Loaded(scenario, state);
        return state;
    }

    /** The scenario once {@link #open} succeeded, else null. */
    Loaded loaded() {
        return loaded;
    }

    Path file() {
        return file;
    }

    @Override
    public String trafficOrigin() {
        return file.getFileName().toString();
    }

    @Override
    public String openErrorKey() {
        return "replay.error.open";
    }

    @Override
    public Optional<Traffic> tick(Instant now) {
        return Optional.empty();
    }

    @Override
    public boolean live() {
        return false;
    }
}
