package dev.trustmap.analysis.findings;

import java.util.List;

/** One rule of the findings: a stable code, a severity, and the check itself. Implementations are stateless. */
public interface Checker {

    /** The stable code, {@code TM} and three digits; 1xx are zero-trust gaps, 2xx misconfigurations. */
    String code();

    /** The severity of this rule's findings. */
    Severity severity();

    /** A short description of the rule, for listings and SARIF rule metadata. */
    String title();

    /** The findings for one mesh. */
    List<Finding> check(MeshContext ctx);

    /** A finding of this rule. */
    default Finding finding(String resource, String path, String message, String fix) {
        return new Finding(code(), severity(), resource, path, message, fix);
    }
}
