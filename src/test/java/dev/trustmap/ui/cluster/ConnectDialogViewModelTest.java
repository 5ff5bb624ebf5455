package dev.trustmap.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.trustmap.source.cluster.ClusterException;
import dev.trustmap.source.cluster.ContextInfo;
import dev.trustmap.source.cluster.PrometheusOptions;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ConnectDialogViewModelTest {
    private static final String KUBECONFIG = String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "clusters:",
            "- {name: dev, cluster: {server: 'https://dev.example.com'}}",
            "- {name: prod, cluster: {server: 'https://prod.example.com'}}",
            "users:",
            "- {name: me, user: {token: abc}}",
            "contexts:",
            "- {name: a-dev, context: {cluster: dev, user: me}}",
            "- {name: b-prod, context: {cluster: prod, user: me, namespace: shop}}",
            "current-context: b-prod",
            "");

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
    private final UiTasks tasks = new UiTasks(worker, Runnable::run, e -> {});
    private final List<ClusterSettings> connected = new ArrayList<>();
    private ClusterException refusal;
    private ConnectDialogViewModel viewModel;

    @TempDir
    Path dir;

    @BeforeEach
    void create() throws Exception {
        Path kubeconfig = Files.writeString(dir.resolve("config"), KUBECONFIG);
        viewModel = new ConnectDialogViewModel(Messages.load(), tasks, new FakeConnector(), kubeconfig);
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    private void awaitWorker() throws Exception {
        worker.submit(() -> {}).get(5, TimeUnit.SECONDS);
    }

    private void loaded() throws Exception {
        viewModel.loadContexts();
        awaitWorker();
    }

    @Nested
    class Contexts {
        @Test
        void listsTheCurrentContextFirstAndSelectsIt() throws Exception {
            loaded();

            assertThat(viewModel.contexts()).extracting(ContextInfo::name).containsExactly("b-prod", "a-dev");
            assertThat(viewModel.contextProperty().get().name()).isEqualTo("b-prod");
            assertThat(viewModel.contextProperty().get().namespace()).isEqualTo("shop");
            assertThat(viewModel.errorProperty().get()).isEmpty();
        }

        @Test
        void aMissingKubeconfigIsASentenceAndNoContexts() throws Exception {
            viewModel.kubeconfigProperty().set(dir.resolve("nothing-here").toString());

            loaded();

            assertThat(viewModel.contexts()).isEmpty();
            assertThat(viewModel.errorProperty().get())
                    .startsWith("There is no readable kubeconfig at")
                    .contains("nothing-here");
        }

        @Test
        void aBrokenKubeconfigSaysWhatToCheck() throws Exception {
            Files.writeString(dir.resolve("config"), "clusters: [\n");

            loaded();

            assertThat(viewModel.errorProperty().get())
                    .contains("cannot be read")
                    .contains("at line 2, column 1")
                    .contains("kubectl config view")
                    .doesNotContain("Exception")
                    .doesNotContain("\n");
        }

        @Test
        void anEmptyOrForeignFileIsNotAKubeconfig() throws Exception {
            for (String text : List.of("", "garbage:\n")) {
                Files.writeString(dir.resolve("config"), text);

                loaded();

                assertThat(viewModel.contexts()).isEmpty();
                assertThat(viewModel.errorProperty().get())
                        .contains(dir.resolve("config") + " has no clusters or contexts; is it a kubeconfig?")
                        .doesNotContain("null")
                        .doesNotContain("fabric8");
            }
        }
    }

    @Nested
    class Prometheus {
        @BeforeEach
        void url() throws Exception {
            loaded();
            viewModel.modeProperty().set(PrometheusMode.URL);
        }

        @Test
        void anHttpUrlIsValidAndGetsItsSlash() {
            viewModel.urlProperty().set("http://localhost:9090");

            PrometheusOptions options = viewModel.validate().orElseThrow().prometheus();

            assertThat(options.baseUrl()).hasToString("http://localhost:9090/");
            assertThat(options.bearerToken()).isNull();
        }

        @Test
        void rejectsWhatIsNotAnHttpUrl() {
            for (String bad : List.of("", "localhost:9090", "ftp://host/", "http://", "http://a b/")) {
                viewModel.urlProperty().set(bad);

                assertThat(viewModel.validate()).as(bad).isEmpty();
                assertThat(viewModel.errorProperty().get()).as(bad).contains("is not an http or https URL");
            }
        }

        @Test
        void takesATokenOrBasicAuthButNotBoth() {
            viewModel.urlProperty().set("https://prom.example.com/");
            viewModel.tokenProperty().set("t0ken");
            viewModel.userProperty().set("alice");

            assertThat(viewModel.validate()).isEmpty();
            assertThat(viewModel.errorProperty().get())
                    .isEqualTo("Give either a bearer token or a user and password, not both.");

            viewModel.tokenProperty().set("");
            assertThat(viewModel.validate()).isEmpty();
            assertThat(viewModel.errorProperty().get()).isEqualTo("Basic auth needs both a user and a password.");

            viewModel.passwordProperty().set("secret");
            PrometheusOptions options = viewModel.validate().orElseThrow().prometheus();
            assertThat(options.username()).isEqualTo("alice");
            assertThat(options.password()).isEqualTo("secret");
            assertThat(viewModel.errorProperty().get()).isEmpty();
        }

        @Test
        void aCaFileMustExistAndGoWithHttps() throws Exception {
            viewModel.urlProperty().set("http://prom:9090/");
            viewModel.caFileProperty().set(dir.resolve("ca.pem").toString());
            assertThat(viewModel.validate()).isEmpty();
            assertThat(viewModel.errorProperty().get()).contains("only applies to an https URL");

            viewModel.urlProperty().set("https://prom:9090/");
            assertThat(viewModel.validate()).isEmpty();
            assertThat(viewModel.errorProperty().get()).contains("cannot be read");

            Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
            assertThat(viewModel.validate().orElseThrow().prometheus().caFile()).isEqualTo(dir.resolve("ca.pem"));
        }

        @Test
        void theServiceProxyIsNamespaceSlashNameColonPort() {
            viewModel.modeProperty().set(PrometheusMode.AUTO);
            assertThat(viewModel.validate().orElseThrow().proxy()).isEqualTo("istio-system/prometheus:9090");

            viewModel.proxyProperty().set("prometheus:9090");
            assertThat(viewModel.validate()).isEmpty();
            assertThat(viewModel.errorProperty().get()).contains("namespace/name:port");
        }
    }

    @Nested
    class Connecting {
        @Test
        void handsTheConnectionOverWithTheChosenSettings() throws Exception {
            loaded();
            viewModel.contextProperty().set(viewModel.contexts().get(1));
            viewModel.modeProperty().set(PrometheusMode.NONE);
            viewModel.windowProperty().set(ConnectDialogViewModel.WINDOWS.get(2));

            viewModel.connect(connection -> {});
            awaitWorker();

            assertThat(connected).singleElement().satisfies(settings -> {
                assertThat(settings.context()).isEqualTo("a-dev");
                assertThat(settings.mode()).isEqualTo(PrometheusMode.NONE);
                assertThat(ConnectDialogViewModel.label(settings.window())).isEqualTo("1h");
            });
            assertThat(viewModel.busyProperty().get()).isFalse();
        }

        @Test
        void aRefusalIsTheCoreSentenceWithoutAStackTrace() throws Exception {
            loaded();
            refusal = new ClusterException(
                    "The API server at https://prod.example.com refused the credentials of context 'b-prod'.",
                    "Log in again.",
                    new IllegalStateException("401"));

            viewModel.connect(connection -> {});
            awaitWorker();

            assertThat(viewModel.errorProperty().get())
                    .isEqualTo("The API server at https://prod.example.com refused the credentials of context "
                            + "'b-prod'. Log in again.");
            assertThat(viewModel.busyProperty().get()).isFalse();
        }

        @Test
        void anUnexpectedFailurePointsToTheLog() {
            assertThat(viewModel.sentence(new IllegalStateException("boom")))
                    .isEqualTo("Connecting failed unexpectedly (boom). The details are in the log; try again.");
        }

        @Test
        void withoutAContextNothingHappens() {
            viewModel.connect(connection -> {});

            assertThat(connected).isEmpty();
            assertThat(viewModel.errorProperty().get()).isEqualTo("Pick a context to connect to.");
        }
    }

    @Nested
    class Remembering {
        @Test
        void opensOnTheSettingsInUse() throws Exception {
            Path other = Files.writeString(dir.resolve("other"), KUBECONFIG);
            ClusterSettings last = ClusterSettings.of(other, "a-dev")
                    .withPrometheus(
                            PrometheusMode.URL,
                            PrometheusOptions.of(URI.create("http://localhost:9090/"))
                                    .withBearerToken("t0ken"));

            viewModel.prefill(last);
            loaded();

            assertThat(viewModel.kubeconfigProperty().get()).isEqualTo(other.toString());
            assertThat(viewModel.contextProperty().get().name()).isEqualTo("a-dev");
            assertThat(viewModel.modeProperty().get()).isEqualTo(PrometheusMode.URL);
            assertThat(viewModel.urlProperty().get()).isEqualTo("http://localhost:9090/");
            assertThat(viewModel.tokenProperty().get()).isEqualTo("t0ken");
            assertThat(viewModel.validate()).hasValueSatisfying(settings -> {
                assertThat(settings.context()).isEqualTo("a-dev");
                assertThat(settings.prometheus().bearerToken()).isEqualTo("t0ken");
            });
        }

        @Test
        void startOptionsWithoutAContextKeepTheCurrentOne() throws Exception {
            viewModel.prefill(
                    new ClusterStart(null, dir.resolve("config"), URI.create("http://prom:9090/")).settings());
            loaded();

            assertThat(viewModel.contextProperty().get().name()).isEqualTo("b-prod");
            assertThat(viewModel.modeProperty().get()).isEqualTo(PrometheusMode.URL);
            assertThat(viewModel.urlProperty().get()).isEqualTo("http://prom:9090/");
        }

        @Test
        void theCurrentContextIsSetOffByASpace() {
            assertThat(Messages.load()
                            .get(
                                    "cluster.context.item",
                                    "demo",
                                    "bookinfo",
                                    "",
                                    Messages.load().get("cluster.context.current")))
                    .endsWith("bookinfo (current)");
        }
    }

    @Test
    void aConnectFailureLogsOneLineAndTheStackTraceOnlyAtDebug() {
        Logger logger = (Logger) LoggerFactory.getLogger(ConnectDialogViewModel.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        try {
            viewModel.sentence(new ClusterException(
                    "Cannot reach the API server at https://10.0.0.1:6443 (connection refused).",
                    "Check that the cluster runs.",
                    new IllegalStateException("connection refused")));
        } finally {
            logger.detachAppender(events);
            logger.setLevel(before);
        }

        assertThat(events.list)
                .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .singleElement()
                .satisfies(e -> assertThat(e.getThrowableProxy()).isNull());
        assertThat(events.list)
                .filteredOn(e -> e.getThrowableProxy() != null)
                .allSatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.DEBUG));
    }

    private final class FakeConnector implements ClusterConnector {
        @Override
        public List<ContextInfo> contexts(Path kubeconfig) throws ClusterException {
            return ClusterConnector.standard().contexts(kubeconfig);
        }

        @Override
        public ClusterConnection connect(ClusterSettings settings) throws ClusterException {
            if (refusal != null) {
                throw refusal;
            }
            connected.add(settings);
            return null;
        }
    }
}
