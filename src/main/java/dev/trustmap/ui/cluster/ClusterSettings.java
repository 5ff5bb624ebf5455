package dev.trustmap.ui.cluster;

import dev.trustmap.source.cluster.PrometheusOptions;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the Connect dialog (or {@code --context}) asks for.
 *
 * @param kubeconfig the kubeconfig file
 * @param context the context name, or null for the current one
 * @param mode where Prometheus is
 * @param proxy for {@link PrometheusMode#AUTO}: the Service as {@code namespace/name:port}
 * @param prometheus for {@link PrometheusMode#URL}: the URL and credentials, else null
 * @param window what the rates average over
 * @param refresh how often traffic is queried
 */
public record ClusterSettings(
        Path kubeconfig,
        String context,
        PrometheusMode mode,
        String proxy,
        PrometheusOptions prometheus,
        Duration window,
        Duration refresh) {

    /** The Service Istio's sample addon installs. */
    public static final String DEFAULT_PROXY = "istio-system/prometheus:9090";

    /** A context of this kubeconfig with Prometheus through the service proxy, 5 minute window, every 15 s. */
    public static ClusterSettings of(Path kubeconfig, String context) {
        return new ClusterSettings(
                kubeconfig,
                context,
                PrometheusMode.AUTO,
                DEFAULT_PROXY,
                null,
                Duration.ofMinutes(5),
                Duration.ofSeconds(15));
    }

    /** The same with other telemetry. */
    public ClusterSettings withPrometheus(PrometheusMode newMode, PrometheusOptions options) {
        return new ClusterSettings(kubeconfig, context, newMode, proxy, options, window, refresh);
    }

    /** The namespace part of {@link #proxy()}. */
    String proxyNamespace() {
        return proxy.substring(0, proxy.indexOf('/'));
    }

    /** The {@code name:port} part of {@link #proxy()}. */
    String proxyService() {
        return proxy.substring(proxy.indexOf('/') + 1);
    }
}
