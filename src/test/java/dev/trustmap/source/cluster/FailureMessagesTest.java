package dev.trustmap.source.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class FailureMessagesTest {

    @Test
    void exceptionsWithoutAMessageAreWordsNotClassNames() {
        assertThat(FailureMessages.rootMessage(new ExecutionException(new IOException(new ClosedChannelException()))))
                .isEqualTo("the connection was closed");
        assertThat(FailureMessages.rootMessage(new ConnectException())).isEqualTo("connection refused");
        assertThat(FailureMessages.rootMessage(new IllegalStateException())).doesNotContain("Exception");
        assertThat(FailureMessages.rootMessage(new IOException("Connection reset")))
                .isEqualTo("Connection reset");
    }

    @Test
    void anUnreachablePrometheusGetsAdviceForHowItIsReached() {
        PrometheusTransport url = new PrometheusTransport() {
            @Override
            public String get(String pathAndQuery) {
                return "";
            }

            @Override
            public String describe() {
                return "Prometheus at http://localhost:9090/";
            }
        };

        assertThat(PrometheusClient.unreachable(url, new ExecutionException(new ClosedChannelException()))
                        .getMessage())
                .isEqualTo("Prometheus at http://localhost:9090/ cannot be reached (the connection was closed); check "
                        + "the URL (or the port-forward) and that Prometheus runs. The graph shows the configuration "
                        + "without traffic until then.");
    }
}
