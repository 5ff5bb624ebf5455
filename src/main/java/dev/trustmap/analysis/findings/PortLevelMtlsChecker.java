package dev.trustmap.analysis.findings;

import dev.trustmap.istio.PeerAuthnPolicy;
import dev.trustmap.mesh.ContainerPort;
import dev.trustmap.mesh.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * TM208: {@code portLevelMtls} keyed by a Service port. The keys are container ports; a Service port that forwards
 * elsewhere ({@code 80} to {@code 8080}) sets nothing, and the workload keeps the policy's general mode on that port.
 */
public final class PortLevelMtlsChecker implements Checker {

    @Override
    public String code() {
        return "TM208";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String title() {
        return "portLevelMtls keyed by a Service port instead of a container port";
    }

    @Override
    public List<Finding> check(MeshContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (PeerAuthnPolicy policy : ctx.policies().peerPolicies()) {
            if (policy.selector() == null || policy.portModes().isEmpty()) {
                continue;
            }
            List<Workload> selected = ctx.snapshot().workloads().stream()
                    .filter(w -> w.namespace().equals(policy.namespace()) && w.matches(policy.selector()))
                    .toList();
            for (Integer port : policy.portModes().keySet()) {
                if (selected.stream().noneMatch(w -> listens(ctx, w, port))) {
                    servicePort(ctx, selected, port)
                            .ifPresent(target -> findings.add(finding(
                                    ResourceRefs.of(policy),
                                    "spec.portLevelMtls[" + port + "]",
                                    "port " + port + " is a Service port; portLevelMtls takes container ports, so "
                                            + policy.portModes().get(port)
                                            + " applies to nothing (the Service forwards to "
                                            + target + ")",
                                    "key the setting by the container port: portLevelMtls: {\"" + target
                                            + "\": ...}")));
                }
            }
        }
        return findings;
    }

    private static boolean listens(MeshContext ctx, Workload workload, int port) {
        return workload.ports().stream().map(ContainerPort::number).anyMatch(p -> p == port)
                || ctx.servedPorts(workload).stream().anyMatch(p -> p.containerPort() == port);
    }

    private static Optional<Integer> servicePort(MeshContext ctx, List<Workload> selected, int port) {
        return selected.stream()
                .flatMap(w -> ctx.servedPorts(w).stream())
                .filter(p -> p.port().port() == port && p.containerPort() != port)
                .map(MeshContext.ServedPort::containerPort)
                .findFirst();
    }
}
