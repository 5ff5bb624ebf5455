package dev.trustmap.ui.graph;

import dev.trustmap.engine.Connection;
import dev.trustmap.engine.Decision;
import dev.trustmap.engine.Verdict;

/** How an edge looks: a colour for the authorization verdict and a line pattern for the connection. */
public final class EdgeStyle {
    /** Allowed by a policy that matched. */
    public static final String ALLOW_POLICY = "allow_policy";
    /** Allowed because no policy applies. */
    public static final String ALLOW_OPEN = "allow_open";

    public static final String CONDITIONAL = "conditional";
    public static final String DENY = "deny";
    public static final String MTLS = "mtls";
    public static final String PLAINTEXT = "plaintext";
    public static final String BROKEN = "broken";

    private EdgeStyle() {}

    /** The verdict class: allow_policy, allow_open, conditional or deny. */
    public static String verdictClass(Verdict verdict) {
        Decision decision = verdict.decision();
        if (decision == Decision.DENY) {
            return DENY;
        }
        if (decision == Decision.CONDITIONAL) {
            return CONDITIONAL;
        }
        return verdict.authz().policy() == null ? ALLOW_OPEN : ALLOW_POLICY;
    }

    /** The connection class: mtls, plaintext or broken. */
    public static String connectionClass(Verdict verdict) {
        Connection connection = verdict.connection().connection();
        return switch (connection) {
            case MTLS -> MTLS;
            case PLAINTEXT -> PLAINTEXT;
            case BROKEN -> BROKEN;
        };
    }
}
