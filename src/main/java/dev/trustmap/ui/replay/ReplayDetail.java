package dev.trustmap.ui.replay;

import dev.trustmap.engine.AuthzResult;
import dev.trustmap.engine.Connection;
import dev.trustmap.engine.ConnectionResult;
import dev.trustmap.engine.Decision;
import dev.trustmap.engine.Verdict;
import dev.trustmap.source.scenario.Expectation;
import dev.trustmap.ui.common.Messages;
import java.util.ArrayList;
import java.util.List;

/** The text under the replay list for one request: what it is, what it should get, what it got and why. */
final class ReplayDetail {
    /** Explanations sit under the line they explain. */
    private static final String INDENT = "    ";

    private ReplayDetail() {}

    static String text(ReplayRow row, Messages messages) {
        List<String> lines = new ArrayList<>();
        lines.add(messages.get(
                "replay.detail.request",
                row.request().index(),
                row.text(),
                row.request().line()));
        if (row.fromOutside()) {
            lines.add(messages.get("replay.detail.outside"));
        }
        Expectation expect = row.request().expect();
        lines.add(messages.get("replay.detail.expected", row.expected()));
        if (expect.reason() != null) {
            lines.add(INDENT + messages.get("replay.detail.because", expect.reason()));
        }
        if (!row.finished()) {
            lines.add(messages.get("replay.detail.pending"));
            return String.join("\n", lines);
        }
        lines.add(messages.get("replay.detail.actual", row.actual()));
        lines.add(
                row.outcome().pass()
                        ? messages.get("replay.detail.pass")
                        : messages.get("replay.detail.fail", row.outcome().mismatch()));
        explain(row.outcome().verdict(), messages, lines);
        return String.join("\n", lines);
    }

    private static void explain(Verdict verdict, Messages messages, List<String> lines) {
        ConnectionResult connection = verdict.connection();
        lines.add(messages.get(
                "replay.detail.connection",
                connection.connection().label(),
                connection.serverMode(),
                orElse(connection.peerAuthentication(), messages.get("inspector.default")),
                orElse(connection.destinationRule(), messages.get("inspector.none"))));
        lines.add(INDENT + messages.get("replay.detail.why", connection.reason()));
        if (connection.connection() == Connection.BROKEN) {
            lines.add(messages.get("replay.detail.broken"));
            return;
        }
        AuthzResult authz = verdict.authz();
        lines.add(
                authz.policy() == null
                        ? messages.get("replay.detail.nopolicy")
                        : messages.get(
                                "replay.detail.policy", authz.policy(), authz.action(), ruleText(authz, messages)));
        lines.add(INDENT + messages.get("replay.detail.why", authz.reason()));
        if (authz.decision() == Decision.CONDITIONAL) {
            authz.conditions().forEach(c -> lines.add(INDENT + "\u2022 " + c));
        }
    }

    private static String ruleText(AuthzResult authz, Messages messages) {
        return authz.rule() < 0 ? messages.get("inspector.rule.none") : messages.get("inspector.rule", authz.rule());
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
