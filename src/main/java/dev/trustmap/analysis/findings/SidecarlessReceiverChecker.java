package dev.trustmap.analysis.findings;

import dev.trustmap.engine.Decision;
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
                        "inject the sidecar (label the namespace istio-injection=enabled) or move the workload out of"
                                + " the mesh's reach with a NetworkPolicy"));
            }
        }
        return findings;
    }

    private static String describe(List<String> callers) {
        return callers.size() <= 4
                ? String.join(", ", callers)
                : callers.stream().limit(4).collect(Collectors.joining(", ")) + " and " + (callers.size() - 4)
                        + " more";
    }
}
