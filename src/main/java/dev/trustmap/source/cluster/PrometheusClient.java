package dev.trustmap.source.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Instant queries against Prometheus's HTTP API ({@code /api/v1/query}), reached directly or via the API server. */
public final class PrometheusClient {
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrometheusTransport transport;

    private PrometheusClient(PrometheusTransport transport) {
        this.transport = transport;
    }

    /**
     * Prometheus at a URL.
     *
     * @throws TelemetryException when the CA file cannot be read
     */
    public static PrometheusClient direct(PrometheusOptions options) throws TelemetryException {
        return new PrometheusClient(new DirectTransport(options));
    }

    /**
     * Prometheus found through the API server's service proxy, with the cluster connection's credentials.
     *
     * @param namespace where the Service runs, usually {@code istio-system}
     * @param service the Service and port, usually {@code prometheus:9090}
     */
    public static PrometheusClient viaServiceProxy(KubernetesClient client, String namespace, String service) {
        return new PrometheusClient(new ProxyTransport(client, namespace, service, Duration.ofSeconds(10)));
    }

    /** One series of an instant query's result. */
    public record Sample(Map<String, String> labels, double value) {

        public Sample {
            labels = Map.copyOf(labels);
        }

        /** A label's value, or {@code ""} when the series lacks it. */
        public String label(String name) {
            return labels.getOrDefault(name, "");
        }
    }

    /**
     * Evaluates a PromQL expression at one instant.
     *
     * @throws TelemetryException when Prometheus cannot be reached, refuses, or rejects the query
     */
    public List<Sample> query(String promql, Instant at) throws TelemetryException {
        String time = String.format("%d.%03d", at.getEpochSecond(), at.getNano() / 1_000_000);
        String path = "api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&time=" + time;
        LOG.debug("Prometheus query at {}: {}", time, promql);
        return parse(transport.get(path));
    }

    private List<Sample> parse(String body) throws TelemetryException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new TelemetryException(
                    transport.describe() + " did not answer with Prometheus's JSON; check that the URL points at "
                            + "Prometheus's API root.",
                    e);
        }
        if (!"success".equals(root.path("status").asText())) {
            throw new TelemetryException(
                    transport.describe() + " rejected the query ("
                            + root.path("errorType").asText() + ": "
                            + root.path("error").asText() + "); check the Prometheus version.",
                    null);
        }
        List<Sample> samples = new ArrayList<>();
        for (JsonNode series : root.path("data").path("result")) {
            Map<String, String> labels = new LinkedHashMap<>();
            series.path("metric")
                    .fields()
                    .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            samples.add(new Sample(
                    labels, Double.parseDouble(series.path("value").path(1).asText("0"))));
        }
        return samples;
    }

    /** The body when the status is 2xx (or a JSON error Prometheus explains), else a sentence on what failed. */
    static String checkStatus(PrometheusTransport transport, int status, String body) throws TelemetryException {
        if (status / 100 == 2 || (status == 400 || status == 422) && body != null && body.contains("\"error\"")) {
            return body;
        }
        String advice = switch (status) {
            case 401, 403 ->
                "check the bearer token, user and password, or the cluster role's rights " + "on services/proxy.";
            case 404, 503 -> "check the URL, or the namespace and name of the Prometheus Service.";
            default -> "check that Prometheus runs and try again.";
        };
        throw new TelemetryException(
                transport.describe() + " answered HTTP " + status + "; " + advice
                        + " The graph shows the configuration without traffic until then.",
                null);
    }

    /** The sentence for a server that cannot be reached. */
    static TelemetryException unreachable(PrometheusTransport transport, Exception cause) {
        LOG.debug("{} unreachable", transport.describe(), cause);
        return new TelemetryException(
                transport.describe() + " cannot be reached (" + FailureMessages.rootMessage(cause) + "); "
                        + (transport instanceof ProxyTransport
                                ? "check that the Service exists and Prometheus runs behind it"
                                : "check the URL (or the port-forward) and that Prometheus runs")
                        + ". The graph shows the configuration without traffic until then.",
                cause);
    }
}
