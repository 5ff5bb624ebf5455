package dev.trustmap.ui.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.analysis.workspace.AuditEntry;
import dev.trustmap.analysis.workspace.AuditLog;
import dev.trustmap.source.cluster.ApplyPlan;
import dev.trustmap.source.cluster.IstioMetrics;
import dev.trustmap.source.cluster.MockCluster;
import dev.trustmap.source.cluster.PrometheusOptions;
import dev.trustmap.source.cluster.PrometheusServer;
import dev.trustmap.ui.Screenshots;
import dev.trustmap.ui.apply.ApplyViewModel.Phase;
import dev.trustmap.ui.cluster.ClusterSettings;
import dev.trustmap.ui.cluster.PrometheusMode;
import dev.trustmap.ui.editor.EditorViewModel;
import dev.trustmap.ui.main.MainWindow;
import dev.trustmap.ui.main.TrustmapApp;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.AuthorizationPolicyBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.graphstream.graph.Edge;
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
 * "Apply to cluster…" on a real window, headless, against the fabric8 mock API server (CRUD, with server-side apply
 * and dry runs) and a real Prometheus over backfilled Istio metrics: dry run, confirm, apply; and a policy changed
 * on the server between the dry run and the confirmation, which stops the apply with the difference.
 */
@ExtendWith(ApplicationExtension.class)
class ApplyWindowTest {
    private static final String STARTED = "Source: Lab (fintech platform)";
    private static final String REVIEWS = "bookinfo/productpage-v1 -> bookinfo/reviews-v1:9080";
    private static final String REVIEWS_VIEWER = "AuthorizationPolicy bookinfo/reviews-viewer";

    @TempDir
    Path dir;

    @TempDir
    Path home;

    private TrustmapApp app;
    private final MockCluster cluster = new MockCluster();
    private PrometheusServer prometheus;
    private MainWindow window;

    @BeforeAll
    static void requirePrometheus() {
        PrometheusServer.requireBinaries();
    }

    @Start
    void start(Stage stage) {
        app = new TrustmapApp(home);
        window = app.open(stage, null);
    }

