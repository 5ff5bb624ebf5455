package dev.trustmap.source.folder;

import dev.trustmap.mesh.MeshSnapshot;
import java.util.List;
import java.util.Map;

/**
 * A mesh built from manifests, with what was left out.
 *
 * @param snapshot the mesh
 * @param skippedKinds how many objects of each kind Trustmap does not read (VirtualService, Gateway...)
 * @param warnings things that were odd but not fatal, one sentence each
 */
public record AssembledMesh(MeshSnapshot snapshot, Map<String, Integer> skippedKinds, List<String> warnings) {

    public AssembledMesh {
        skippedKinds = Map.copyOf(skippedKinds);
        warnings = List.copyOf(warnings);
    }
}
