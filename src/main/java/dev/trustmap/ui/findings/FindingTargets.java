package dev.trustmap.ui.findings;

import dev.trustmap.analysis.findings.Finding;
import dev.trustmap.analysis.findings.MeshContext;
import dev.trustmap.istio.AuthzPolicy;
import dev.trustmap.istio.PeerAuthnPolicy;
import dev.trustmap.mesh.Workload;
import java.util.List;
import java.util.Set;

/**
 * Which workloads a finding is about: the workload it names, a namespace's workloads, or the workloads a policy
 * (AuthorizationPolicy or PeerAuthentication) is written for.
 */
final class FindingTargets {
    private static final Set<String> WORKLOAD_KINDS =
            Set.of("Deployment", "StatefulSet", "DaemonSet", "Pod", "ReplicaSet", "WorkloadEntry", "Workload");

    private final MeshContext ctx;

    FindingTargets(MeshContext ctx) {
        this.ctx = ctx;
    }

    /** The node ids of the workloads the finding is about, in the mesh's order. */
    List<String> of(Finding finding) {
        String resource = finding.resource();
        int space = resource.indexOf(' ');
        String kind = space < 0 ? resource : resource.substring(0, space);
        String name = space < 0 ? "" : resource.substring(space + 1);
        if ("Namespace".equals(kind)) {
            return ids(ctx.snapshot().workloads().stream()
                    .filter(w -> w.namespace().equals(name))
                    .toList());
        }
        if (WORKLOAD_KINDS.contains(kind)) {
            return ids(ctx.snapshot().workloads().stream()
                    .filter(w -> w.id().equals(name))
                    .toList());
        }
        if ("AuthorizationPolicy".equals(kind)) {
            return ctx.policies().authzPolicies().stream()
                    .filter(p -> name.equals(p.namespace() + "/" + p.name()))
                    .findFirst()
                    .map(this::selected)
                    .orElse(List.of());
        }
        if ("PeerAuthentication".equals(kind)) {
            return ctx.policies().peerPolicies().stream()
                    .filter(p -> name.equals(p.namespace() + "/" + p.name()))
                    .findFirst()
                    .map(this::inScope)
                    .orElse(List.of());
        }
        return List.of();
    }

    /** The workloads a PeerAuthentication is written for: all (root namespace), its namespace's, or its selector's. */
    private List<String> inScope(PeerAuthnPolicy policy) {
        boolean root = policy.namespace().equals(ctx.rootNamespace());
        return ids(ctx.snapshot().workloads().stream()
                .filter(w -> root || w.namespace().equals(policy.namespace()))
                .filter(w -> policy.selector() == null || w.matches(policy.selector()))
                .toList());
    }

    private List<String> selected(AuthzPolicy policy) {
        return ids(ctx.selected(policy));
    }

    private static List<String> ids(List<Workload> workloads) {
        return workloads.stream().map(Workload::id).toList();
    }
}