    /** A Prometheus per test: its samples run until a minute from now, so "now" stays inside them for the test. */
    @BeforeEach
    void load() throws Exception {
        cluster.load(MockCluster.BOOKINFO);
        Instant start = Instant.now().minus(Duration.ofMinutes(19));
        prometheus = PrometheusServer.start(
                java.nio.file.Files.createDirectories(dir.resolve("prometheus")), IstioMetrics.bookinfo(start));
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
                    window.viewModel().close();
                    app.stop();
                })
                .get();
        cluster.close();
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void dryRunConfirmApplyAndTheEdgeTurns(FxRobot robot) throws Exception {
        await(() -> STARTED.equals(window.viewModel().sourceProperty().get()));
        Button apply = robot.lookup("#applyButton").queryAs(Button.class);
        assertThat(apply.isDisabled()).isTrue();
        assertThat(editor().applyBlockedProperty().get()).startsWith("Connect to a cluster first");
        connect(robot);
        assertThat(editor().applyBlockedProperty().get()).startsWith("The draft is empty");

        robot.interact(() -> editor().deny(REVIEWS));
        await(() -> classes(REVIEWS).containsAll(List.of("deny", "would_break")));
        robot.clickOn("#applyButton");

        await(() -> viewModel().phaseProperty().get() == Phase.CONFIRM);
        ApplyPlan plan = viewModel().plan();
        assertThat(plan.described())
                .hasSize(1)
                .allMatch(line -> line.startsWith("create AuthorizationPolicy bookinfo/"));
        String created = plan.changes().get(0).desired().getMetadata().getName();
        assertThat(text("#applyHeading"))
                .isEqualTo("The dry run passed. Apply 1 change to mock with field manager trustmap?");
        assertThat(area("#applyDetails")).isEqualTo("Create 1:\n  AuthorizationPolicy bookinfo/" + created);
        assertThat(text("#applyWarning"))
                .startsWith("⚠ This draft would break 1 observed edge:")
                .contains("bookinfo/productpage-v1 → bookinfo/reviews-v1:9080");
        assertThat(policy(created)).as("the dry run stored nothing").isNull();
        screenshot("apply-confirm.png");

        robot.clickOn("#applyConfirm");
        await(() -> viewModel().phaseProperty().get() == Phase.DONE);
        AuthorizationPolicy written = policy(created);
        assertThat(written.getSpec().getAction()).isEqualTo(AuthorizationPolicyAction.DENY);
        assertThat(written.getMetadata().getManagedFields())
                .extracting(ManagedFieldsEntry::getManager)
                .containsExactly("trustmap");
        assertThat(text("#apply-status")).isEqualTo("Applied to mock: 1 created, 0 updated, 0 deleted");
        await(() -> editor().draft().isEmpty()
                && classes(REVIEWS).contains("deny")
                && !classes(REVIEWS).contains("would_break"));
        assertThat(audit()).extracting(AuditEntry::action).containsExactly("apply", "dry-run");
        assertThat(audit().get(0).resources()).containsExactly("create AuthorizationPolicy bookinfo/" + created);
        robot.clickOn("#applyBack");
        await(() -> robot.lookup("#apply-dialog").tryQuery().isEmpty());
    }

    @Test
    void aPolicyChangedOnTheServerAfterTheDryRunStopsTheApplyWithTheDiff(FxRobot robot) throws Exception {
        await(() -> STARTED.equals(window.viewModel().sourceProperty().get()));
        connect(robot);
        AuthorizationPolicy read = (AuthorizationPolicy) window.viewModel().state().snapshot().policies().stream()
                .filter(p -> p.getMetadata().getName().equals("reviews-viewer"))
                .findFirst()
                .orElseThrow();
        AuthorizationPolicy audited = new AuthorizationPolicyBuilder(read)
                .editSpec()
                .withAction(AuthorizationPolicyAction.AUDIT)
                .endSpec()
                .build();
        robot.interact(() -> editor().put(audited));
        await(() -> editor().currentDiff().isPresent());
        robot.clickOn("#applyButton");
        await(() -> viewModel().phaseProperty().get() == Phase.CONFIRM);
        assertThat(area("#applyDetails")).isEqualTo("Update 1:\n  " + REVIEWS_VIEWER);

        AuthorizationPolicy theirs = cluster.client()
                .resource(new AuthorizationPolicyBuilder(policy("reviews-viewer"))
                        .editSpec()
                        .withAction(AuthorizationPolicyAction.DENY)
                        .endSpec()
                        .build())
                .update();
        robot.clickOn("#applyConfirm");

        await(() -> viewModel().phaseProperty().get() == Phase.STOPPED);
        assertThat(text("#applyHeading"))
                .startsWith("Stopped: resources changed on the cluster since they were read."
                        + " Nothing was written; your draft is kept.");
        assertThat(area("#applyDetails")).startsWith("✗ " + REVIEWS_VIEWER + " was modified on the cluster");
        assertThat(area("#applyDiff"))
                .contains(
                        "--- read/" + REVIEWS_VIEWER,
                        "+++ cluster/" + REVIEWS_VIEWER,
                        "-  action: ALLOW",
                        "+  action: DENY");
        AuthorizationPolicy onServer = policy("reviews-viewer");
        assertThat(onServer.getSpec().getAction()).isEqualTo(AuthorizationPolicyAction.DENY);
        assertThat(onServer.getMetadata().getResourceVersion())
                .isEqualTo(theirs.getMetadata().getResourceVersion());
        assertThat(editor().draft().object(REVIEWS_VIEWER))
                .as("the draft is kept")
                .isPresent();
        assertThat(text("#apply-status"))
                .isEqualTo("Apply to mock stopped: the cluster changed since the draft read it");
        assertThat(audit()).extracting(AuditEntry::action).containsExactly("apply-stopped", "dry-run");
        screenshot("apply-stopped.png");
        robot.clickOn("#applyBack");
    }

    @Test
    void fieldsOwnedByKubectlAreListedAndTakenOverOnlyWhenTheUserChooses(FxRobot robot) throws Exception {
        await(() -> STARTED.equals(window.viewModel().sourceProperty().get()));
        cluster.managedBy(policy("reviews-viewer"), "kubectl-client-side-apply");
        connect(robot);
        draftAuditOfReviewsViewerAsKubectlLeftIt(robot);
        robot.clickOn("#applyButton");

        await(() -> viewModel().phaseProperty().get() == Phase.CONFLICT);
        assertThat(text("#applyHeading"))
                .isEqualTo("Other tools manage fields this draft changes in 1 of 1 resource. Nothing was written.");
        assertThat(area("#applyDetails"))
                .isEqualTo("✗ update " + REVIEWS_VIEWER + ": fields owned by kubectl-client-side-apply: .spec.action");
        assertThat(text("#applyTakeOverHelp")).contains("its next apply or sync may set them back");
        CheckBox takeOver = robot.lookup("#applyTakeOver").queryAs(CheckBox.class);
        Button confirm = robot.lookup("#applyConfirm").queryAs(Button.class);
        assertThat(takeOver.isVisible()).isTrue();
        assertThat(takeOver.isSelected()).as("never preselected").isFalse();
        assertThat(confirm.isDisabled()).isTrue();
        screenshot("apply-conflict.png");

        robot.clickOn("#applyTakeOver");
        await(() -> !confirm.isDisabled());
        assertThat(confirm.getText()).isEqualTo("Check again, taking over");
        robot.clickOn("#applyConfirm");

        await(() -> viewModel().phaseProperty().get() == Phase.CONFIRM);
        assertThat(area("#applyDetails"))
                .isEqualTo("Update 1:\n  " + REVIEWS_VIEWER + "\n\nTake over fields from kubectl-client-side-apply:\n  "
                        + REVIEWS_VIEWER + ": owned by kubectl-client-side-apply: .spec.action");
        assertThat(policy("reviews-viewer").getSpec().getAction())
                .as("the forced dry run stored nothing")
                .isEqualTo(AuthorizationPolicyAction.ALLOW);
        screenshot("apply-takeover-confirm.png");
        robot.clickOn("#applyConfirm");

        await(() -> viewModel().phaseProperty().get() == Phase.DONE);
        AuthorizationPolicy written = policy("reviews-viewer");
        assertThat(written.getSpec().getAction()).isEqualTo(AuthorizationPolicyAction.AUDIT);
        assertThat(written.getMetadata().getManagedFields())
                .extracting(ManagedFieldsEntry::getManager)
                .containsExactly("kubectl-client-side-apply", "trustmap");
        assertThat(audit())
                .extracting(AuditEntry::action, AuditEntry::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "apply", "ok (took over fields from kubectl-client-side-apply)"),
                        org.assertj.core.groups.Tuple.tuple(
                                "dry-run", "ok (taking over fields from kubectl-client-side-apply)"),
                        org.assertj.core.groups.Tuple.tuple(
                                "dry-run",
                                "1 in conflict with other field managers: update " + REVIEWS_VIEWER
                                        + ": fields owned by kubectl-client-side-apply: .spec.action"));
        robot.clickOn("#applyBack");
        await(() -> robot.lookup("#apply-dialog").tryQuery().isEmpty());
    }

    @Test
    void aDryRunRefusalIsListedAndBlocksTheApplyKeepingTheDraft(FxRobot robot) throws Exception {
        await(() -> STARTED.equals(window.viewModel().sourceProperty().get()));
        connect(robot);
        AuthorizationPolicy elsewhere = new AuthorizationPolicyBuilder()
                .withNewMetadata()
                .withName("allow-nothing")
                .withNamespace("payments")
                .endMetadata()
                .withNewSpec()
                .endSpec()
                .build();
        robot.interact(() -> editor().put(elsewhere));
        await(() -> editor().currentDiff().isPresent());
        robot.clickOn("#applyButton");

        await(() -> viewModel().phaseProperty().get() == Phase.REFUSED);
        assertThat(text("#applyHeading"))
                .isEqualTo("The API server refused 1 of 1 changes. Nothing was written; go back, fix the draft and try"
                        + " again.");
        assertThat(area("#applyDetails"))
                .isEqualTo("✗ create AuthorizationPolicy payments/allow-nothing: namespaces \"payments\" not found");
        assertThat(robot.lookup("#applyConfirm").queryAs(Button.class).isDisabled())
                .isTrue();
        robot.clickOn("#applyBack");
        await(() -> robot.lookup("#apply-dialog").tryQuery().isEmpty());
        assertThat(editor().draft().object("AuthorizationPolicy payments/allow-nothing"))
                .isPresent();
        assertThat(audit())
                .extracting(AuditEntry::action, AuditEntry::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "dry-run",
                        "1 refused: create AuthorizationPolicy payments/allow-nothing: namespaces \"payments\" not"
                                + " found"));
    }

    /** Drafts reviews-viewer with action AUDIT, from the copy the informers read (owned by kubectl). */
    private void draftAuditOfReviewsViewerAsKubectlLeftIt(FxRobot robot) throws Exception {
        AuthorizationPolicy read = (AuthorizationPolicy) window.viewModel().state().snapshot().policies().stream()
                .filter(p -> p.getMetadata().getName().equals("reviews-viewer"))
                .findFirst()
                .orElseThrow();
        assertThat(read.getMetadata().getManagedFields())
                .extracting(ManagedFieldsEntry::getManager)
                .containsExactly("kubectl-client-side-apply");
        robot.interact(() -> editor().put(new AuthorizationPolicyBuilder(read)
                .editSpec()
                .withAction(AuthorizationPolicyAction.AUDIT)
                .endSpec()
                .build()));
        await(() -> editor().currentDiff().isPresent());
    }

    private void connect(FxRobot robot) throws Exception {
        Path kubeconfig = cluster.kubeconfig(dir.resolve("config"), "mock");
        ClusterSettings settings = ClusterSettings.of(kubeconfig, "mock")
                .withPrometheus(PrometheusMode.URL, PrometheusOptions.of(prometheus.url()));
        robot.interact(() -> app.cluster().connect(settings));
        await(() -> edgeClass(REVIEWS) != null
                && "Source: cluster mock"
                        .equals(window.viewModel().sourceProperty().get())
                && app.cluster().viewModel().connectionProperty().get() != null);
    }

    private EditorViewModel editor() {
        return app.editor().viewModel();
    }

    private ApplyViewModel viewModel() {
        return app.apply().viewModel();
    }

    private AuthorizationPolicy policy(String name) {
        return cluster.client()
                .resources(AuthorizationPolicy.class)
                .inNamespace("bookinfo")
                .withName(name)
                .get();
    }

    private List<AuditEntry> audit() throws Exception {
        return new AuditLog(home.resolve(AuditLog.FILE)).recent(10);
    }

    private String text(String id) {
        return new FxRobot().lookup(id).queryAs(Label.class).getText();
    }

    private String area(String id) {
        return new FxRobot().lookup(id).queryAs(TextArea.class).getText();
    }

    /** The dialog as a picture in target/screenshots, for reading by eye. */
    private static void screenshot(String name) throws Exception {
        Screenshots.write(new FxRobot().lookup("#apply-dialog").query().getScene(), name);
    }

    /** The edge's style classes, in any order. */
    private java.util.Set<String> classes(String id) {
        String classes = edgeClass(id);
        return classes == null ? java.util.Set.of() : java.util.Set.of(classes.split(",\\s*"));
    }

    private String edgeClass(String id) {
        Edge edge = window.graphView().graph().getEdge(id);
        return edge == null ? null : String.valueOf(edge.getAttribute("ui.class"));
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }
}
