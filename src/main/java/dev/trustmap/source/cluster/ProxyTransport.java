package dev.trustmap.source.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Talks to Prometheus through the API server's service proxy
 * ({@code /api/v1/namespaces/NS/services/NAME:PORT/proxy/}), with the cluster connection's own credentials.
 */
final class ProxyTransport implements PrometheusTransport {
    private final KubernetesClient client;
    private final String namespace;
    private final String service;
    private final Duration timeout;

    /**
     * @param service the Service name with its port, e.g. {@code prometheus:9090}
     */
    ProxyTransport(KubernetesClient client, String namespace, String service, Duration timeout) {
        this.client = client;
        this.namespace = namespace;
        this.service = service;
        this.timeout = timeout;
    }

    @Override
    public String get(String pathAndQuery) throws TelemetryException {
        String master = client.getMasterUrl().toString();
        String url = (master.endsWith("/") ? master : master + "/") + "api/v1/namespaces/" + namespace + "/services/"
                + service + "/proxy/" + pathAndQuery;
        HttpRequest request =
                client.getHttpClient().newHttpRequestBuilder().uri(url).build();
        try {
            HttpResponse<String> response = client.getHttpClient()
                    .sendAsync(request, String.class)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return PrometheusClient.checkStatus(this, response.code(), response.body());
        } catch (ExecutionException | TimeoutException e) {
            throw PrometheusClient.unreachable(this, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelemetryException("The query to Prometheus was interrupted.", e);
        }
    }

    @Override
    public String describe() {
        return "Prometheus Service " + namespace + "/" + service + " (through the API server)";
    }
}
