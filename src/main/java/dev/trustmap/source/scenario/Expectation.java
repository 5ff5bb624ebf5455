package dev.trustmap.source.scenario;

import dev.trustmap.engine.Connection;
import dev.trustmap.engine.Decision;
import dev.trustmap.engine.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario request should come to.
 *
 * @param decision the required decision
 * @param mtls whether the connection must (true) or must not (false) use Istio mTLS; null to not check
 * @param connection the required connection (mtls, plaintext, broken); null to not check
 * @param httpStatus the status a client would see, as written (informational, e.g. {@code "000 (curl exit 56)"})
 * @param reason prose for people: which policy, rule or setting decides
 */
public record Expectation(Decision decision, Boolean mtls, Connection connection, String httpStatus, String reason) {

    /**
     * What differs between this expectation and a verdict, as one line ({@code "decision: expected DENY, got
     * ALLOW"}), or null when the verdict meets it. The HTTP status and the reason are not compared.
     */
    public String mismatch(Verdict verdict) {
        List<String> problems = new ArrayList<>();
        if (verdict.decision() != decision) {
            problems.add("decision: expected " + decision + ", got " + verdict.decision());
        }
        Connection actual = verdict.connection().connection();
        if (connection != null && actual != connection) {
            problems.add("connection: expected " + connection.label() + ", got " + actual.label());
        }
        if (mtls != null && verdict.mtls() != mtls) {
            problems.add("mtls: expected " + mtls + ", got " + verdict.mtls());
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** One line for people: {@code DENY connection=broken mtls=false}. */
    public String describe() {
        StringBuilder text = new StringBuilder(decision.name());
        if (connection != null) {
            text.append(" connection=").append(connection.label());
        }
        if (mtls != null) {
            text.append(" mtls=").append(mtls);
        }
        if (httpStatus != null) {
            text.append(" httpStatus=").append(httpStatus);
        }
        return text.toString();
    }
}
