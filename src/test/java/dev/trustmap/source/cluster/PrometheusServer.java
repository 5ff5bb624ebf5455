package dev.trustmap.source.cluster;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus (Debian's {@code prometheus} package) on 127.0.0.1 over metrics backfilled with promtool. In CI
 * (env {@code CI=true}) a missing binary fails the test; elsewhere the test is skipped.
 */
public final class PrometheusServer implements AutoCloseable {
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    private final Process process;
    private final URI url;

    private PrometheusServer(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    /** Fails in CI, else skips the test, when the binaries are missing. */
    public static void requireBinaries() {
        boolean present = Files.isExecutable(PROMETHEUS) && Files.isExecutable(PROMTOOL);
        String why = "Debian's prometheus package is not installed (no " + PROMETHEUS + " or " + PROMTOOL
                + "); install it with 'apt-get install -y prometheus' (.ci/run does)";
        if (!present && "true".equals(System.getenv("CI"))) {
            fail(why);
        }
        Assumptions.assumeTrue(present, why);
    }

    /** Backfills the OpenMetrics text into a TSDB under {@code dir} and starts Prometheus on it. */
    public static PrometheusServer start(Path dir, String openMetrics) throws IOException, InterruptedException {
        Path input = Files.writeString(dir.resolve("metrics.om"), openMetrics);
        Path data = Files.createDirectories(dir.resolve("data"));
        run(
                List.of(
                        PROMTOOL.toString(),
                        "tsdb",
                        "create-blocks-from",
                        "openmetrics",
                        input.toString(),
                        data.toString()),
                dir);
        Path config = Files.writeString(dir.resolve("prometheus.yml"), "scrape_configs: []\n");
        int port = freePort();
        Process process = new ProcessBuilder(
                        PROMETHEUS.toString(),
                        "--storage.tsdb.path=" + data,
                        "--config.file=" + config,
                        "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
        PrometheusServer server = new PrometheusServer(process, URI.create("http://127.0.0.1:" + port + "/"));
        server.awaitReady(dir);
        return server;
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        Path log = dir.resolve("promtool.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (process.waitFor() != 0) {
            fail("promtool failed: " + Files.readString(log));
        }
    }

    private void awaitReady(Path dir) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpRequest ready =
                        HttpRequest.newBuilder(url.resolve("-/ready")).build();
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
                Thread.sleep(50);
            }
        }
        close();
        fail("Prometheus did not get ready: " + Files.readString(dir.resolve("prometheus.log")));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public URI url() {
        return url;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
