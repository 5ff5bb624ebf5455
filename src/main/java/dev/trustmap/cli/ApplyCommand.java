package dev.trustmap.cli;

import dev.trustmap.analysis.workspace.AuditEntry;
import dev.trustmap.analysis.workspace.AuditLog;
import dev.trustmap.export.ApplyAudit;
import dev.trustmap.export.ResourceDiffText;
import dev.trustmap.source.cluster.ApplyPlan;
import dev.trustmap.source.cluster.ApplyPlan.Change;
import dev.trustmap.source.cluster.ApplyPlan.Operation;
import dev.trustmap.source.cluster.ApplyResult;
import dev.trustmap.source.cluster.ClusterException;
import dev.trustmap.source.cluster.ClusterSource;
import dev.trustmap.source.cluster.DraftApplier;
import dev.trustmap.source.cluster.Drift;
import dev.trustmap.source.cluster.DryRunResult;
import dev.trustmap.source.cluster.ResourceError;
import dev.trustmap.source.folder.DraftObjects;
import dev.trustmap.source.folder.FolderSource;
import dev.trustmap.source.folder.ManifestException;
import dev.trustmap.text.Plural;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trustmap apply}: a draft folder to a cluster, server-side dry run first, written only with --yes. */
@Command(
        name = "apply",
        mixinStandardHelpOptions = true,
        description = {
            "Applies a draft folder to a cluster: reads each draft object back from the cluster, prints the plan"
                    + " (creates, updates, deletes), checks every change with a server-side dry run, and with --yes"
                    + " writes them with server-side apply (field manager trustmap).",
            "An object annotated trustmap.dev/delete: \"true\" deletes its namesake. If a resource changes on the"
                    + " cluster between reading and writing, nothing more is written and the difference is shown."
                    + " Every dry run and apply is recorded in the audit log of the Trustmap folder.",
            "A field another manager owns (a policy created by kubectl apply or a GitOps tool) is a conflict: it is"
                    + " reported and nothing is written, unless --force-conflicts takes those fields over.",
            "The plan shows a YAML diff (cluster -> draft) per update. A draft policy without metadata.namespace goes"
                    + " to the context's namespace (as with kubectl), and the plan says so. Objects of other kinds than"
                    + " AuthorizationPolicy, PeerAuthentication, RequestAuthentication and DestinationRule are ignored,"
                    + " each with a warning; a draft with no policy at all, or an object defined twice, is bad input."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:applied, or (without --yes) the dry run accepted every change; also when the cluster already matches",
            "1:the dry run refused a change or found fields another manager owns (see --force-conflicts), a resource"
                    + " changed on the cluster (before the dry run too), or a write was refused",
            "2:bad input (draft files, an empty draft, kubeconfig, context) or internal error",
            "4:the cluster could not be reached or read, or does not serve Istio's resources (CRDs not installed)"
        })
