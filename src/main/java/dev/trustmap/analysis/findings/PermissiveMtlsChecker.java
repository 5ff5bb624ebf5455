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
 * STRICT would break nobody. One finding per PeerAuthentication field (or namespace, for Istio's default): the
 * workload-wide mode, or one port of {@code portLevelMtls}.
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
        Map<Source, Set<String>> bySource = new TreeMap<>();
        for (Workload workload : ctx.snapshot().workloads()) {
            if (!workload.sidecar() || workload.gateway()) {
                continue;
            }
            for (MeshContext.ServedPort port : ctx.servedPorts(workload)) {
                ServerMode mode = ctx.engine().serverMode(workload, port.containerPort());
                boolean open = mode.mode() == MtlsMode.PERMISSIVE || mode.mode() == MtlsMode.DISABLE;
                if (open && allCallersCanMtls(ctx, workload, mode.mode() == MtlsMode.DISABLE)) {
                    bySource.computeIfAbsent(
                                    Source.of(mode, port.containerPort(), workload), k -> new LinkedHashSet<>())
                            .add(workload.id());
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        bySource.forEach((source, workloads) -> findings.add(finding(
                source.resource(),
                source.path(),
                source.mode() + " mTLS on " + String.join(", ", workloads)
                        + (source.port() > 0 ? " port " + source.port() : "")
                        + " although every caller runs a sidecar and could present mTLS; "
                        + (source.mode() == MtlsMode.DISABLE
                                ? "the traffic is plaintext and carries no peer identity"
                                : "plaintext is still accepted"),
                source.path().isEmpty()
                        ? "add a PeerAuthentication with mtls.mode STRICT in "
                                + source.resource().substring(10)
                        : "set " + source.path() + ": STRICT")));
        return findings;
    }

    /**
     * Whether the workload has callers and every one runs a sidecar. Under DISABLE, sidecar clients send plaintext and
     * a policy naming them by identity denies them: they count as callers, since with mTLS they would get through.
     */
    private static boolean allCallersCanMtls(MeshContext ctx, Workload workload, boolean disabled) {
        List<MeshContext.Call> calls = ctx.callsTo(workload, disabled);
        return !calls.isEmpty()
                && calls.stream().allMatch(c -> c.from() != null && c.from().sidecar());
    }

    /** Where the mode was set: the resource, the path of the field (empty for a namespace) and the port (or 0). */
    private record Source(String resource, String path, MtlsMode mode, int port) implements Comparable<Source> {

        static Source of(ServerMode mode, int containerPort, Workload workload) {
            if (mode.policy() == null) {
                return new Source(ResourceRefs.namespace(workload.namespace()), "", mode.mode(), 0);
            }
            String resource = ResourceRefs.of(mode.policy());
            return "port".equals(mode.level())
                    ? new Source(resource, "spec.portLevelMtls[" + containerPort + "].mode", mode.mode(), containerPort)
                    : new Source(resource, "spec.mtls.mode", mode.mode(), 0);
        }

        @Override
        public int compareTo(Source other) {
            return (resource + " " + path).compareTo(other.resource + " " + other.path);
        }
    }
}
