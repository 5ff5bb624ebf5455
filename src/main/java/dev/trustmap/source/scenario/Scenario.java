package dev.trustmap.source.scenario;

import dev.trustmap.engine.ExternalAuthorizer;
import dev.trustmap.mesh.MeshSnapshot;
import java.util.List;
import java.util.Map;

/**
 * A scenario file read into engine form: a small mesh, the requests to try, and what each should come to.
 *
 * @param file the file as named when loaded
 * @param source where the expected behaviour is stated
 * @param summary one line about the case
 * @param assume what the case takes for granted outside Istio, or null
 * @param snapshot the mesh: short-form workloads and their Services merged with the resources
 * @param requests the requests, in file order
 * @param externalAuthorizer how CUSTOM providers answer, from {@code externalAuthorizers}
 * @param skippedKinds resources of kinds Trustmap does not read, counted by kind
 * @param warnings what was read with a fallback
 */
public record Scenario(
        String file,
        String source,
        String summary,
        String assume,
        MeshSnapshot snapshot,
        List<ScenarioRequest> requests,
        ExternalAuthorizer externalAuthorizer,
        Map<String, Integer> skippedKinds,
        List<String> warnings) {

    public Scenario {
        requests = List.copyOf(requests);
        skippedKinds = Map.copyOf(skippedKinds);
        warnings = List.copyOf(warnings);
    }
}