final class ApplyCommand extends BaseCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ApplyCommand.class);
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Set<String> SERVER_SET =
            Set.of("resourceVersion", "uid", "generation", "creationTimestamp", "managedFields", "selfLink");

    /** The context's namespace, where draft policies without one go. */
    private String namespace;
    /** How many draft policies had no namespace. */
    private int withoutNamespace;

    @Option(names = "--context", required = true, description = "The kubeconfig context to apply to.")
    String context;

    @Option(names = "--kubeconfig", description = "The kubeconfig file (default: KUBECONFIG, else ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--draft", required = true, description = "Draft policies (folder or file); repeatable.")
    List<Path> drafts;

    @Option(names = "--dry-run", description = "Only check with the API server; write nothing (even with --yes).")
    boolean dryRunOnly;

    @Option(
            names = "--force-conflicts",
            description = "Take over fields another field manager owns (e.g. kubectl-client-side-apply), only for the"
                    + " resources in conflict; the other tool may set them back on its next apply. Drift still stops"
                    + " the apply.")
    boolean forceConflicts;

    @Option(names = "--yes", description = "Write the changes after a clean dry run (without it nothing is written).")
    boolean yes;

    @Override
    protected int run() throws ManifestException, BadInputException {
        Config config = config();
        namespace = config.getNamespace() == null ? DiffCommand.DEFAULT_NAMESPACE : config.getNamespace();
        DraftObjects draft = FolderSource.loadDraft(drafts, namespace);
        draft.warnings().forEach(warning -> err().println("warning: " + warning));
        withoutNamespace = draft.withoutNamespace();
        List<HasMetadata> objects = new ArrayList<>();
        List<HasMetadata> deleted = new ArrayList<>();
        for (HasMetadata object : draft.policies()) {
            Map<String, String> annotations = object.getMetadata().getAnnotations();
            boolean delete = annotations != null && "true".equals(annotations.get(DiffCommand.DELETE));
            (delete ? deleted : objects).add(object);
        }
        try (KubernetesClient client =
                new KubernetesClientBuilder().withConfig(config).build()) {
            ApplyAudit audit = new ApplyAudit(ClusterSource.user(config), context, Clock.systemUTC());
            return applyTo(new DraftApplier(client, context), audit, objects, deleted);
        } catch (ClusterException e) {
            LOG.debug("cluster failure", e);
            err().println("trustmap: " + e.getMessage());
            return ExitCodes.CLUSTER;
        }
    }

    private Config config() throws BadInputException {
        if (kubeconfig != null && !Files.isRegularFile(kubeconfig)) {
            throw new BadInputException("the kubeconfig " + kubeconfig + " given with --kubeconfig "
                    + (Files.isDirectory(kubeconfig) ? "is a folder, not a file" : "does not exist")
                    + "; check the path.");
        }
        Path file = kubeconfig == null ? ClusterSource.defaultKubeconfig() : kubeconfig;
        try {
            return ClusterSource.config(file, context);
        } catch (ClusterException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    private int applyTo(DraftApplier applier, ApplyAudit audit, List<HasMetadata> objects, List<HasMetadata> deleted)
            throws ClusterException {
        ApplyPlan plan = applier.plan(objects, deleted);
        if (plan.isEmpty()) {
            out().println("nothing to apply: the cluster already matches the draft");
            return ExitCodes.OK;
        }
        printPlan(plan);
        DryRunResult dryRun = applier.dryRun(plan);
        if (!dryRun.errors().isEmpty()) {
            List<Drift> drifts = applier.drifts(plan);
            if (!drifts.isEmpty()) {
                return stoppedBeforeDryRun(audit, plan, drifts);
            }
            List<String> unserved = applier.unservedKinds(dryRun);
            if (!unserved.isEmpty()) {
                return notInstalled(audit, dryRun, unserved);
            }
        }
        dryRun = check(applier, audit, dryRun);
        plan = dryRun.plan();
        if (!dryRun.ok()) {
            printRefusals(dryRun);
            return ExitCodes.MISMATCH_OR_DENY;
        }
        int count = plan.changes().size();
        out().println("dry run: the API server accepts "
                + (count == 1 ? "the 1 change" : "all " + Plural.of(count, "change")));
        if (dryRunOnly || !yes) {
            out().println("not applied: " + (dryRunOnly ? "--dry-run" : "run again with --yes to apply"));
            return ExitCodes.OK;
        }
        ApplyResult result = applier.apply(plan);
        record(audit.applied(plan, result));
        return printResult(plan, result);
    }

    /**
     * The dry run's result recorded; with --force-conflicts and nothing else refused, the conflicting resources are
     * taken over and checked again with force (the result's plan then takes them over).
     */
    private DryRunResult check(DraftApplier applier, ApplyAudit audit, DryRunResult dryRun) throws ClusterException {
        record(audit.dryRun(dryRun));
        if (!forceConflicts || !dryRun.errors().isEmpty() || dryRun.conflicts().isEmpty()) {
            return dryRun;
        }
        dryRun.conflicts().forEach(c -> out().println("  taking over (--force-conflicts): " + c.describe()));
        DryRunResult forced = applier.dryRun(dryRun.plan().takingOver(dryRun.conflicts()));
        record(audit.dryRun(forced));
        return forced;
    }

    /**
     * A dry run refused because resources changed on the cluster since the plan read them (the API server answers
     * such a write with 409): that is the story, told with a diff per resource, not the server's refusal.
     */
    private int stoppedBeforeDryRun(ApplyAudit audit, ApplyPlan plan, List<Drift> drifts) {
        record(audit.dryRunStopped(plan, drifts));
        out().println("dry run stopped: resources changed on the cluster since the plan read them; nothing was"
                + " written");
        printDrifts(drifts);
        return ExitCodes.MISMATCH_OR_DENY;
    }

    /** A cluster without Istio's CRDs answers every write with 404: one sentence instead of one refusal each. */
    private int notInstalled(ApplyAudit audit, DryRunResult dryRun, List<String> unserved) {
        record(audit.dryRun(dryRun));
        err().println("trustmap: Istio's resources are not installed on context '" + context
                + "': its API server does not serve " + String.join(", ", unserved)
                + "; install Istio 1.22 or later on that cluster, or check the context. Nothing was written.");
        return ExitCodes.CLUSTER;
    }

    private void printDrifts(List<Drift> drifts) {
        for (Drift drift : drifts) {
            out().println("  ! " + drift.describe());
            out().print(ResourceDiffText.of(drift.change().key(), drift.read(), drift.live(), "read", "cluster"));
        }
        out().println("read the changes above, update the draft, then apply again");
    }

    private void printRefusals(DryRunResult dryRun) {
        int total = dryRun.plan().changes().size();
        if (!dryRun.errors().isEmpty()) {
            out().println("dry run: " + dryRun.errors().size() + " of " + total + " refused");
            dryRun.errors().forEach(e -> out().println("  ! " + e.describe()));
        }
        if (!dryRun.conflicts().isEmpty()) {
            out().println("dry run: " + dryRun.conflicts().size() + " of " + total
                    + " change fields another field manager owns");
            dryRun.conflicts().forEach(c -> out().println("  ! " + c.describe()));
            out().println("to take these fields over, run again with --force-conflicts"
                    + " (the other tool may set them back on its next apply)");
        }
    }

    private void printPlan(ApplyPlan plan) {
        out().printf(
                        "plan for context %s: %d create, %d update, %d delete%n",
                        context,
                        plan.of(Operation.CREATE).size(),
                        plan.of(Operation.UPDATE).size(),
                        plan.of(Operation.DELETE).size());
        if (withoutNamespace > 0) {
            out().println("  " + Plural.of(withoutNamespace, "draft object") + " without metadata.namespace go"
                    + (withoutNamespace == 1 ? "es" : "") + " to namespace " + namespace + ", the context's namespace");
        }
        plan.changes().forEach(c -> out().println("  " + c.describe()));
        for (Change change : plan.of(Operation.UPDATE)) {
            out().print(ResourceDiffText.of(
                    change.key(), withoutServerFields(change.read()), change.desired(), "cluster", "draft"));
        }
    }

    /** The object as read, without what the API server sets (status, resourceVersion...), which the draft lacks. */
    @SuppressWarnings("unchecked")
    private static HasMetadata withoutServerFields(HasMetadata object) {
        Map<String, Object> tree = SERIALIZATION.convertValue(object, Map.class);
        tree.remove("status");
        if (tree.get("metadata") instanceof Map<?, ?> meta) {
            ((Map<String, Object>) meta).keySet().removeAll(SERVER_SET);
        }
        return SERIALIZATION.convertValue(tree, object.getClass());
    }

    private int printResult(ApplyPlan plan, ApplyResult result) {
        result.applied().forEach(c -> out().println("  applied: " + c.describe()));
        switch (result.outcome()) {
            case APPLIED -> {
                out().println("applied " + Plural.of(result.applied().size(), "change") + " with field manager "
                        + DraftApplier.FIELD_MANAGER
                        + (plan.takenFrom().isEmpty()
                                ? ""
                                : " (took over fields from " + String.join(", ", plan.takenFrom()) + ")"));
                return ExitCodes.OK;
            }
            case STOPPED -> {
                out().println("stopped: resources changed on the cluster since they were read; nothing"
                        + (result.applied().isEmpty() ? "" : " more") + " was written");
                printDrifts(result.drifts());
                return ExitCodes.MISMATCH_OR_DENY;
            }
            default -> {
                ResourceError error = result.error();
                out().println("failed: " + error.describe() + " ("
                        + result.applied().size() + " of " + plan.changes().size() + " written before it)");
                return ExitCodes.MISMATCH_OR_DENY;
            }
        }
    }

    /** An audit entry that cannot be written is a warning: the cluster change it records has already happened. */
    private void record(AuditEntry entry) {
        try {
            AuditLog.atDefaultLocation().append(entry);
        } catch (IOException e) {
            LOG.debug("audit log", e);
            err().println("warning: could not write the audit log: " + e.getMessage());
        }
    }
}
