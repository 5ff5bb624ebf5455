package dev.trustmap.analysis;

import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Workload;
import java.util.Map;

/** Workload selectors for the policies Trustmap drafts. */
public final class Selectors {
    private Selectors() {}

    /**
     * The smallest label set that selects this workload alone in its namespace: its {@code app} label when no other
     * workload there shares it, else all its labels (empty when it has none: the caller must refuse that).
     */
    public static Map<String, String> uniqueSelector(MeshSnapshot snapshot, Workload workload) {
        String app = workload.labels().get("app");
        if (app != null) {
            Map<String, String> byApp = Map.of("app", app);
            long matching = snapshot.workloads().stream()
                    .filter(w -> w.namespace().equals(workload.namespace()) && w.matches(byApp))
                    .count();
            if (matching == 1) {
                return byApp;
            }
        }
        return workload.labels();
    }
}
