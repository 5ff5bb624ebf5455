package dev.trustmap.ui.inspector;

import dev.trustmap.engine.Engine;
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

    /** @param draft the engine over the draft's policies, null without a draft */
    static List<InspectorSection> of(GraphNode node, GraphModel model, MeshState mesh, Engine draft, Sections out) {
        Workload workload =
                mesh.snapshot().workload(node.namespace(), node.label()).orElse(null);
        if (workload == null) {
            out.section("inspector.section.outside").plainRow("", out.text("inspector.outside.text"));
        } else {
            workload(workload, mesh, out);
            ports(workload, mesh, out);
            policies(workload, mesh, draft, out);
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

    /**
     * The policies selecting the workload: with a draft, the draft's (as the incoming edges' verdicts are), those it
     * adds or changes marked, and the ones it deletes listed as deleted.
     */
    private static void policies(Workload workload, MeshState mesh, Engine draft, Sections out) {
        List<AuthzPolicy> current = mesh.engine().policiesSelecting(workload);
        List<AuthzPolicy> policies = draft == null ? current : draft.policiesSelecting(workload);
        out.section("inspector.section.policies", policies.size());
        if (policies.isEmpty()) {
            out.plainRow("", out.text("inspector.policies.none"));
        }
        for (AuthzPolicy policy : policies) {
            String detail = out.text(
                    "inspector.policy.summary", policy.action(), policy.rules().size());
            if (policy.dryRun()) {
                detail = detail + " " + out.text("inspector.policy.dryrun");
            }
            if (draft != null && changedByDraft(policy.ref(), mesh.engine(), draft)) {
                detail = detail + " " + out.text("inspector.policy.draft");
            }
            out.plainPolicyRow(policy.ref(), detail, EdgeInspection.key("AuthorizationPolicy", policy.ref()));
        }
        if (draft != null) {
            current.stream()
                    .filter(old -> policies.stream().noneMatch(p -> p.ref().equals(old.ref())))
                    .forEach(old -> out.plainRow(old.ref(), out.text("inspector.policy.draftDeleted")));
        }
    }

    /**
     * Whether the draft adds or edits this AuthorizationPolicy: its manifest differs from the current one (compiled
     * policies have no value equality, so an unchanged one compiled again would look new).
     */
    private static boolean changedByDraft(String ref, Engine current, Engine draft) {
        return !java.util.Objects.equals(manifest(current, ref), manifest(draft, ref));
    }

    private static java.util.Optional<io.fabric8.kubernetes.api.model.HasMetadata> manifest(Engine engine, String ref) {
        return engine.snapshot().policies().stream()
                .filter(o -> "AuthorizationPolicy".equals(o.getKind()))
                .filter(o -> ref.equals(
                        o.getMetadata().getNamespace() + "/" + o.getMetadata().getName()))
                .findFirst();
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
