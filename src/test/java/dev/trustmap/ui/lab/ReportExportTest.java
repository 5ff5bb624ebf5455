package dev.trustmap.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.analysis.findings.Finding;
import dev.trustmap.analysis.findings.Severity;
import dev.trustmap.analysis.workspace.AuditEntry;
import dev.trustmap.analysis.workspace.AuditLog;
import dev.trustmap.engine.Decision;
import dev.trustmap.engine.Engine;
import dev.trustmap.ui.LabFixture;
import dev.trustmap.ui.common.DialogService;
import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.AuthorizationPolicyBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportExportTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
    private final UiTasks tasks = new UiTasks(worker, Runnable::run, e -> {});
    private final List<String> errors = new ArrayList<>();
    private final MeshState state = LabFixture.state();
    private Path chosen;

    @TempDir
    Path folder;

    private final DialogService dialogs = new DialogService() {
        @Override
        public void showError(String title, String message, Throwable details) {
            errors.add(title + ": " + message);
        }

        @Override
        public Optional<Path> chooseFolder(String title) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseSaveFile(String title, String initialName) {
            return Optional.ofNullable(chosen);
        }
    };

    private final Finding finding =
            new Finding("TM101", Severity.WARNING, "Namespace messaging", "", "no default deny", "add one");
    private final ReportExport export =
            new ReportExport(Messages.load(), tasks, dialogs, () -> state, () -> List.of(finding), () -> PNG);

    @AfterEach
    void stop() {
        tasks.close();
    }

    private void awaitWorker() throws Exception {
        worker.submit(() -> {}).get();
    }

    @Test
    void writesTheReportWithAGraphDrawnWithoutScreenMarksAndTheFindings() throws Exception {
        chosen = folder.resolve("report.html");
        export.exportReport();
        awaitWorker();
        String html = Files.readString(chosen);
        // Not the screen picture: that carries breach, draft and replay marks the report's legend does not explain.
        assertThat(html)
                .doesNotContain("data:image/png;base64,")
                .contains("<svg")
                .contains("aria-label=\"service graph\"");
        assertThat(html).contains("TM101").contains("Namespace messaging").doesNotContain("class=\"note\"");
        assertThat(export.noticeProperty().get()).startsWith("Saved ");
    }

    @Test
    void saysWhatDraftAndCompromiseWereActive() throws Exception {
        AuthorizationPolicy denyAll = new AuthorizationPolicyBuilder()
                .withNewMetadata()
                .withName("deny-all")
                .withNamespace("payments")
                .endMetadata()
                .withNewSpec()
                .withAction(AuthorizationPolicyAction.DENY)
                .addNewRule()
                .endRule()
                .endSpec()
                .build();
        List<HasMetadata> policies = new ArrayList<>(state.snapshot().policies());
        policies.add(denyAll);
        Engine draft = Engine.of(state.snapshot().withPolicies(policies));
        long paymentsEdges = state.assessment().edges().stream()
                .filter(e -> e.edge().destinationId().startsWith("payments/"))
                .filter(e -> e.verdict().decision() != Decision.DENY)
                .count();
        export.noteActive(() -> draft, () -> "frontend/web reaches 18 of 19 workloads");
        chosen = folder.resolve("report.html");

        export.exportReport();
        awaitWorker();

        assertThat(paymentsEdges).isPositive();
        assertThat(Files.readString(chosen))
                .contains("A policy draft was open in the editor and is not applied: it would break " + paymentsEdges
                        + " observed edges.")
                .contains("A compromise was marked in the breach lab (frontend/web reaches 18 of 19 workloads)");
    }

    @Test
    void writesTheGraphAsPngAndAsSvg() throws Exception {
        chosen = folder.resolve("graph.png");
        export.exportPng();
        awaitWorker();
        assertThat(Files.readAllBytes(chosen)).isEqualTo(PNG);
        chosen = folder.resolve("graph.svg");
        export.exportSvg();
        awaitWorker();
        assertThat(Files.readString(chosen))
                .startsWith("<svg")
                .contains("payments")
                .contains("sans-serif")
                .contains(">allowed by a policy</text>")
                .contains(">plaintext</text>")
                .contains(">no sidecar</text>");
    }

    @Test
    void theReportListsTheRecentAuditLogEntries() throws Exception {
        AuditLog log = new AuditLog(folder.resolve("home/audit.jsonl"));
        log.append(new AuditEntry(
                java.time.Instant.parse("2026-12-03T10:00:00Z"),
                "carol",
                "",
                "",
                "export",
                List.of("create AuthorizationPolicy payments/trustmap-deny-ledger"),
                "sha256:feed",
                "ok"));
        ReportExport withLog =
                new ReportExport(Messages.load(), tasks, dialogs, () -> state, () -> List.of(finding), () -> PNG, log);
        chosen = folder.resolve("report.html");

        withLog.exportReport();
        awaitWorker();

        assertThat(Files.readString(chosen))
                .contains("Recent audit-log entries")
                .contains("payments/trustmap-deny-ledger")
                .contains("sha256:feed");
    }

    @Test
    void writesNothingWhenTheUserCancels() throws Exception {
        chosen = null;
        export.exportReport();
        awaitWorker();
        assertThat(export.noticeProperty().get()).isEmpty();
    }

    @Test
    void saysWhatFailedWhenTheFileCannotBeWritten() throws Exception {
        chosen = folder.resolve("missing-folder").resolve("report.html");
        export.exportReport();
        awaitWorker();
        assertThat(errors).singleElement().asString().startsWith("Could not save report.html");
    }
}
