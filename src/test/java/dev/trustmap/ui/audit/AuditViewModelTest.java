package dev.trustmap.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.analysis.workspace.AuditEntry;
import dev.trustmap.analysis.workspace.AuditLog;
import dev.trustmap.ui.common.DialogService;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditViewModelTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final AuditEntry APPLY = new AuditEntry(
            Instant.parse("2026-12-03T10:00:00Z"),
            "alice",
            "kube-admin",
            "kind-dev",
            "apply",
            List.of("create AuthorizationPolicy payments/allow-ledger", "update PeerAuthentication payments/default"),
            "sha256:abc",
            "ok");
    static final AuditEntry EXPORT = new AuditEntry(
            Instant.parse("2026-12-03T11:30:00Z"), "bob", "", "", "export", List.of(), "sha256:def", "ok");

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
    private final UiTasks tasks = new UiTasks(worker, Runnable::run, e -> {});
    private final Messages messages = Messages.load();

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        tasks.close();
    }

    private void awaitWorker() throws Exception {
        worker.submit(() -> {}).get();
    }

    private AuditViewModel viewModel(AuditLog log) {
        return new AuditViewModel(messages, tasks, log, BERLIN);
    }

    @Nested
    class Times {
        private final java.time.Instant at = java.time.Instant.parse("2026-12-02T18:42:07Z");

        @Test
        void showsOnlyTheClockTimeForToday() {
            assertThat(AuditRow.compact(at, BERLIN, java.time.LocalDate.of(2026, 12, 2)))
                    .isEqualTo("19:42:07");
        }

        @Test
        void showsMonthDayAndMinutesForEarlierDaysThisYear() {
            assertThat(AuditRow.compact(at, BERLIN, java.time.LocalDate.of(2026, 12, 3)))
                    .isEqualTo("Dec 2 19:42");
        }

        @Test
        void showsTheDateForEarlierYears() {
            assertThat(AuditRow.compact(at, BERLIN, java.time.LocalDate.of(2027, 1, 5)))
                    .isEqualTo("2026-12-02");
        }
    }

    @Nested
    class Listing {
        @Test
        void listsEntriesNewestFirstInLocalTime() throws Exception {
            AuditLog log = new AuditLog(home.resolve("audit.jsonl"));
            log.append(APPLY);
            log.append(EXPORT);
            AuditViewModel model = viewModel(log);

            model.refresh();
            awaitWorker();

            assertThat(model.rows()).extracting(AuditRow::action).containsExactly("export", "apply");
            AuditRow apply = model.rows().get(1);
            assertThat(apply.fullTime()).isEqualTo("2026-12-03 11:00:00");
            assertThat(apply.context()).isEqualTo("kind-dev");
            assertThat(apply.kubeUser()).isEqualTo("kube-admin");
            assertThat(apply.resourceCount()).isEqualTo("2");
            assertThat(apply.outcome()).isEqualTo("ok");
            assertThat(model.emptyProperty().get()).isFalse();
            assertThat(model.statusProperty().get()).startsWith("2 entries, newest first.");
        }

        @Test
        void aMissingLogIsAnEmptyStateThatSaysWhereTheFileIs() throws Exception {
            AuditLog log = new AuditLog(home.resolve("audit.jsonl"));
            AuditViewModel model = viewModel(log);

            model.refresh();
            awaitWorker();

            assertThat(model.rows()).isEmpty();
            assertThat(model.emptyProperty().get()).isTrue();
            assertThat(model.statusProperty().get()).isEqualTo("The audit log has no entries.");
            assertThat(model.location()).isEqualTo("Log file: " + log.file().toAbsolutePath());
        }

        @Test
        void saysHowManyLinesItCouldNotRead() throws Exception {
            Path file = Files.writeString(home.resolve("audit.jsonl"), "{broken\n");
            new AuditLog(file).append(EXPORT);
            AuditViewModel model = viewModel(new AuditLog(file));

            model.refresh();
            awaitWorker();

            assertThat(model.rows()).hasSize(1);
            assertThat(model.statusProperty().get()).endsWith("1 unreadable line was skipped.");
        }

        @Test
        void saysWhyALogThatCannotBeReadIsNotListed() throws Exception {
            Path folder = Files.createDirectories(home.resolve("audit.jsonl"));
            AuditViewModel model = viewModel(new AuditLog(folder));

            model.refresh();
            awaitWorker();

            assertThat(model.rows()).isEmpty();
            assertThat(model.statusProperty().get()).startsWith("The audit log could not be read: ");
        }
    }

    @Nested
    class Selecting {
        @Test
        void showsTheResourcesAndDigestOfTheSelectedEntry() {
            AuditViewModel model = viewModel(new AuditLog(home.resolve("audit.jsonl")));
            model.show(new AuditLog.Recent(List.of(EXPORT, APPLY), 0));

            model.select(model.rows().get(1));

            assertThat(model.detailProperty().get())
                    .contains("apply by alice (Kubernetes user kube-admin, context kind-dev): ok")
                    .contains("create AuthorizationPolicy payments/allow-ledger\n"
                            + "update PeerAuthentication payments/default")
                    .contains("Digest: sha256:abc");
            model.select(model.rows().get(0));
            assertThat(model.detailProperty().get())
                    .contains("(Kubernetes user -, context -)")
                    .contains("(none)");
            model.select(null);
            assertThat(model.detailProperty().get()).isEmpty();
        }

        @Test
        void showsWhereAnExportWent() {
            AuditViewModel model = viewModel(new AuditLog(home.resolve("audit.jsonl")));
            AuditEntry copied = new AuditEntry(
                    EXPORT.time(), "alice", "", "", "export", List.of(), "sha256:abc", "ok", "clipboard");
            model.show(new AuditLog.Recent(List.of(copied, EXPORT), 0));

            model.select(model.rows().get(0));
            assertThat(model.detailProperty().get()).endsWith("\nDestination: clipboard");
            model.select(model.rows().get(1));
            assertThat(model.detailProperty().get()).doesNotContain("Destination");
        }
    }

    @Nested
    class Recording {
        private final List<String> errors = new ArrayList<>();
        private final DialogService dialogs = new DialogService() {
            @Override
            public void showError(String title, String message, Throwable details) {
                errors.add(title + ": " + message);
            }

            @Override
            public Optional<Path> chooseFolder(String title) {
                return Optional.empty();
            }
        };

        @Test
        void anEntryTheAppRecordsRefreshesTheList() throws Exception {
            AuditLog log = new AuditLog(home.resolve("audit.jsonl"));
            AuditTrail trail = new AuditTrail(log, tasks, dialogs, messages);
            AuditViewModel model = viewModel(log);
            trail.addListener(model::refresh);

            trail.record(EXPORT);
            awaitWorker();
            awaitWorker();

            assertThat(model.rows()).extracting(AuditRow::action).containsExactly("export");
            assertThat(errors).isEmpty();
        }

        @Test
        void aFailedAppendIsShownNamingTheFile() throws Exception {
            Path notAFolder = Files.writeString(home.resolve("plain"), "x");
            AuditTrail trail =
                    new AuditTrail(new AuditLog(notAFolder.resolve("audit.jsonl")), tasks, dialogs, messages);

            trail.record(EXPORT);
            awaitWorker();

            assertThat(errors)
                    .singleElement()
                    .asString()
                    .startsWith("Could not write the audit log: cannot write the audit log " + notAFolder)
                    .endsWith("only its audit-log entry is missing.");
        }
    }
}
