package dev.trustmap.export.report;

import dev.trustmap.analysis.EdgeAssessment;
import dev.trustmap.engine.Connection;
import dev.trustmap.engine.Decision;

/** The colour and line pattern of an observed edge, as the desktop graph draws them. */
enum EdgeStyle {
    ALLOWED_BY_POLICY("#2e7d32", "allowed by a policy"),
    ALLOWED_NO_POLICY("#1565c0", "allowed, no policy applies"),
    CONDITIONAL("#ef6c00", "conditional"),
    DENIED("#c62828", "denied");

    final String colour;
    final String label;

    EdgeStyle(String colour, String label) {
        this.colour = colour;
        this.label = label;
    }

    static EdgeStyle of(EdgeAssessment edge) {
        Decision decision = edge.verdict().decision();
        if (decision == Decision.DENY) {
            return DENIED;
        }
        if (decision == Decision.CONDITIONAL) {
            return CONDITIONAL;
        }
        return edge.verdict().authz().policy() == null ? ALLOWED_NO_POLICY : ALLOWED_BY_POLICY;
    }

    /** The SVG {@code stroke-dasharray} for the connection: none for mTLS, dashes for plaintext, dots for broken. */
    static String dashes(Connection connection) {
        return switch (connection) {
            case PLAINTEXT -> "7 4";
            case BROKEN -> "2 4";
            default -> "";
        };
    }
}
