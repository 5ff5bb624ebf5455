package dev.trustmap.analysis.findings;

import dev.trustmap.mesh.Workload;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * TM102: a sidecar workload reached with no policy deciding: observed traffic (or, without traffic, any workload of the
 * mesh) gets through only because no ALLOW policy selects it. Gateways get an INFO-level note.
 */
public final class UndecidedReachChecker implements Checker {
    private static final int LISTED = 5;

    @Override
    public String code() {
        return "TM102";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String title() {
        return "Workload reached with no policy deciding";
    }

    @Override
    public List<Finding> check(MeshContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (Workload workload : ctx.snapshot().workloads()) {
            if (!workload.sidecar() || ctx.underAllow(workload)) {
                continue;
            }
            Set<String> callers = new LinkedHashSet<>();
            ctx.callsTo(workload)
                    .forEach(c ->
                            callers.add(c.from() == null ? "unknown" : c.from().id()));
            callers.remove(workload.id());
            if (!callers.isEmpty()) {
                findings.add(finding(workload, callers, ctx.traffic().isPresent()));
            }
        }
        return findings;
    }

    private Finding finding(Workload workload, Set<String> callers, boolean observed) {
        String who = callers.stream().limit(LISTED).collect(Collectors.joining(", "))
                + (callers.size() > LISTED ? " and " + (callers.size() - LISTED) + " more" : "");
        String message = (observed ? "observed traffic from " : callers.size() + " workloads (")
                + who + (observed ? " reaches " : ") reach ") + workload.id()
                + " although no ALLOW policy selects it: nothing decided who may call it";
        Finding f = finding(
                ResourceRefs.of(workload),
                "",
                message,
                "add an AuthorizationPolicy with action ALLOW selecting " + workload.id() + " that names its callers");
        return workload.gateway()
                ? new Finding(f.code(), Severity.INFO, f.resource(), f.path(), f.message(), f.fix(), f.edge())
                : f;
    }
}
