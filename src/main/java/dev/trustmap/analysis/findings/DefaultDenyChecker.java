package dev.trustmap.analysis.findings;

import dev.trustmap.mesh.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * TM101: a namespace without default deny. Some of its sidecar workloads (gateways aside) are selected by no enforced
 * ALLOW policy, so any caller the other policies do not deny gets in.
 */
public final class DefaultDenyChecker implements Checker {

    @Override
    public String code() {
        return "TM101";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String title() {
        return "Namespace without default deny";
    }

    @Override
    public List<Finding> check(MeshContext ctx) {
        Map<String, List<Workload>> open = new TreeMap<>();
        for (Workload workload : ctx.snapshot().workloads()) {
            if (workload.sidecar() && !workload.gateway() && !ctx.underAllow(workload)) {
                open.computeIfAbsent(workload.namespace(), k -> new ArrayList<>())
                        .add(workload);
            }
        }
        List<Finding> findings = new ArrayList<>();
        open.forEach((namespace, workloads) -> findings.add(finding(
                ResourceRefs.namespace(namespace),
                "",
                "no default deny: " + names(workloads) + (workloads.size() == 1 ? " accepts" : " accept")
                        + " every caller no DENY policy stops (no"
                        + " allow-nothing policy and no ALLOW policy selects "
                        + (workloads.size() == 1 ? "it" : "them") + ")",
                "add an allow-nothing AuthorizationPolicy (spec: {}) in " + namespace
                        + ", then one ALLOW per workload naming its callers")));
        return findings;
    }

    private static String names(List<Workload> workloads) {
        return workloads.stream().map(Workload::name).collect(Collectors.joining(", "));
    }
}
