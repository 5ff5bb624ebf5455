package dev.trustmap.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trustmap.engine.AuthzResult;
import dev.trustmap.engine.Connection;
import dev.trustmap.engine.ConnectionResult;
import dev.trustmap.engine.Verdict;
import dev.trustmap.source.scenario.Expectation;
import java.util.regex.Pattern;

/** Verdicts as the CLI prints them: compact text and JSON objects. */
final class VerdictFormat {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PLAIN_STATUS = Pattern.compile("[1-9]\\d{0,2}");

    private VerdictFormat() {}

    /** {@code decision=ALLOW connection=mtls policy=ns/name[rule 0]}; {@code policy=-} when none decided. */
    static String compact(Verdict verdict) {
        return "decision=" + verdict.decision()
                + " connection=" + verdict.connection().connection().label()
                + " policy=" + policy(verdict.authz());
    }

    /** {@code ns/name[rule 0]}, {@code ns/name} without a rule, or {@code -}. */
    static String policy(AuthzResult authz) {
        if (authz.policy() == null) {
            return "-";
        }
        return authz.rule() >= 0 ? authz.policy() + "[rule " + authz.rule() + "]" : authz.policy();
    }

    /**
     * The verdict's fields: decision, connection, mtls, httpStatus, policy, action, rule, reason, conditions. A broken
     * connection has no mTLS: {@code mtls} is null.
     */
    static ObjectNode json(Verdict verdict) {
        AuthzResult authz = verdict.authz();
        ObjectNode node = NODES.objectNode();
        node.put("decision", verdict.decision().name());
        node.put("connection", verdict.connection().connection().label());
        if (verdict.connection().connection() == Connection.BROKEN) {
            node.putNull("mtls");
        } else {
            node.put("mtls", verdict.mtls());
        }
        node.put("httpStatus", verdict.httpStatus());
        node.put("policy", authz.policy());
        node.put("action", authz.action());
        if (authz.rule() >= 0) {
            node.put("rule", authz.rule());
        } else {
            node.putNull("rule");
        }
        node.put("reason", authz.reason());
        authz.conditions().forEach(node.putArray("conditions")::add);
        node.set("mtlsExplanation", json(verdict.connection()));
        return node;
    }

    /** The mTLS explanation: serverMode, peerAuthentication, destinationRule, reason. */
    static ObjectNode json(ConnectionResult connection) {
        ObjectNode node = NODES.objectNode();
        node.put("serverMode", connection.serverMode());
        node.put("peerAuthentication", connection.peerAuthentication());
        node.put("destinationRule", connection.destinationRule());
        node.put("reason", connection.reason());
        return node;
    }

    /**
     * The expectation's fields: decision, connection, mtls, httpStatus, reason (absent ones null). The HTTP status is
     * a number when the scenario gives a plain code ({@code 403}), like the verdict's, and the text as written when
     * it says more ({@code "000 (curl exit 56)"}).
     */
    static ObjectNode json(Expectation expectation) {
        ObjectNode node = NODES.objectNode();
        node.put("decision", expectation.decision().name());
        node.put(
                "connection",
                expectation.connection() == null
                        ? null
                        : expectation.connection().label());
        node.put("mtls", expectation.mtls());
        String status = expectation.httpStatus();
        if (status != null && PLAIN_STATUS.matcher(status).matches()) {
            node.put("httpStatus", Integer.parseInt(status));
        } else {
            node.put("httpStatus", status);
        }
        node.put("reason", expectation.reason());
        return node;
    }

    /** One sentence on how the connection was secured, naming the PeerAuthentication and DestinationRule. */
    static String mtlsExplanation(ConnectionResult connection) {
        String peerAuthentication =
                connection.peerAuthentication() == null ? "mesh default" : connection.peerAuthentication();
        String destinationRule = connection.destinationRule() == null ? "none" : connection.destinationRule();
        return "server mode " + connection.serverMode() + " (PeerAuthentication: " + peerAuthentication
                + "), client DestinationRule: " + destinationRule;
    }
}
