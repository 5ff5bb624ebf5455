package dev.trustmap.ui.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.analysis.workspace.AuditEntry;
import dev.trustmap.analysis.workspace.AuditLog;
import dev.trustmap.source.cluster.MockCluster;
import dev.trustmap.ui.apply.ApplyViewModel.Phase;
import dev.trustmap.ui.cluster.ClusterSettings;
import dev.trustmap.ui.cluster.PrometheusMode;
import dev.trustmap.ui.editor.EditorViewModel;
import dev.trustmap.ui.editor.YamlEditorViewModel;
import dev.trustmap.ui.main.MainWindow;
import dev.trustmap.ui.main.TrustmapApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The draft belongs to the source it was written for, on a real window against the fabric8 mock API server: a lab
 * draft never reaches a cluster; an apply that fails is audited and said; after an apply, undo does not reach back.
 */
@ExtendWith(ApplicationExtension.class)
class DraftPerSourceWindowTest {
    private static final String LAB = "Source: Lab (fintech platform)";
    private static final String LAB_EDGE = "payments/payments -> payments/ledger:80";
    private static final String LAB_DENY = "AuthorizationPolicy payments/trustmap-deny-ledger";
    private static final String BOOKINFO_DENY = "AuthorizationPolicy bookinfo/trustmap-test";

    @TempDir
    Path dir;

    @TempDir
    Path home;

