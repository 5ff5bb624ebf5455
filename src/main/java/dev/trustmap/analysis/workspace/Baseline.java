package dev.trustmap.analysis.workspace;

import dev.trustmap.analysis.MeshAssessment;
import dev.trustmap.analysis.ResourceKey;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.MeshSnapshot;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The current policies' side of a draft comparison, computed once per snapshot: the engine, its verdict for every
 * pair of workloads, and the policy objects by key. Immutable.
 */
public final class Baseline {
    private final Engine engine;
    private final MeshAssessment pairs;
    private final Map<String, HasMetadata> policies;

    private Baseline(Engine engine) {
        this.engine = engine;
        this.pairs = MeshAssessment.of(engine);
        Map<String, HasMetadata> byKey = new LinkedHashMap<>();
        engine.snapshot().policies().forEach(p -> byKey.put(ResourceKey.of(p), p));
        this.policies = Collections.unmodifiableMap(byKey);
    }

    /** Assesses every pair under the engine's policies (the expensive part: about half a second at 2,000). */
    public static Baseline of(Engine engine) {
        return new Baseline(engine);
    }

    public Engine engine() {
        return engine;
    }

    public MeshSnapshot snapshot() {
        return engine.snapshot();
    }

    public MeshAssessment pairs() {
        return pairs;
    }

    /** The current policy objects by {@link ResourceKey}. */
    public Map<String, HasMetadata> policies() {
        return policies;
    }
}
