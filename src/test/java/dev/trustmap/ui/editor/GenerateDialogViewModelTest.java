package dev.trustmap.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.analysis.LeastPrivilegeReport.Destination;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.ui.LabFixture;
import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.TrafficHistory;
import dev.trustmap.ui.common.UiTasks;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The generate dialog's choices, fetching and preview, with the lab's mesh and traffic sources of each kind. */
class GenerateDialogViewModelTest {
    private static final MeshState LAB = LabFixture.state();

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
    private final List<Throwable> errors = new ArrayList<>();
    private final UiTasks tasks = new UiTasks(worker, Runnable::run, errors::add);
    private final List<List<HasMetadata>> added = new ArrayList<>();
    private final GenerateDialogViewModel dialog =
            new GenerateDialogViewModel(Messages.load(), tasks, objects -> added.add(List.copyOf(objects)));

    @AfterEach
    void stop() {
        tasks.close();
    }

    /** Runs what the choices queued: a fetch, then the generation it triggers. */
    private void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            worker.submit(() -> {}).get();
        }
    }

    @Test
    void aSourceWithoutTrafficSaysWhyAndOffersNothingToAdd() throws Exception {
        dialog.open(LAB, TrafficHistory.unavailable("This folder has no traffic file."));
        dialog.select("payments");
        settle();

        assertThat(dialog.trafficNoteProperty().get()).isEqualTo("This folder has no traffic file.");
        assertThat(dialog.windows()).isEmpty();
        assertThat(dialog.summaryProperty().get()).startsWith("Nothing to draft from");
        assertThat(dialog.canAddProperty().get()).isFalse();
        assertThat(dialog.add()).isFalse();
        assertThat(added).isEmpty();
    }

    @Test
    void aTrafficFileIsUsedAsItIsAndItsDraftAddedAsOneList() throws Exception {
        dialog.open(LAB, TrafficHistory.fixed("traffic.yaml", LAB.traffic()));
        settle();
        assertThat(dialog.summaryProperty().get()).startsWith("Check at least one namespace");
        dialog.select("payments");
        settle();

        assertThat(errors).isEmpty();
        assertThat(dialog.windows()).isEmpty();
        assertThat(dialog.canAddProperty().get()).isTrue();
        assertThat(dialog.result().destinations())
                .extracting(Destination::workload)
                .contains("payments/ledger");
        assertThat(dialog.preview()).first().extracting(PreviewRow::kind).isEqualTo(PreviewRow.Kind.HEADING);
        assertThat(dialog.summaryProperty().get())
                .matches("\\d+ resources for \\d+ destinations; \\d+ things? not covered \\("
                        + LAB.traffic().edges().size() + " observed edges in the window\\)\\.");
        assertThat(dialog.add()).isTrue();
        assertThat(added).containsExactly(dialog.result().policies());
    }

    @Test
    void replacingAllowsAddsTheirDeletionsAndPreviewsThem() throws Exception {
        dialog.open(LAB, TrafficHistory.fixed("traffic.yaml", LAB.traffic()));
        dialog.select("payments");
        dialog.replaceAllowsProperty().set(true);
        settle();

        assertThat(errors).isEmpty();
        List<HasMetadata> deletions = dialog.result().deletions();
        assertThat(deletions)
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.getKind()).isEqualTo("AuthorizationPolicy"));
        String first = deletions.get(0).getMetadata().getNamespace() + "/"
                + deletions.get(0).getMetadata().getName();
        assertThat(dialog.preview())
                .extracting(PreviewRow::text)
                .contains("the ALLOW " + first + " is deleted: the drafted ALLOWs replace it");
        assertThat(dialog.add()).isTrue();
        assertThat(added)
                .singleElement()
                .satisfies(objects -> assertThat(objects)
                        .hasSize(dialog.result().policies().size() + deletions.size())
                        .filteredOn(dev.trustmap.analysis.workspace.DraftStore::isDeletion)
                        .hasSameSizeAs(deletions));
    }

    @Test
    void choosingAnotherWindowFetchesItsTraffic() throws Exception {
        List<Duration> asked = new ArrayList<>();
        dialog.open(LAB, new TrafficHistory() {
            @Override
            public String description() {
                return "windows";
            }

            @Override
            public List<Duration> windows() {
                return List.of(Duration.ofMinutes(5), Duration.ofHours(1));
            }

            @Override
            public Duration preferredWindow() {
                return Duration.ofMinutes(5);
            }

            @Override
            public Traffic observe(Duration window, Instant now) {
                asked.add(window);
                return window.equals(Duration.ofMinutes(5)) ? LAB.traffic() : Traffic.none();
            }
        });
        dialog.select("payments");
        settle();
        assertThat(dialog.canAddProperty().get()).isTrue();

        dialog.windowProperty().set(Duration.ofHours(1));
        settle();

        assertThat(asked).containsExactly(Duration.ofMinutes(5), Duration.ofHours(1));
        assertThat(dialog.canAddProperty().get())
                .as("nothing observed in that window")
                .isFalse();
        assertThat(dialog.preview())
                .extracting(PreviewRow::text)
                .anySatisfy(t -> assertThat(t).startsWith("namespace payments had no observed traffic"));
        assertThat(dialog.label(Duration.ofHours(1))).isEqualTo("last 1 h");
    }

    @Test
    void checkedWorkloadsNarrowTheDraftAndOptionsApply() throws Exception {
        dialog.open(LAB, TrafficHistory.fixed("traffic.yaml", LAB.traffic()));
        dialog.select("payments");
        settle();
        assertThat(dialog.workloads())
                .extracting(GenerateDialogViewModel.Choice::name)
                .contains("payments/ledger");

        dialog.workloads().stream()
                .filter(c -> c.name().equals("payments/ledger"))
                .forEach(c -> c.selected().set(true));
        dialog.strictProperty().set(false);
        dialog.dryRunProperty().set(true);
        settle();

        assertThat(dialog.result().policies())
                .extracting(p -> p.getMetadata().getName())
                .containsExactly("trustmap-allow-ledger");
        assertThat(dialog.result().policies().get(0).getMetadata().getAnnotations())
                .containsEntry("istio.io/dry-run", "true");
    }
}
