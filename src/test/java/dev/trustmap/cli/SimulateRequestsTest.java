package dev.trustmap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

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
    void parsesSendersAndChecksTheAddressOfAnOutsideClient() throws BadInputException {
        assertThat(SimulateRequests.sender("foo/sleep")).isEqualTo(new SimulateRequests.Sender("foo", "sleep", null));
        assertThat(SimulateRequests.sender("external:203.0.113.9").ip()).isEqualTo("203.0.113.9");
        assertThat(SimulateRequests.sender("external:2001:db8::1").ip()).isEqualTo("2001:db8::1");
        assertThat(catchThrowable(() -> SimulateRequests.sender("external:banana")))
                .hasMessage("--from: 'banana' is not an IP address");
        assertThat(catchThrowable(() -> SimulateRequests.sender("external:10.0.0.256")))
                .hasMessage("--from: '10.0.0.256' is not an IP address");
        assertThat(catchThrowable(() -> SimulateRequests.sender("external:")))
                .hasMessageStartingWith("--from: 'external:' needs the client's IP address");
    }

    @Test
    void rejectsAPortOutOfRange() {
        assertThat(catchThrowable(() -> SimulateRequests.target("foo/httpbin:70000")))
                .hasMessage("--to 'foo/httpbin:70000': the port must be 1 to 65535");
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
