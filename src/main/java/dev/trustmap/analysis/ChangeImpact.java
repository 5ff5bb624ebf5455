package dev.trustmap.analysis;

import dev.trustmap.istio.AuthzPolicy;
import dev.trustmap.istio.AuthzPolicyMapper;
import dev.trustmap.istio.PolicySet;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Workload;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.istio.api.security.v1.RequestAuthentication;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which destinations a policy edit can change, so that {@link MeshAssessment#reassess} recomputes only those:
 * an AuthorizationPolicy or RequestAuthentication touches the workloads it selects (before or after the edit), a
 * PeerAuthentication its namespace (the mesh for the root namespace), anything else the whole mesh.
 */
public final class ChangeImpact {
    private ChangeImpact() {}

    /** Workload ids ({@code namespace/name}) whose verdicts may change when these objects are added or removed. */
    public static Set<String> touchedBy(MeshSnapshot snapshot, Collection<? extends HasMetadata> objects) {
        Set<String> touched = new HashSet<>();
        for (HasMetadata object : objects) {
            for (Workload workload : snapshot.workloads()) {
                if (touches(snapshot, object, workload)) {
                    touched.add(workload.id());
                }
            }
        }
        return touched;
    }

    private static boolean touches(MeshSnapshot snapshot, HasMetadata object, Workload workload) {
        String root = snapshot.meshConfig().rootNamespace();
        String namespace = object.getMetadata().getNamespace();
        boolean reaches = namespace.equals(workload.namespace()) || namespace.equals(root);
        if (object instanceof AuthorizationPolicy policy) {
            AuthzPolicy compiled = new AuthzPolicyMapper(snapshot.meshConfig()).map(policy);
            return reaches && PolicySet.selects(compiled, workload);
        }
        if (object instanceof RequestAuthentication authn) {
            Map<String, String> selector =
                    authn.getSpec() == null || authn.getSpec().getSelector() == null
                            ? null
                            : authn.getSpec().getSelector().getMatchLabels();
            return reaches && (selector == null || workload.matches(selector));
        }
        if (object instanceof PeerAuthentication) {
            return reaches;
        }
        return true;
    }
}
