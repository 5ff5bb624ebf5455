package dev.trustmap.source.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Talks to Prometheus at a URL with the JDK's HTTP client: optional bearer token, basic auth and CA file. */
final class DirectTransport implements PrometheusTransport {
    private static final Logger LOG = LoggerFactory.getLogger(DirectTransport.class);

    private final PrometheusOptions options;
    private final HttpClient http;
    private final String root;

    DirectTransport(PrometheusOptions options) throws TelemetryException {
        this.options = options;
        String base = options.baseUrl().toString();
        this.root = base.endsWith("/") ? base : base + "/";
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(options.timeout());
        if (options.caFile() != null) {
            builder.sslContext(sslContext());
        }
        this.http = builder.build();
    }

    private SSLContext sslContext() throws TelemetryException {
        try (InputStream in = Files.newInputStream(options.caFile())) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + index++, cert);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            LOG.debug("Cannot read CA file {}", options.caFile(), e);
            throw new TelemetryException(
                    "The CA file " + options.caFile() + " cannot be read as PEM certificates; check the path.", e);
        }
    }

    @Override
    public String get(String pathAndQuery) throws TelemetryException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(root + pathAndQuery)).timeout(options.timeout());
        if (options.bearerToken() != null) {
            request.header("Authorization", "Bearer " + options.bearerToken());
        } else if (options.username() != null) {
            String pair = options.username() + ":" + (options.password() == null ? "" : options.password());
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
            return PrometheusClient.checkStatus(this, response.statusCode(), response.body());
        } catch (IOException e) {
            throw PrometheusClient.unreachable(this, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelemetryException("The query to Prometheus was interrupted.", e);
        }
    }

    @Override
    public String describe() {
        return "Prometheus at " + root;
    }
}
