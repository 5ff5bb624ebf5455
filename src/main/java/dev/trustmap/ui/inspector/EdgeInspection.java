package dev.trustmap.ui.inspector;

import dev.trustmap.analysis.EdgeAssessment;
import dev.trustmap.engine.AuthzResult;
import dev.trustmap.engine.Connection;
import dev.trustmap.engine.ConnectionResult;
import dev.trustmap.engine.Decision;
import dev.trustmap.engine.Peer;
import dev.trustmap.engine.Request;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.ui.common.MeshState;
import java.util.List;
import java.util.Locale;

/** The inspector's text for an edge: who talks to whom, how much, how it is secured and why it is allowed. */
final class EdgeInspection {
    private EdgeInspection() {}

    static List<InspectorSection> of(EdgeAssessment assessed, MeshState mesh, Sections out) {
        route(assessed, mesh, out);
        if (observed(assessed.edge())) {
            traffic(assessed.edge(), out);
        } else {
            notObserved(assessed, out);
        }
        connection(assessed.verdict().connection(), out);
        authorization(assessed.verdict().connection(), assessed.verdict().authz(), out);
        return out.build();
    }

    private static void route(EdgeAssessment assessed, MeshState mesh, Sections out) {
        TrafficEdge edge = assessed.edge();
        Request request = assessed.request();
        String trustDomain = mesh.snapshot().meshConfig().trustDomain();
        String client = request.from() instanceof Peer.Pod pod
                ? pod.workload().identity(trustDomain).principal()
                : out.text("inspector.identity.none");
        int targetPort = mesh.engine().targetPort(request.to(), request.service(), request.port());
        String dialled = edge.service() == null
                ? out.text("inspector.via.podip", edge.port())
                : out.text("inspector.via.service", edge.service(), edge.port(), targetPort);
        out.section("inspector.section.route")
                .row("inspector.from", edge.sourceId())
                .row("inspector.from.identity", client)
                .row("inspector.to", edge.destinationId())
                .row("inspector.to.identity", request.to().identity(trustDomain).principal())
                .row("inspector.port", dialled)
                .row("inspector.protocol", mesh.engine().protocol(request));
    }

    private static void traffic(TrafficEdge edge, Sections out) {
        out.section("inspector.section.traffic")
                .row("inspector.rate", String.format(Locale.ROOT, "%.1f req/s", edge.requestsPerSecond()))
                .row("inspector.errors", percent(edge.errorShare()))
                .row("inspector.mtlsShare", percent(edge.mtlsShare()))
                .row("inspector.methods", String.join(", ", edge.methods()))
                .row("inspector.paths", String.join(", ", edge.paths()));
    }

    /** Whether telemetry saw the edge: edges drawn only for a probe or a planned path carry no requests or codes. */
    private static boolean observed(TrafficEdge edge) {
        return edge.requestsPerSecond() > 0 || !edge.responseCodes().isEmpty();
    }

    /** An edge nobody was seen using (a replayed probe's, or one the attacker could use): what was decided instead. */
    private static void notObserved(EdgeAssessment assessed, Sections out) {
        TrafficEdge edge = assessed.edge();
        out.section("inspector.section.traffic").row("inspector.traffic.none", out.text("inspector.traffic.noneText"));
        if (!edge.methods().isEmpty()) {
            out.row(
                    "inspector.traffic.probed",
                    String.join(", ", edge.methods()) + " " + String.join(", ", edge.paths()));
        }
        out.row("inspector.traffic.decision", assessed.verdict().authz().decision());
    }

    private static void connection(ConnectionResult connection, Sections out) {
        out.section("inspector.section.connection")
                .row("inspector.connection", connection.connection().label())
                .row("inspector.serverMode", connection.serverMode())
                .policyRow(
                        "inspector.peerAuthentication",
                        orDefault(connection.peerAuthentication(), out.text("inspector.default")),
                        key("PeerAuthentication", connection.peerAuthentication()))
                .row("inspector.destinationRule", orDefault(connection.destinationRule(), out.text("inspector.none")))
                .row("inspector.reason", connection.reason());
    }

    private static void authorization(ConnectionResult connection, AuthzResult authz, Sections out) {
        out.section("inspector.section.authorization").row("inspector.verdict", authz.decision());
        if (connection.connection() == Connection.BROKEN) {
            // Authorization never runs: the TLS handshake fails first, so there is no policy and no HTTP status.
            out.row("inspector.policy", out.text("inspector.policy.broken"));
            return;
        }
        if (authz.decision() == Decision.CONDITIONAL) {
            out.row("inspector.policy", out.text("inspector.policy.conditional"))
                    .row("inspector.reason", authz.reason());
            out.section("inspector.section.conditions");
            authz.conditions().forEach(c -> out.plainRow("•", c));
            return;
        }
        String policy = authz.policy() == null
                ? out.text("inspector.policy.none")
                : out.text("inspector.policy.rule", authz.policy(), authz.action(), ruleText(authz, out));
        if (authz.noAllowMatched()) {
            // The same words as the report and `trustmap simulate`: no one ALLOW policy "decided" this deny.
            policy = authz.noAllowMatchSummary();
        }
        out.policyRow("inspector.policy", policy, key("AuthorizationPolicy", authz.policy()))
                .row("inspector.status", authz.httpStatus() > 0 ? authz.httpStatus() : null)
                .row("inspector.reason", authz.details());
    }

    private static String ruleText(AuthzResult authz, Sections out) {
        return authz.rule() < 0 ? out.text("inspector.rule.none") : out.text("inspector.rule", authz.rule());
    }

    /** The resource key of a policy named {@code namespace/name}, or null. */
    static String key(String kind, String ref) {
        return ref == null ? null : kind + " " + ref;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
