package dev.trustmap.export;

import dev.trustmap.analysis.workspace.AuditEntry;
import dev.trustmap.analysis.workspace.AuditLog;
import dev.trustmap.source.cluster.ApplyPlan;
import dev.trustmap.source.cluster.ApplyResult;
import dev.trustmap.source.cluster.Drift;
import dev.trustmap.source.cluster.DryRunResult;
import dev.trustmap.source.cluster.ResourceError;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/** Records dry runs and applies of a draft in the {@link AuditLog}, the same way from the app and the command line. */
public final class ApplyAudit {
    private final AuditLog log;
    private final String kubeUser;
    private final String context;
    private final Clock clock;

    /** Entries for {@code context}, authenticated as {@code kubeUser} (may be null). */
    public ApplyAudit(AuditLog log, String kubeUser, String context, Clock clock) {
        this.log = log;
        this.kubeUser = kubeUser;
        this.context = context;
        this.clock = clock;
    }

    /** Appends a {@code dry-run} entry: {@code ok}, or how many changes the server refused and the first reason. */
    public void dryRun(DryRunResult result) throws IOException {
        String outcome = result.ok()
                ? AuditEntry.OK
                : result.errors().size() + " refused: " + result.errors().get(0).describe();
        append(AuditEntry.DRY_RUN, result.plan(), outcome);
    }

    /**
     * Appends an {@code apply} entry when it went through (or wrote part before failing), {@code apply-stopped}
     * when it stopped before writing.
     */
    public void applied(ApplyPlan plan, ApplyResult result) throws IOException {
        switch (result.outcome()) {
            case APPLIED -> append(AuditEntry.APPLY, plan, AuditEntry.OK);
            case STOPPED ->
                append(
                        result.applied().isEmpty() ? AuditEntry.APPLY_STOPPED : AuditEntry.APPLY,
                        plan,
                        written(result, plan) + "changed on the cluster since read: " + keys(result.drifts()));
            case FAILED ->
                append(
                        result.applied().isEmpty() ? AuditEntry.APPLY_STOPPED : AuditEntry.APPLY,
                        plan,
                        written(result, plan) + "refused: " + describe(result.error()));
        }
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

    private void append(String action, ApplyPlan plan, String outcome) throws IOException {
        log.append(new AuditEntry(
                clock.instant(),
                AuditEntry.currentOsUser(),
                kubeUser,
                context,
                action,
                plan.described(),
                AuditLog.digest(plan.objects()),
                outcome));
    }
}
