package dev.trustmap.source.folder;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses manifests that define one object twice (same API group, kind, namespace and name): applied as they are,
 * the second would silently win, and a draft would plan the same change twice. Namespaces are exempt: folders often
 * declare the namespace of each application in its own files, and a namespace carries no policy.
 */
final class DuplicateCheck {
    private DuplicateCheck() {}

    /**
     * @throws ManifestException at the second definition, naming the first
     */
    static void check(List<ParsedResource> resources) throws ManifestException {
        Map<String, ParsedResource> seen = new HashMap<>();
        for (ParsedResource resource : resources) {
            if (resource.object() instanceof Namespace) {
                continue;
            }
            ParsedResource first = seen.putIfAbsent(key(resource.object()), resource);
            if (first != null) {
                throw new ManifestException(
                        resource.file(),
                        resource.line(),
                        null,
                        String.format(
                                "%s is defined twice, here and at %s; keep one of the two.",
                                describe(resource.object()), first.location()));
            }
        }
    }

    /**
     * {@code AuthorizationPolicy bookinfo/deny-details}; {@code Namespace bookinfo} for a cluster-scoped object, which
     * no namespace holds.
     */
    static String describe(HasMetadata object) {
        String name = object.getMetadata().getName();
        String namespace = object.getMetadata().getNamespace();
        if ((namespace == null || namespace.isBlank()) && KnownKinds.isClusterScoped(object.getKind())) {
            return object.getKind() + " " + name;
        }
        return object.getKind() + " " + MeshAssembler.namespaceOf(object) + "/" + name;
    }

    private static String key(HasMetadata object) {
        String apiVersion = object.getApiVersion() == null ? "" : object.getApiVersion();
        int slash = apiVersion.lastIndexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        return group + "|" + describe(object);
    }
}
