package dev.trustmap.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.source.cluster.IstioMetrics;
import dev.trustmap.source.cluster.MockCluster;
import dev.trustmap.source.cluster.PrometheusServer;
import dev.trustmap.ui.graph.Point;
import dev.trustmap.ui.main.MainWindow;
import dev.trustmap.ui.main.TrustmapApp;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.security.v1.AuthorizationPolicyBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.graphstream.graph.Edge;
import org.graphstream.graph.Graph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Connect dialog and a live cluster on a real window, headless: the fabric8 mock server in CRUD mode with
 * bookinfo, and a real Prometheus over backfilled Istio metrics.
 */
@ExtendWith(ApplicationExtension.class)
class ClusterWindowTest {
    private static final String STARTED = "Source: Lab (fintech platform)";
    static final String REVIEWS = "bookinfo/productpage-v1 -> bookinfo/reviews-v1:9080";

    @TempDir
    static Path shared;

    private static PrometheusServer prometheus;

    @TempDir
    Path dir;

    private final TrustmapApp app = new TrustmapApp();
    private final MockCluster cluster = new MockCluster();
    private MainWindow window;

    @BeforeAll
    static void startPrometheus() throws Exception {
        PrometheusServer.requireBinaries();
        // Samples run until a minute from now, so "now" stays inside them for the whole test.
        Instant start = Instant.now().minus(Duration.ofMinutes(19));
        prometheus = PrometheusServer.start(shared, IstioMetrics.bookinfo(start));
    }

    @AfterAll
    static void stopPrometheus() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Start
    void start(Stage stage) {
        window = app.open(stage, null);
    }

    @BeforeEach
    void load() throws Exception {
        cluster.load(MockCluster.BOOKINFO);
    }

    @AfterEach
    void stop() throws Exception {
        // The window closes the cluster feed, as hiding the stage does in the app, before the worker stops.
        WaitForAsyncUtils.asyncFx(() -> {
                    window.viewModel().close();
                    app.stop();
                })
                .get();
        cluster.close();
    }

    @Test
    void connectsThroughTheDialogAndFollowsTheCluster(FxRobot robot) throws Exception {
        Path kubeconfig = cluster.kubeconfig(dir.resolve("config"), "mock");
        openDialog(robot, kubeconfig);
        robot.clickOn("#urlRadio");
        robot.interact(() -> robot.lookup("#urlField")
                .queryAs(TextField.class)
                .setText(prometheus.url().toString()));
        robot.clickOn("#confirmButton");

        // The graph, the source label and the status settle in separate FX pulses: wait for all of them.
        await(() -> edgeClass(REVIEWS) != null
                && "Source: cluster mock"
                        .equals(window.viewModel().sourceProperty().get())
                && window.viewModel().state().traffic().edges().size() == 4
                && "● live".equals(app.cluster().viewModel().summaryProperty().get())
                && robot.lookup("#connect-dialog").tryQuery().isEmpty());
        assertThat(window.viewModel().sourceProperty().get()).isEqualTo("Source: cluster mock");
        assertThat(graph().getNode("bookinfo/details-v1")).isNotNull();
        assertThat(graph().getNode("unknown")).isNotNull();
        assertThat(edgeClass(REVIEWS)).endsWith("mtls").doesNotStartWith("deny");
        assertThat(window.viewModel().state().traffic().edges()).hasSize(4);
        assertThat(app.cluster().viewModel().summaryProperty().get()).isEqualTo("● live");
        assertThat(robot.lookup("#cluster-banner").query().isVisible()).isFalse();
        assertThat(robot.lookup("#connect-dialog").tryQuery()).isEmpty();

        denyReviews();
        await(() -> edgeClass(REVIEWS).startsWith("deny"));

        Point productpage = position("bookinfo/productpage-v1");
        cluster.client()
                .apps()
                .deployments()
                .inNamespace("bookinfo")
                .withName("reviews-v2")
                .delete();
        await(() -> graph().getNode("bookinfo/reviews-v2") == null);
        assertThat(position("bookinfo/productpage-v1")).isEqualTo(productpage);
    }

