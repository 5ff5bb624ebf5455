package dev.trustmap.ui.common;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Traffic;
import java.time.Instant;

/**
 * What the window shows at one moment: where the mesh came from, the engine over its snapshot, the observed
 * traffic and the engine's assessment of it.
 */
public record MeshState(String sourceName, Engine engine, Traffic traffic, Assessment assessment, Instant updatedAt) {

    public MeshSnapshot snapshot() {
        return engine.snapshot();
    }

    /** The same mesh with newer traffic, assessed by the same engine. */
    public MeshState withTraffic(Traffic newTraffic, Instant now) {
        return new MeshState(sourceName, engine, newTraffic, Assessment.of(engine, newTraffic), now);
    }
}
