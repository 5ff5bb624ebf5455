package dev.trustmap.analysis.findings;

import dev.trustmap.istio.AuthzPolicy;
import dev.trustmap.istio.DestRule;
import dev.trustmap.istio.PeerAuthnPolicy;
import dev.trustmap.mesh.Workload;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** How findings name resources: {@code Kind namespace/name}. */
public final class ResourceRefs {
    private ResourceRefs() {}

    /** {@code AuthorizationPolicy foo/bar} for a raw object; {@code Namespace foo} when it has no namespace. */
    public static String of(HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        String name = object.getMetadata().getName();
        return object.getKind() + " " + (namespace == null || namespace.isBlank() ? name : namespace + "/" + name);
    }

    /** {@code Deployment foo/bar}: the workload's controller kind and id. */
    public static String of(Workload workload) {
        return workload.kind() + " " + workload.id();
    }

    public static String of(AuthzPolicy policy) {
        return "AuthorizationPolicy " + policy.ref();
    }

    public static String of(PeerAuthnPolicy policy) {
        return "PeerAuthentication " + policy.ref();
    }

    public static String of(DestRule rule) {
        return "DestinationRule " + rule.ref();
    }

    /** {@code Namespace foo}. */
    public static String namespace(String name) {
        return "Namespace " + name;
    }
}
