package dev.trustmap.analysis.findings;

import dev.trustmap.engine.ServerMode;
import dev.trustmap.istio.DestRule;
import dev.trustmap.istio.DestRule.TlsMode;
import dev.trustmap.istio.PeerAuthnPolicy.MtlsMode;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.ServicePort;
import dev.trustmap.mesh.Workload;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * TM209: a DestinationRule that sends plaintext ({@code DISABLE}) or one-way TLS ({@code SIMPLE}) toward a sidecar
 * that is STRICT on that port: every client using the rule has its connections reset. Only when some client uses
 * it (by the engine's lookup: the client's namespace first, then the Service's, then the root; {@code exportTo}).
 */
public final class DestinationRuleTlsChecker implements Checker {

    @Override
    public String code() {
        return "TM209";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String title() {
        return "DestinationRule disables Istio mTLS toward a STRICT server";
    }

    @Override
    public List<Finding> check(MeshContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (DestRule rule : ctx.policies().destRules()) {
            Set<String> broken = new LinkedHashSet<>();
            String path = "spec.trafficPolicy.tls.mode";
            for (Service service : ctx.snapshot().services()) {
                if (!rule.covers(service.fqdn())) {
                    continue;
                }
                for (ServicePort port : service.ports()) {
                    TlsMode mode = rule.tlsModeFor(port.port());
                    if ((mode == TlsMode.DISABLE || mode == TlsMode.SIMPLE)
                            && strict(ctx, service, port.port())
                            && usedBySomeClient(ctx, rule, service)) {
                        broken.add(service.namespace() + "/" + service.name() + ":" + port.port() + " (" + mode + ")");
                        path = rule.portTlsModes().containsKey(port.port())
                                ? "spec.trafficPolicy.portLevelSettings"
                                : path;
                    }
                }
            }
            if (!broken.isEmpty()) {
                findings.add(finding(
                        ResourceRefs.of(rule),
                        path,
                        "clients using this rule do not send Istio mTLS to " + String.join(", ", broken)
                                + ", whose sidecars are STRICT: their connections are reset",
                        "remove the tls setting (auto mTLS) or set tls.mode: ISTIO_MUTUAL"));
            }
        }
        return findings;
    }

    /**
     * Whether some client would use this rule toward the Service, by the engine's own DestinationRule lookup: the
     * observed callers of its workloads when there is traffic, else every sidecar workload of the mesh.
     */
    private static boolean usedBySomeClient(MeshContext ctx, DestRule rule, Service service) {
        Stream<Workload> clients = ctx.traffic().isPresent()
                ? ctx.snapshot().workloads().stream()
                        .filter(service::selects)
                        .flatMap(w -> ctx.callsTo(w).stream())
                        .map(MeshContext.Call::from)
                        .filter(Objects::nonNull)
                : ctx.snapshot().workloads().stream();
        return clients.filter(Workload::sidecar)
                .distinct()
                .anyMatch(client -> ctx.policies()
                        .destRuleFor(client, service)
                        .map(used -> used.ref().equals(rule.ref()))
                        .orElse(false));
    }

    private static boolean strict(MeshContext ctx, Service service, int port) {
        for (Workload workload : ctx.snapshot().workloads()) {
            if (workload.sidecar() && !workload.gateway() && service.selects(workload)) {
                ServerMode mode = ctx.engine().serverMode(workload, ctx.engine().targetPort(workload, service, port));
                if (mode.mode() == MtlsMode.STRICT) {
                    return true;
                }
            }
        }
        return false;
    }
}
