package dev.trustmap.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterStartTest {

    @Test
    void contextAndKubeconfigStartTheApp() {
        ClusterSettings settings = ClusterStart.parse(List.of("--context", "prod", "--kubeconfig=/tmp/k"))
                .orElseThrow()
                .settings();

        assertThat(settings.context()).isEqualTo("prod");
        assertThat(settings.kubeconfig()).isEqualTo(Path.of("/tmp/k"));
        assertThat(settings.mode()).isEqualTo(PrometheusMode.AUTO);
        assertThat(ClusterStart.isAppStart("--context", "prod")).isTrue();
    }

    @Test
    void aPrometheusUrlReplacesTheServiceProxy() {
        ClusterSettings settings = ClusterStart.parse(List.of("--prometheus", "http://localhost:9090"))
                .orElseThrow()
                .settings();

        assertThat(settings.mode()).isEqualTo(PrometheusMode.URL);
        assertThat(settings.prometheus().baseUrl()).hasToString("http://localhost:9090/");
    }

    @Test
    void commandsAndBadOptionsAreNotAnAppStart() {
        assertThat(ClusterStart.isAppStart("test", "dir")).isFalse();
        assertThat(ClusterStart.isAppStart("--context")).isFalse();
        assertThat(ClusterStart.isAppStart("--help")).isFalse();
        assertThat(ClusterStart.parse(List.of())).isEmpty();
        assertThatThrownBy(() -> ClusterStart.parse(List.of("--context="))).hasMessage("--context needs a value");
    }
}
