package dev.trustmap.export.report;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.analysis.EdgeAssessment;
import dev.trustmap.analysis.findings.MeshContext;
import dev.trustmap.engine.Engine;
import dev.trustmap.istio.Action;
import dev.trustmap.istio.PeerAuthnPolicy.MtlsMode;
import dev.trustmap.mesh.Workload;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The report's coverage figures.
 *
 * @param observedRps total observed requests per second
 * @param mtlsRps of which on mutual TLS (by the observed mTLS share)
 * @param meshWorkloads workloads with a sidecar, gateways left out
 * @param strictWorkloads of which STRICT on every port they serve or declare (a workload without ports, such as a
 *     CronJob, by the mode its PeerAuthentications give the whole workload)
 * @param allowWorkloads of which selected by an enforced ALLOW policy, an allow-nothing too: denied by default
 * @param grantWorkloads of which selected by an enforced ALLOW policy with a rule, which grants some callers access
 * @param meshNamespaces namespaces with such workloads
 * @param defaultDenyNamespaces of which every such workload is under an ALLOW policy
 */
record Coverage(
        double observedRps,
        double mtlsRps,
        int meshWorkloads,
        int strictWorkloads,
        int allowWorkloads,
        int grantWorkloads,
        Set<String> meshNamespaces,
        Set<String> defaultDenyNamespaces) {

    static Coverage of(Engine engine, Assessment assessment) {
        double rps = 0;
        double mtls = 0;
        for (EdgeAssessment edge : assessment.edges()) {
            rps += edge.edge().requestsPerSecond();
            mtls += edge.edge().requestsPerSecond() * edge.edge().mtlsShare();
        }
        MeshContext ctx = MeshContext.of(engine);
        List<Workload> mesh = engine.snapshot().workloads().stream()
                .filter(w -> w.sidecar() && !w.gateway())
                .toList();
        int strict = (int) mesh.stream().filter(w -> strict(ctx, w)).count();
        int allow = (int) mesh.stream().filter(ctx::underAllow).count();
        int grant =
                (int) mesh.stream().filter(w -> underGrantingAllow(engine, w)).count();
        Set<String> namespaces = new TreeSet<>();
        Set<String> open = new TreeSet<>();
        for (Workload w : mesh) {
            namespaces.add(w.namespace());
            if (!ctx.underAllow(w)) {
                open.add(w.namespace());
            }
        }
        Set<String> denying = new TreeSet<>(namespaces);
        denying.removeAll(open);
        return new Coverage(rps, mtls, mesh.size(), strict, allow, grant, namespaces, denying);
    }

    private static boolean underGrantingAllow(Engine engine, Workload workload) {
        return engine.policiesSelecting(workload).stream()
                .anyMatch(p -> p.action() == Action.ALLOW
                        && MeshContext.enforced(p)
                        && !p.rules().isEmpty());
    }

    private static boolean strict(MeshContext ctx, Workload workload) {
        Set<Integer> ports = new TreeSet<>();
        ctx.servedPorts(workload).forEach(p -> ports.add(p.containerPort()));
        workload.ports().forEach(p -> ports.add(p.number()));
        if (ports.isEmpty()) {
            // No port to look at: port 0 matches no portLevelMtls, so this is the workload-wide mode.
            ports.add(0);
        }
        return ports.stream()
                .allMatch(port -> ctx.engine().serverMode(workload, port).mode() == MtlsMode.STRICT);
    }

    static String percent(double part, double whole) {
        return whole <= 0 ? "n/a" : Math.round(100 * part / whole) + "%";
    }
}
