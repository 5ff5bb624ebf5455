package dev.trustmap.source.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.engine.AuthzResult;
import dev.trustmap.engine.Connection;
import dev.trustmap.engine.ConnectionResult;
import dev.trustmap.engine.Decision;
import dev.trustmap.engine.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectationTest {

    private static Verdict verdict(Decision decision, Connection connection) {
        return new Verdict(
                new ConnectionResult(connection, "PERMISSIVE", null, null, "test"),
                new AuthzResult(decision, "foo/p", "ALLOW", 0, "test", List.of(), 200));
    }

    @Test
    void passesWhenDecisionConnectionAndMtlsAgree() {
        Expectation expect = new Expectation(Decision.ALLOW, true, Connection.MTLS, "200", "x");

        assertThat(expect.mismatch(verdict(Decision.ALLOW, Connection.MTLS))).isNull();
    }

    @Test
    void ignoresConnectionAndMtlsWhenNotGiven() {
        Expectation expect = new Expectation(Decision.DENY, null, null, null, null);

        assertThat(expect.mismatch(verdict(Decision.DENY, Connection.BROKEN))).isNull();
    }

    @Test
    void namesEveryDifference() {
        Expectation expect = new Expectation(Decision.DENY, false, Connection.BROKEN, "503", "x");

        assertThat(expect.mismatch(verdict(Decision.ALLOW, Connection.MTLS)))
                .isEqualTo("decision: expected DENY, got ALLOW; connection: expected broken, got mtls; "
                        + "mtls: expected false, got true");
    }
}
