package dev.trustmap.analysis.findings;

import dev.trustmap.engine.Decision;
import dev.trustmap.mesh.Namespace;
import dev.trustmap.mesh.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * TM104: a workload without sidecar that receives traffic from the mesh: it arrives in plaintext and no policy is
 * enforced on it. Without observed traffic, any sidecar-less workload behind a Service counts.
 */
public final class SidecarlessReceiverChecker implements Checker {
    private static final String INJECT = "sidecar.istio.io/inject";

    @Override
    public String code() {
        return "TM104";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String title() {
        return "Workload without sidecar receives mesh traffic";
    }

    @Override
    public List<Finding> check(MeshContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (Workload workload : ctx.snapshot().workloads()) {
            if (workload.sidecar() || ctx.servedPorts(workload).isEmpty()) {
                continue;
            }
            List<String> callers = ctx.callsTo(workload).stream()
                    .filter(c -> c.decision() != Decision.DENY
                            && c.from() != null
                            && c.from().sidecar())
                    .map(c -> c.from().id())
                    .filter(id -> !Objects.equals(id, workload.id()))
                    .distinct()
                    .toList();
            if (!callers.isEmpty()) {
                findings.add(finding(
                        ResourceRefs.of(workload),
                        "",
                        workload.id() + " has no sidecar but "
                                + (ctx.traffic().isPresent() ? "receives traffic from " : "can be called by ")
                                + describe(callers)
                                + ": the traffic is plaintext and no AuthorizationPolicy applies",
                        injectionFix(ctx, workload)
                                + ", or move the workload out of the mesh's reach with a NetworkPolicy"));
            }
        }
        return findings;
    }

    /**
     * How to get the sidecar injected, by what keeps it out: the pod's own {@code sidecar.istio.io/inject: "false"}
     * (a label, or, in a namespace with injection on, the annotation), or the namespace's labels.
     */
    private static String injectionFix(MeshContext ctx, Workload workload) {
        if ("false".equals(workload.labels().get(INJECT))) {
            return "remove the pod label " + INJECT + ": \"false\" and restart the pods";
        }
        Namespace namespace = ctx.snapshot().namespaces().stream()
                .filter(n -> n.name().equals(workload.namespace()))
                .findFirst()
                .orElse(null);
        if (namespace != null && namespace.injectsSidecars() && !namespace.injectionDisabled()) {
            return "namespace " + workload.namespace() + " already has injection on, so the pod template opts out:"
                    + " remove its " + INJECT + ": \"false\" annotation and restart the pods";
        }
        if (namespace != null && namespace.injectionDisabled()) {
            return "inject the sidecar: label the namespace istio-injection=enabled (it is disabled) or annotate the"
                    + " pod template " + INJECT + ": \"true\"";
        }
        return "inject the sidecar (label the namespace istio-injection=enabled)";
    }

    private static String describe(List<String> callers) {
        return callers.size() <= 4
                ? String.join(", ", callers)
                : callers.stream().limit(4).collect(Collectors.joining(", ")) + " and " + (callers.size() - 4)
                        + " more";
    }
}