    @Test
    void withPrometheusDownTheBannerShowsAndAForbiddenListIsNamed(FxRobot robot) throws Exception {
        cluster.faults().fail("/api/v1/pods", 403).fail("/api/v1/namespaces/istio-system/pods", 403);
        openDialog(robot, cluster.kubeconfig(dir.resolve("config"), "mock"));
        // The service proxy is the default; the mock server has no Prometheus behind it.
        robot.clickOn("#confirmButton");

        await(() -> robot.lookup("#cluster-banner").query().isVisible());
        Label banner = robot.lookup("#cluster-banner").queryAs(Label.class);
        assertThat(banner.getText())
                .isEqualTo("Prometheus unreachable: showing configuration only — check that a prometheus Service "
                        + "runs in istio-system (or name yours in Connect…)");
        assertThat(app.cluster().viewModel().summaryProperty().get()).isEqualTo("● live · no telemetry");
        assertThat(app.cluster().viewModel().details()).noneMatch(line -> line.contains("Exception"));
        assertThat(banner.getTooltip().getText()).contains("prometheus:9090");
        assertThat(graph().getNode("bookinfo/productpage-v1")).isNotNull();
        assertThat(graph().getEdgeCount()).isZero();
        assertThat(app.cluster().viewModel().details())
                .contains("cannot list pods in namespace istio-system: forbidden");
        assertThat(app.cluster().viewModel().ambientProperty().get()).contains("ambient-demo");

        robot.clickOn("#disconnectButton");
        await(() -> window.viewModel().sourceProperty().get().equals(STARTED));
        await(() -> !robot.lookup("#cluster-status").query().isVisible());
    }

    @Test
    void anUnreachableServerIsASentenceInTheDialog(FxRobot robot) throws Exception {
        Path kubeconfig = cluster.kubeconfig(dir.resolve("config"), "mock");
        cluster.close();
        openDialog(robot, kubeconfig);
        robot.clickOn("#noneRadio");
        robot.clickOn("#confirmButton");

        Label error = robot.lookup(".connect-error").queryAs(Label.class);
        await(() -> !error.getText().isEmpty());
        assertThat(error.getText())
                .startsWith("Cannot reach the API server at http")
                .contains("Check that");
        assertThat(window.viewModel().sourceProperty().get()).isEqualTo(STARTED);
        robot.clickOn("#cancelButton");
    }

    private void openDialog(FxRobot robot, Path kubeconfig) throws Exception {
        await(() -> window.viewModel().sourceProperty().get().equals(STARTED));
        robot.clickOn("#connectButton");
        await(() -> robot.lookup("#kubeconfigField").tryQuery().isPresent());
        robot.interact(
                () -> robot.lookup("#kubeconfigField").queryAs(TextField.class).setText(kubeconfig.toString()));
        robot.clickOn("#reloadButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void denyReviews() {
        cluster.client()
                .resource(new AuthorizationPolicyBuilder()
                        .withNewMetadata()
                        .withName("deny-productpage")
                        .withNamespace("bookinfo")
                        .endMetadata()
                        .withNewSpec()
                        .withNewSelector()
                        .addToMatchLabels("app", "reviews")
                        .endSelector()
                        .withAction(AuthorizationPolicyAction.DENY)
                        .addNewRule()
                        .addNewFrom()
                        .withNewSource()
                        .addToPrincipals("cluster.local/ns/bookinfo/sa/bookinfo-productpage")
                        .endSource()
                        .endFrom()
                        .endRule()
                        .endSpec()
                        .build())
                .create();
    }

    private Graph graph() {
        return window.graphView().graph();
    }

    private String edgeClass(String id) {
        Edge edge = graph().getEdge(id);
        return edge == null ? null : String.valueOf(edge.getAttribute("ui.class"));
    }

    private Point position(String node) {
        return window.viewModel().graph().positionsProperty().get().get(node);
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }
}
