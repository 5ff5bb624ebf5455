package dev.trustmap.ui.apply;

import dev.trustmap.analysis.DraftDiff;
import dev.trustmap.analysis.workspace.AuditEntry;
import dev.trustmap.export.ApplyAudit;
import dev.trustmap.export.ResourceDiffText;
import dev.trustmap.source.cluster.ApplyPlan;
import dev.trustmap.source.cluster.ApplyPlan.Change;
import dev.trustmap.source.cluster.ApplyPlan.Operation;
import dev.trustmap.source.cluster.ApplyResult;
import dev.trustmap.source.cluster.DraftApplier;
import dev.trustmap.source.cluster.DryRunResult;
import dev.trustmap.source.cluster.FieldConflict;
import dev.trustmap.ui.cluster.ClusterConnection;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import dev.trustmap.ui.editor.EditorViewModel;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applying the draft to the connected cluster, step by step: server-side dry run, confirmation with what the draft
 * would break, apply; a resource changed on the cluster stops it with the difference. Each step is audited. The
 * draft is only touched after a successful apply, to take out what the cluster now has. FX thread only.
 */
public final class ApplyViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ApplyViewModel.class);

    /** Where the dialog is. */
    public enum Phase {
        CHECKING,
        REFUSED,
        /** Other field managers own fields the draft changes: the user may take them over and check again. */
        CONFLICT,
        CONFIRM,
        APPLYING,
        STOPPED,
        FAILED,
        DONE
    }

    private final Messages messages;
    private final UiTasks tasks;
    private final EditorViewModel editor;
    private final ReadOnlyObjectProperty<ClusterConnection> connection;
    private final Consumer<AuditEntry> auditTrail;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.CHECKING);
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper diff = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final BooleanProperty takeOver = new SimpleBooleanProperty(false);
    private List<FieldConflict> conflicts = List.of();
    private ApplyPlan plan;
    private ClusterConnection target;
    private ApplyAudit audit;

    public ApplyViewModel(
            Messages messages,
            UiTasks tasks,
            EditorViewModel editor,
            ReadOnlyObjectProperty<ClusterConnection> connection,
            Consumer<AuditEntry> auditTrail,
            Clock clock) {
        this.messages = messages;
        this.tasks = tasks;
        this.editor = editor;
        this.connection = connection;
        this.auditTrail = auditTrail;
        this.clock = clock;
        connection.addListener((obs, old, now) -> updateBlocked());
        editor.emptyProperty().addListener((obs, old, now) -> updateBlocked());
        // The last outcome belongs to the source it happened on; another source's draft starts without it.
        editor.draftSourceProperty().addListener((obs, old, now) -> status.set(""));
        updateBlocked();
    }

    private void updateBlocked() {
        String why = connection.get() == null
                ? messages.get("apply.blocked.notConnected")
                : editor.emptyProperty().get() ? messages.get("apply.blocked.empty") : "";
        editor.applyBlockedProperty().set(why);
    }

    /**
     * Starts with the dry run of the current draft; false (with the reason in {@link #statusProperty()}) when there
     * is nothing to apply yet.
     */
    public boolean start() {
        ClusterConnection chosen = connection.get();
        DraftDiff draftDiff = editor.currentDiff().orElse(null);
        if (chosen == null || draftDiff == null || draftDiff.resources().isEmpty()) {
            status.set(messages.get(draftDiff == null ? "apply.status.assessing" : nothingKey()));
            return false;
        }
        target = chosen;
        takeOver.set(false);
        audit = new ApplyAudit(chosen.kubeUser(), chosen.context(), clock);
        plan = new ApplyPlan(draftDiff.resources().stream()
                .map(r -> Change.of(r.before(), r.after()))
                .toList());
        warning.set(breaks(draftDiff));
        show(Phase.CHECKING, messages.get("apply.checking", plan.changes().size(), chosen.context()), "");
        DraftApplier applier = chosen.applier();
        ApplyPlan checking = plan;
        run(AuditEntry.DRY_RUN, () -> applier.dryRun(checking), this::checked);
        return true;
    }

    private String nothingKey() {
        var draft = editor.draft();
        return draft.objects().isEmpty() && draft.deleted().isEmpty()
                ? "apply.status.nothing"
                : "apply.status.nothing.same";
    }

    private String breaks(DraftDiff draftDiff) {
        if (draftDiff.wouldBreak().isEmpty()) {
            return "";
        }
        String edges = draftDiff.wouldBreak().stream()
                .map(c -> "  "
                        + messages.get(
                                "apply.breaks.edge",
                                c.edge().sourceId(),
                                c.edge().destinationId(),
                                String.valueOf(c.edge().port()),
                                String.format(Locale.ROOT, "%.1f", c.edge().requestsPerSecond())))
                .collect(Collectors.joining("\n"));
        return messages.get("apply.breaks", draftDiff.wouldBreak().size()) + "\n" + edges;
    }

    private void checked(DryRunResult result) {
        auditTrail.accept(audit.dryRun(result));
        conflicts = result.conflicts();
        String inConflict = conflicts.stream().map(c -> "✗ " + c.describe()).collect(Collectors.joining("\n"));
        if (result.errors().isEmpty() && !conflicts.isEmpty()) {
            takeOver.set(false);
            show(
                    Phase.CONFLICT,
                    messages.get(
                            "apply.conflict", conflicts.size(), plan.changes().size()),
                    inConflict);
            return;
        }
        if (!result.ok()) {
            String refused = String.join(
                            "\n",
                            result.errors().stream()
                                    .map(e -> "✗ " + e.describe())
                                    .collect(Collectors.joining("\n")),
                            inConflict)
                    .strip();
            show(
                    Phase.REFUSED,
                    messages.get(
                            "apply.refused",
                            result.errors().size(),
                            plan.changes().size()),
                    refused);
            return;
        }
        String lines = Stream.of(
                        section(Operation.CREATE),
                        section(Operation.UPDATE),
                        section(Operation.DELETE),
                        takeOverSection())
                .filter(section -> !section.isEmpty())
                .collect(Collectors.joining("\n"))
                .strip();
        show(Phase.CONFIRM, messages.get("apply.confirm", plan.changes().size(), target.context()), lines);
    }

    private String section(Operation operation) {
        List<Change> changes = plan.of(operation);
        if (changes.isEmpty()) {
            return "";
        }
        String header = messages.get("apply.section." + operation.word(), changes.size());
        return header + "\n" + changes.stream().map(c -> "  " + c.key()).collect(Collectors.joining("\n")) + "\n";
    }

    /** What the confirmed plan takes over, e.g. {@code Take over from kubectl-client-side-apply:}, or "". */
    private String takeOverSection() {
        if (plan.takeOver().isEmpty()) {
            return "";
        }
        String header = messages.get("apply.section.takeOver", String.join(", ", plan.takenFrom()));
        return header + "\n"
                + plan.takeOver().stream()
                        .map(c -> "  " + c.change().key() + ": " + c.owners())
                        .collect(Collectors.joining("\n"))
                + "\n";
    }

    /**
     * After a clean dry run, writes the plan; after field conflicts, when the user chose to take the fields over,
     * checks again with force for just those resources (the apply then confirms as usual).
     */
    public void confirm() {
        if (phase.get() == Phase.CONFLICT && takeOver.get()) {
            plan = plan.takingOver(conflicts);
            show(Phase.CHECKING, messages.get("apply.checking", plan.changes().size(), target.context()), "");
            DraftApplier applier = target.applier();
            ApplyPlan checking = plan;
            run(AuditEntry.DRY_RUN, () -> applier.dryRun(checking), this::checked);
            return;
        }
        if (phase.get() != Phase.CONFIRM) {
            return;
        }
        show(Phase.APPLYING, messages.get("apply.applying", plan.changes().size(), target.context()), details.get());
        DraftApplier applier = target.applier();
        ApplyPlan written = plan;
        run(AuditEntry.APPLY, () -> applier.apply(written), this::applied);
    }

    private void applied(ApplyResult result) {
        auditTrail.accept(audit.applied(plan, result));
        editor.applied(result.applied().stream().map(Change::key).toList());
        switch (result.outcome()) {
            case APPLIED -> {
                String done = messages.get(
                        "apply.status.applied",
                        target.context(),
                        plan.of(Operation.CREATE).size(),
                        plan.of(Operation.UPDATE).size(),
                        plan.of(Operation.DELETE).size());
                status.set(done);
                show(Phase.DONE, done, details.get());
            }
            case STOPPED -> {
                String what =
                        result.drifts().stream().map(d -> "✗ " + d.describe()).collect(Collectors.joining("\n"));
                diff.set(result.drifts().stream()
                        .map(d -> ResourceDiffText.of(d.change().key(), d.read(), d.live(), "read", "cluster"))
                        .collect(Collectors.joining("\n")));
                status.set(messages.get("apply.status.stopped", target.context()));
                show(
                        Phase.STOPPED,
                        messages.get("apply.stopped", result.applied().size()),
                        what);
            }
            case FAILED -> {
                status.set(messages.get("apply.status.failed", target.context()));
                show(
                        Phase.FAILED,
                        messages.get(
                                "apply.failed",
                                result.applied().size(),
                                plan.changes().size()),
                        "✗ " + result.error().describe());
            }
            default -> throw new IllegalStateException("no view for " + result.outcome());
        }
    }

    private <T> void run(String action, Callable<T> work, Consumer<T> done) {
        ApplyPlan running = plan;
        tasks.run(work, done, failure -> {
            LOG.error("Applying the draft to {} failed", target.context(), failure);
            String reason = failure.getMessage() == null ? failure.toString() : failure.getMessage();
            auditTrail.accept(audit.failed(action, running, reason));
            status.set(messages.get("apply.status.error." + action, target.context(), reason));
            show(Phase.FAILED, messages.get("apply.error"), reason);
        });
    }

    private void show(Phase next, String headline, String text) {
        heading.set(headline);
        details.set(text);
        if (next != Phase.STOPPED) {
            diff.set("");
        }
        phase.set(next);
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** The changes (to confirm), the refusals or the drifts, one a line. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** Observed traffic the draft would break, or "". */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** When stopped: a YAML diff per changed resource, what was read against what is on the cluster now. */
    public ReadOnlyStringProperty diffProperty() {
        return diff.getReadOnlyProperty();
    }

    /** The last outcome, for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the user may confirm now: after a clean dry run, or after conflicts once they chose to take over. */
    public ObservableBooleanValue confirmable() {
        return phase.isEqualTo(Phase.CONFIRM).or(phase.isEqualTo(Phase.CONFLICT).and(takeOver));
    }

    /** The user's explicit choice to take over the fields other managers own (only in {@link Phase#CONFLICT}). */
    public BooleanProperty takeOverProperty() {
        return takeOver;
    }

    /** The plan being applied (for tests), or null. */
    public ApplyPlan plan() {
        return plan;
    }
}
