package dev.trustmap.source.cluster;

import dev.trustmap.source.folder.AssembledMesh;
import dev.trustmap.source.folder.ManifestException;
import dev.trustmap.source.folder.MeshAssembler;
import dev.trustmap.source.folder.ParsedResource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a mesh snapshot from informer caches with the folder source's assembly, so a cluster and a folder of the
 * same objects give the same mesh.
 */
final class SnapshotBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotBuilder.class);
    static final String AMBIENT_LABEL = "istio.io/dataplane-mode";
    private static final String MESH_CONFIG_MAP = "istio";

    private final String origin;

    /** @param context the kubeconfig context, named in locations as {@code cluster:<context>} */
    SnapshotBuilder(String context) {
        this.origin = "cluster:" + context;
    }

    /** The mesh of these cached objects, with the given status. */
    // TODO(#4): rebuilds the whole mesh on every change (hundreds of ms at 10,000 pods); update only what changed.
    ClusterUpdate build(Collection<KindWatch> watches, ClusterStatus status) {
        List<ParsedResource> resources = new ArrayList<>();
        for (KindWatch watch : watches) {
            for (HasMetadata object : watch.items()) {
                if (watch.kind() != ResourceKind.CONFIG_MAPS || isMeshConfig(object)) {
                    resources.add(new ParsedResource(object, origin, 0));
                }
            }
        }
        List<String> notes = new ArrayList<>();
        AssembledMesh mesh = assemble(resources, notes);
        notes.addAll(mesh.warnings());
        List<String> ambient = ambientNamespaces(resources);
        ambient.forEach(ns ->
                notes.add(String.format("Namespace %s runs in ambient mode; its policies are not yet assessed.", ns)));
        return new ClusterUpdate(mesh.snapshot(), status, ambient, notes);
    }

    private static boolean isMeshConfig(HasMetadata object) {
        return object instanceof ConfigMap
                && MESH_CONFIG_MAP.equals(object.getMetadata().getName());
    }

    /** Assembles; unreadable mesh settings fall back to Istio's defaults with a note, as the cluster still runs. */
    private static AssembledMesh assemble(List<ParsedResource> resources, List<String> notes) {
        try {
            return MeshAssembler.assemble(resources);
        } catch (ManifestException e) {
            LOG.warn("Mesh settings unreadable, using defaults: {}", e.getMessage());
            notes.add("The mesh settings in ConfigMap 'istio' cannot be read (" + e.problem()
                    + "); Istio's defaults are assumed.");
            List<ParsedResource> withoutConfig =
                    resources.stream().filter(r -> !isMeshConfig(r.object())).toList();
            try {
                return MeshAssembler.assemble(withoutConfig);
            } catch (ManifestException impossible) {
                throw new IllegalStateException("mesh config error without a mesh config", impossible);
            }
        }
    }

    private static List<String> ambientNamespaces(List<ParsedResource> resources) {
        return resources.stream()
                .map(ParsedResource::object)
                .filter(Namespace.class::isInstance)
                .filter(ns -> "ambient".equals(labels(ns).get(AMBIENT_LABEL)))
                .map(ns -> ns.getMetadata().getName())
                .sorted()
                .toList();
    }

    private static Map<String, String> labels(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }
}
