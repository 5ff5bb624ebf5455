package dev.trustmap.export;

import dev.trustmap.analysis.workspace.AuditEntry;
import dev.trustmap.analysis.workspace.AuditLog;
import dev.trustmap.source.cluster.ApplyPlan;
import dev.trustmap.source.cluster.ApplyResult;
import dev.trustmap.source.cluster.Drift;
import dev.trustmap.source.cluster.DryRunResult;
import dev.trustmap.source.cluster.ResourceError;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@link AuditLog} entries of dry runs and applies of a draft, the same from the app and the command line (which
 * append them each their own way).
 */
public final class ApplyAudit {
    private final String kubeUser;
    private final String context;
    private final Clock clock;

    /** Entries for {@code context}, authenticated as {@code kubeUser} (may be null). */
    public ApplyAudit(String kubeUser, String context, Clock clock) {
        this.kubeUser = kubeUser;
        this.context = context;
        this.clock = clock;
    }

    /**
     * A {@code dry-run} entry: {@code ok} (saying whose fields a forced check takes over), or how many changes the
     * server refused and the first reason, or how many are in conflict with other field managers and the first.
     */
    public AuditEntry dryRun(DryRunResult result) {
        String outcome;
        if (!result.errors().isEmpty()) {
            outcome = result.errors().size() + " refused: "
                    + result.errors().get(0).describe();
        } else if (!result.conflicts().isEmpty()) {
            outcome = result.conflicts().size() + " in conflict with other field managers: "
                    + result.conflicts().get(0).describe();
        } else {
            outcome = AuditEntry.OK + takeOver("taking over", result.plan().takenFrom());
        }
        return entry(AuditEntry.DRY_RUN, result.plan(), outcome);
    }

    /**
     * A {@code dry-run} entry for a dry run the API server refused because resources changed on the cluster since the
     * plan read them: the outcome names them, as a stopped apply's does.
     */
    public AuditEntry dryRunStopped(ApplyPlan plan, List<Drift> drifts) {
        return entry(AuditEntry.DRY_RUN, plan, "stopped: changed on the cluster since read: " + keys(drifts));
    }

    /**
     * An {@code apply} entry when it went through (or wrote part before failing), {@code apply-stopped} when it
     * stopped before writing.
     */
    public AuditEntry applied(ApplyPlan plan, ApplyResult result) {
        String action = result.applied().isEmpty() ? AuditEntry.APPLY_STOPPED : AuditEntry.APPLY;
        return switch (result.outcome()) {
            case APPLIED ->
                entry(AuditEntry.APPLY, plan, AuditEntry.OK + takeOver("took over", takenOver(plan, result)));
            case STOPPED ->
                entry(
                        action,
                        plan,
                        written(result, plan) + "changed on the cluster since read: " + keys(result.drifts()));
            case FAILED ->
                entry(
                        action,
                        plan,
                        written(result, plan) + "refused: " + describe(result.error())
                                + takeOver("took over", takenOver(plan, result)));
        };
    }

    /** The managers whose fields the written changes took over. */
    private static List<String> takenOver(ApplyPlan plan, ApplyResult result) {
        return plan.takeOver().stream()
                .filter(c -> result.applied().stream()
                        .anyMatch(a -> a.key().equals(c.change().key())))
                .flatMap(c -> c.managers().stream())
                .distinct()
                .toList();
    }

    /** {@code " (took over fields from kubectl-client-side-apply)"}, or "" when no fields were taken over. */
    private static String takeOver(String verb, List<String> managers) {
        return managers.isEmpty() ? "" : " (" + verb + " fields from " + String.join(", ", managers) + ")";
    }

    /**
     * A {@code dry-run} or {@code apply} that could not finish (e.g. the API server went away): outcome
     * {@code failed: REASON}. What was written before the failure is unknown, so the whole plan is listed.
     */
    public AuditEntry failed(String action, ApplyPlan plan, String reason) {
        return entry(action, plan, "failed: " + reason);
    }

    private static String written(ApplyResult result, ApplyPlan plan) {
        return result.applied().isEmpty()
                ? ""
                : result.applied().size() + " of " + plan.changes().size() + " written, then ";
    }

    private static String keys(List<Drift> drifts) {
        return drifts.stream().map(d -> d.change().key()).collect(Collectors.joining(", "));
    }

    private static String describe(ResourceError error) {
        return error == null ? "" : error.describe();
    }

    private AuditEntry entry(String action, ApplyPlan plan, String outcome) {
        return new AuditEntry(
                clock.instant(),
                AuditEntry.currentOsUser(),
                kubeUser,
                context,
                action,
                plan.described(),
                AuditLog.digest(plan.objects()),
                outcome);
    }
}
