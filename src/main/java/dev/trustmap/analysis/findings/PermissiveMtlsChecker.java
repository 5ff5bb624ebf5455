package dev.trustmap.analysis.findings;

import dev.trustmap.engine.ServerMode;
import dev.trustmap.istio.PeerAuthnPolicy.MtlsMode;
import dev.trustmap.mesh.Workload;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * TM103: PERMISSIVE or DISABLE mTLS on a workload whose callers could all present mTLS (every one runs a sidecar), so
 * STRICT would break nobody. One finding per PeerAuthentication (or namespace, for Istio's default).
 */
public final class PermissiveMtlsChecker implements Checker {

    @Override
    public String code() {
        return "TM103";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String title() {
        return "PERMISSIVE or DISABLE mTLS where every caller could use mTLS";
    }

    @Override
    public List<Finding> check(MeshContext ctx) {
        Map<String, Set<String>> byPolicy = new TreeMap<>();
        Map<String, MtlsMode> modes = new TreeMap<>();
        for (Workload workload : ctx.snapshot().workloads()) {
            if (!workload.sidecar() || workload.gateway() || !allCallersCanMtls(ctx, workload)) {
                continue;
            }
            for (MeshContext.ServedPort port : ctx.servedPorts(workload)) {
                ServerMode mode = ctx.engine().serverMode(workload, port.containerPort());
                if (mode.mode() == MtlsMode.PERMISSIVE || mode.mode() == MtlsMode.DISABLE) {
                    String key = mode.policy() == null
                            ? ResourceRefs.namespace(workload.namespace())
                            : ResourceRefs.of(mode.policy());
                    byPolicy.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(workload.id());
                    modes.put(key, mode.mode());
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        byPolicy.forEach((resource, workloads) -> findings.add(finding(
                resource,
                resource.startsWith("Namespace") ? "" : "spec.mtls.mode",
                modes.get(resource) + " mTLS on " + String.join(", ", workloads)
                        + " although every caller runs a sidecar and could present mTLS; plaintext is still accepted",
                resource.startsWith("Namespace")
                        ? "add a PeerAuthentication with mtls.mode STRICT in " + resource.substring(10)
                        : "set spec.mtls.mode: STRICT")));
        return findings;
    }

    private static boolean allCallersCanMtls(MeshContext ctx, Workload workload) {
        List<MeshContext.Call> calls = ctx.callsTo(workload);
        return !calls.isEmpty()
                && calls.stream().allMatch(c -> c.from() != null && c.from().sidecar());
    }
}
