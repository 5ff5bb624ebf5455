package dev.trustmap.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.source.cluster.ClusterStatus;
import dev.trustmap.source.cluster.ClusterStatus.KindStatus;
import dev.trustmap.source.cluster.ClusterStatus.State;
import dev.trustmap.source.cluster.PrometheusOptions;
import dev.trustmap.ui.common.Messages;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status pill, its tooltip, Details and the Prometheus banner, without a window. */
class ClusterViewModelTest {
    private static final String SERVER = "https://10.0.0.1:6443/";
    private static final List<String> KINDS = List.of("namespaces", "pods", "replicasets", "deployments", "services");
    private static final String PROBLEM = "Prometheus Service istio-system/prometheus:9090 (through the API server) "
            + "cannot be reached (the connection was closed); check that the Service exists.";

    private final ClusterViewModel viewModel = new ClusterViewModel(Messages.load(), null, () -> {});
    private final ClusterSettings proxy = ClusterSettings.of(Path.of("config"), "kind-mesh");

    private static ClusterView view(ClusterStatus status, String telemetryProblem, ClusterSettings settings) {
        return new ClusterView(
                "kind-mesh", status, List.of(), List.of(), List.of("bookinfo"), telemetryProblem, settings);
    }

    private static ClusterStatus live() {
        return new ClusterStatus(
                KINDS.stream().map(k -> new KindStatus(k, State.LIVE, null)).toList(), Instant.now(), List.of());
    }

    @Test
    void anUnreachableApiServerIsAShortPillAndOneSentence() {
        List<KindStatus> kinds = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (String kind : KINDS) {
            String message = "the watch on " + kind + " dropped; reconnecting (connection refused)";
            kinds.add(new KindStatus(kind, State.STALE, message));
            messages.add(message);
        }
        kinds.add(new KindStatus("authorizationpolicies", State.ERROR, "cannot list authorizationpolicies: forbidden"));
        messages.add("cannot list authorizationpolicies: forbidden");
        Instant last = Instant.parse("2026-12-03T17:48:37Z");

        viewModel.show(view(new ClusterStatus(kinds, last, messages, SERVER), null, proxy));

        String clock = DateTimeFormatter.ofPattern("HH:mm:ss")
                .withZone(ZoneId.systemDefault())
                .format(last);
        String sentence = "Lost contact with the API server at " + SERVER + "; retrying. Last update " + clock + ".";
        assertThat(viewModel.summaryProperty().get()).isEqualTo("● stale");
        assertThat(viewModel.stateProperty().get()).isEqualTo(State.STALE);
        assertThat(viewModel.tooltipProperty().get())
                .isEqualTo(sentence + "\ncannot list authorizationpolicies: forbidden");
        assertThat(viewModel.details()).first().isEqualTo(sentence);
        assertThat(viewModel.details()).contains("the watch on pods dropped; reconnecting (connection refused)");
        assertThat(viewModel.details()).hasSize(KINDS.size() + 2);
    }

    @Test
    void oneDroppedWatchIsNamedAsItIs() {
        List<KindStatus> kinds = new ArrayList<>(live().kinds());
        kinds.set(1, new KindStatus("pods", State.STALE, "the watch on pods dropped; reconnecting"));

        viewModel.show(view(
                new ClusterStatus(kinds, Instant.now(), List.of(kinds.get(1).message())), null, proxy));

        assertThat(viewModel.summaryProperty().get()).isEqualTo("● stale");
        assertThat(viewModel.tooltipProperty().get()).isEqualTo("the watch on pods dropped; reconnecting");
    }

    @Test
    void withoutPrometheusTheServiceProxyPillIsDegradedAndTheBannerNamesTheService() {
        viewModel.show(view(live(), PROBLEM, proxy));

        assertThat(viewModel.summaryProperty().get()).isEqualTo("● live · no telemetry");
        assertThat(viewModel.degradedProperty().get()).isTrue();
        assertThat(viewModel.bannerProperty().get())
                .isEqualTo("Prometheus unreachable: showing configuration only — check that a prometheus Service "
                        + "runs in istio-system (or name yours in Connect…)");
        assertThat(viewModel.details()).containsExactly(PROBLEM);
        assertThat(viewModel.tooltipProperty().get()).isEqualTo(PROBLEM);

        viewModel.show(view(live(), null, proxy));
        assertThat(viewModel.summaryProperty().get()).isEqualTo("● live");
        assertThat(viewModel.degradedProperty().get()).isFalse();
        assertThat(viewModel.bannerProperty().get()).isEmpty();
    }

    @Test
    void withoutPrometheusAtAUrlTheBannerSaysCheckTheUrl() {
        ClusterSettings url =
                proxy.withPrometheus(PrometheusMode.URL, PrometheusOptions.of(URI.create("http://localhost:9090/")));

        viewModel.show(view(live(), PROBLEM, url));

        assertThat(viewModel.bannerProperty().get())
                .isEqualTo("Prometheus unreachable: showing configuration only — check the URL or port-forward");
    }
}
