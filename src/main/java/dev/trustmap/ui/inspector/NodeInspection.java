package dev.trustmap.ui.inspector;

import dev.trustmap.istio.AuthzPolicy;
import dev.trustmap.mesh.ContainerPort;
import dev.trustmap.mesh.Workload;
import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.graph.GraphEdge;
import dev.trustmap.ui.graph.GraphModel;
import dev.trustmap.ui.graph.GraphNode;
import java.util.List;
import java.util.Locale;

/** The inspector's text for a node: identity, sidecar, mTLS mode per port, policies and edges. */
final class NodeInspection {
    private NodeInspection() {}

    static List<InspectorSection> of(GraphNode node, GraphModel model, MeshState mesh, Sections out) {
        Workload workload =
                mesh.snapshot().workload(node.namespace(), node.label()).orElse(null);
        if (workload == null) {
            out.section("inspector.section.outside").plainRow("", out.text("inspector.outside.text"));
        } else {
            workload(workload, mesh, out);
            ports(workload, mesh, out);
            policies(workload, mesh, out);
        }
        edges("inspector.section.incoming", model.incoming(node.id()), true, out);
        edges("inspector.section.outgoing", model.outgoing(node.id()), false, out);
        return out.build();
    }

    private static void workload(Workload workload, MeshState mesh, Sections out) {
        String sidecar = workload.gateway()
                ? out.text("inspector.sidecar.gateway")
                : workload.sidecar() ? out.text("inspector.sidecar.yes") : out.text("inspector.sidecar.no");
        out.section("inspector.section.workload")
                .row("inspector.workload", workload.id() + " (" + workload.kind() + ")")
                .row(
                        "inspector.identity",
                        workload.identity(mesh.snapshot().meshConfig().trustDomain())
                                .principal())
                .row("inspector.sidecar", sidecar);
    }

    private static void ports(Workload workload, MeshState mesh, Sections out) {
        out.section("inspector.section.ports");
        if (!workload.sidecar()) {
            out.plainRow("", out.text("inspector.ports.nosidecar"));
            return;
        }
        if (workload.ports().isEmpty()) {
            out.plainRow("", out.text("inspector.ports.none"));
        }
        for (ContainerPort port : workload.ports()) {
            String label = port.name() == null ? String.valueOf(port.number()) : port.number() + " " + port.name();
            out.plainRow(
                    label, mesh.engine().serverMode(workload, port.number()).describe());
        }
    }

    private static void policies(Workload workload, MeshState mesh, Sections out) {
        List<AuthzPolicy> policies = mesh.engine().policiesSelecting(workload);
        out.section("inspector.section.policies", policies.size());
        if (policies.isEmpty()) {
            out.plainRow("", out.text("inspector.policies.none"));
        }
        for (AuthzPolicy policy : policies) {
            String detail = out.text(
                    "inspector.policy.summary", policy.action(), policy.rules().size());
            out.plainPolicyRow(
                    policy.ref(),
                    policy.dryRun() ? detail + " " + out.text("inspector.policy.dryrun") : detail,
                    EdgeInspection.key("AuthorizationPolicy", policy.ref()));
        }
    }

    private static void edges(String headingKey, List<GraphEdge> edges, boolean incoming, Sections out) {
        out.section(headingKey, edges.size());
        for (GraphEdge edge : edges) {
            String other = incoming
                    ? edge.source()
                    : edge.target() + ":" + edge.assessment().edge().port();
            String verdict = String.format(
                    Locale.ROOT,
                    "%s, %s, %.1f req/s",
                    edge.assessment().verdict().decision(),
                    edge.connectionClass(),
                    edge.rate());
            out.edgeRow(other, verdict, edge.id());
        }
    }
}
