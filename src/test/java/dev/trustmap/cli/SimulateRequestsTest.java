package dev.trustmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.engine.Jwt;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulateRequestsTest {

    @Test
    void parsesTargets() throws BadInputException {
        assertThat(SimulateRequests.target("foo/httpbin:8000"))
                .isEqualTo(new SimulateRequests.Target("foo", "httpbin", 8000));
    }

    @Test
    void leavesHeadersUnknownWhenNoneAreGiven() throws BadInputException {
        assertThat(SimulateRequests.headers(null)).isNull();
        assertThat(SimulateRequests.headers(List.of("X-Foo=a=b"))).isEqualTo(Map.of("x-foo", "a=b"));
    }

    @Test
    void buildsSignedTokensFromClaimsWithRepeatedKeysAsLists() throws BadInputException {
        Jwt jwt = SimulateRequests.jwt("{\"iss\":\"me\"}", List.of("groups=a", "groups=b"), null);

        assertThat(jwt.state()).isEqualTo(Jwt.State.SIGNED);
        assertThat(jwt.claims()).isEqualTo(Map.of("iss", "me", "groups", List.of("a", "b")));
    }

    @Test
    void treatsABearerHeaderWithoutClaimsAsUnverifiable() throws BadInputException {
        assertThat(SimulateRequests.jwt(null, null, Map.of("authorization", "Bearer x")))
                .isEqualTo(Jwt.unverifiable());
        assertThat(SimulateRequests.jwt(null, null, null)).isEqualTo(Jwt.none());
    }
}