    private TrustmapApp app;
    private final MockCluster cluster = new MockCluster();
    private boolean clusterClosed;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        app = new TrustmapApp(home);
        window = app.open(stage, null);
    }

    @BeforeEach
    void load() throws Exception {
        cluster.load(MockCluster.BOOKINFO);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
                    window.viewModel().close();
                    app.stop();
                })
                .get();
        if (!clusterClosed) {
            cluster.close();
        }
    }

    @Test
    void aLabDraftStaysWithTheLabWhenAClusterIsConnectedAndComesBackAfter(FxRobot robot) throws Exception {
        await(() -> LAB.equals(window.viewModel().sourceProperty().get()));
        robot.interact(() -> editor().deny(LAB_EDGE));
        await(() -> editor().draft().object(LAB_DENY).isPresent());
        assertThat(text("#draftSourceLabel")).isEqualTo("for Lab (fintech platform)");

        await(() -> !editor().changes().isEmpty());
        connect(robot);
        await(() -> editor().draft().isEmpty());
        assertThat(text("#draftSourceLabel")).isEqualTo("for cluster mock");
        assertThat(editor().changes())
                .as("the lab draft's changes leave with it")
                .isEmpty();
        assertThat(editor().summaryProperty().get()).startsWith("No changes.");
        assertThat(editor().applyBlockedProperty().get()).startsWith("The draft is empty");
        assertThat(robot.lookup("#applyButton").queryAs(Button.class).isDisabled())
                .as("the lab's draft cannot be applied to the cluster")
                .isTrue();
        robot.interact(() -> editor().put(allowNothing("trustmap-test")));
        await(() -> editor().draft().object(BOOKINFO_DENY).isPresent());

        robot.interact(() -> app.cluster().viewModel().disconnect());
        await(() -> LAB.equals(window.viewModel().sourceProperty().get())
                && editor().draft().object(LAB_DENY).isPresent());
        assertThat(editor().draft().object(BOOKINFO_DENY))
                .as("the cluster's draft stays with it")
                .isEmpty();
        assertThat(editor().noticeProperty().get()).startsWith("Restored your draft");
        try (Stream<Path> files = Files.list(home.resolve("drafts"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("lab-"))
                    .anyMatch(name -> name.startsWith("cluster-mock"));
        }
    }

    @Test
    void yamlTextNotYetAppliedToTheLabIsSetAsideWhenAClusterIsConnected(FxRobot robot) throws Exception {
        await(() -> LAB.equals(window.viewModel().sourceProperty().get()));
        String typed = "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: x}\nspec:"
                + " {action: DENNY}\n";
        YamlEditorViewModel yaml = editor().yaml();
        robot.interact(() -> yaml.edited(typed));
        await(() -> !yaml.errorProperty().get().isEmpty());
        robot.interact(() -> editor().deny(LAB_EDGE));
        await(() -> yaml.staleProperty().get());

        connect(robot);
        await(() -> editor().draft().isEmpty() && !yaml.staleProperty().get());

        assertThat(yaml.setAsideProperty().get()).as("kept, to restore").isEqualTo(typed);
        assertThat(yaml.textProperty().get()).isNotEqualTo(typed);
    }

    @Test
    void anApplyThatFailsIsAuditedAndTheStatusBarSaysSo(FxRobot robot) throws Exception {
        await(() -> LAB.equals(window.viewModel().sourceProperty().get()));
        connect(robot);
        robot.interact(() -> editor().put(allowNothing("trustmap-test")));
        await(() -> editor().currentDiff().isPresent()
                && !editor().currentDiff().get().resources().isEmpty());
        robot.clickOn("#applyButton");
        await(() -> viewModel().phaseProperty().get() == Phase.CONFIRM);

        cluster.close();
        clusterClosed = true;
        robot.clickOn("#applyConfirm");

        await(() -> viewModel().phaseProperty().get() == Phase.FAILED);
        assertThat(text("#apply-status")).startsWith("Apply to mock failed");
        List<AuditEntry> audit = new AuditLog(home.resolve(AuditLog.FILE)).recent(10);
        assertThat(audit.get(0).action()).isEqualTo("apply");
        assertThat(audit.get(0).outcome()).startsWith("failed: ");
        assertThat(audit.get(0).resources()).containsExactly("create " + BOOKINFO_DENY);
        assertThat(editor().draft().object(BOOKINFO_DENY))
                .as("the draft is kept")
                .isPresent();
        robot.clickOn("#applyBack");
    }

    @Test
    void afterAnApplyUndoDoesNotReachBackAndStaleNotesGo(FxRobot robot) throws Exception {
        await(() -> LAB.equals(window.viewModel().sourceProperty().get()));
        connect(robot);
        robot.interact(() -> editor().put(allowNothing("trustmap-test")));
        await(() -> editor().currentDiff().isPresent()
                && !editor().currentDiff().get().resources().isEmpty());
        robot.clickOn("#applyButton");
        await(() -> viewModel().phaseProperty().get() == Phase.CONFIRM);
        robot.clickOn("#applyConfirm");
        await(() -> viewModel().phaseProperty().get() == Phase.DONE);
        robot.clickOn("#applyBack");

        await(() -> editor().draft().isEmpty());
        assertThat(editor().canUndoProperty().get()).isFalse();
        assertThat(robot.lookup("#undoButton").queryAs(Button.class).isDisabled())
                .isTrue();
        assertThat(editor().noticeProperty().get()).startsWith("Applied 1 resource: they left the draft.");

        robot.interact(() -> editor().put(allowNothing("trustmap-test-2")));
        await(() -> !editor().draft().isEmpty());
        assertThat(editor().noticeProperty().get())
                .as("the note goes with the next edit")
                .isEmpty();

        robot.interact(() -> app.cluster().viewModel().disconnect());
        await(() -> LAB.equals(window.viewModel().sourceProperty().get()));
        assertThat(viewModel().statusProperty().get())
                .as("the cluster's apply outcome is not shown over the lab")
                .isEmpty();
    }

    private void connect(FxRobot robot) throws Exception {
        Path kubeconfig = cluster.kubeconfig(dir.resolve("config"), "mock");
        ClusterSettings settings = ClusterSettings.of(kubeconfig, "mock").withPrometheus(PrometheusMode.NONE, null);
        robot.interact(() -> app.cluster().connect(settings));
        await(() -> "Source: cluster mock"
                        .equals(window.viewModel().sourceProperty().get())
                && app.cluster().viewModel().connectionProperty().get() != null);
    }

    private static io.fabric8.istio.api.security.v1.AuthorizationPolicy allowNothing(String name) {
        return new io.fabric8.istio.api.security.v1.AuthorizationPolicyBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("bookinfo")
                .endMetadata()
                .withNewSpec()
                .endSpec()
                .build();
    }

    private EditorViewModel editor() {
        return app.editor().viewModel();
    }

    private ApplyViewModel viewModel() {
        return app.apply().viewModel();
    }

    private String text(String id) {
        return new FxRobot().lookup(id).queryAs(Label.class).getText();
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }
}
