package dev.trustmap.source.cluster;

import dev.trustmap.source.cluster.ApplyPlan.Change;
import dev.trustmap.source.cluster.ApplyPlan.Operation;
import dev.trustmap.source.cluster.FieldConflict.Claim;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.ServerSideApplicable;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a policy draft to a cluster, never over a change it has not seen: a server-side dry run of every change
 * first, then server-side apply with field manager {@value #FIELD_MANAGER} and deletes. Before writing it re-reads
 * every resource and stops, writing nothing, when one changed since the draft's comparison read it; each write also
 * carries the resourceVersion read as a precondition, so a change that slips in between is refused by the API
 * server (409) and reported the same way. A field owned by another manager (409 with {@code FieldManagerConflict}
 * causes) is reported as a {@link FieldConflict}, never forced unless the plan takes it over by the user's choice
 * ({@link ApplyPlan#takingOver}); a forced write still carries the resourceVersion precondition. Blocking: call it
 * off the UI thread.
 */
public final class DraftApplier {
    /** The field manager Trustmap's writes are recorded under. */
    public static final String FIELD_MANAGER = "trustmap";

    private static final Logger LOG = LoggerFactory.getLogger(DraftApplier.class);
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final int CONFLICT = 409;
    private static final int NOT_FOUND = 404;
    private static final String FIELD_MANAGER_CONFLICT = "FieldManagerConflict";
    private static final Pattern MANAGER = Pattern.compile("conflict with \"([^\"]*)\"");
    private static final Set<String> SERVER_SET =
            Set.of("resourceVersion", "uid", "generation", "creationTimestamp", "managedFields", "selfLink");

    private final KubernetesClient client;
    private final String context;

    /** An applier writing through {@code client}; {@code context} names the cluster in messages. */
    public DraftApplier(KubernetesClient client, String context) {
        this.client = client;
        this.context = context;
    }

    /**
     * A plan from the cluster as it is now (the command line's way): every draft object read back, unchanged ones
     * left out, deletions of objects that are already gone left out.
     *
     * @throws ClusterException when the API server cannot be reached or refuses to read
     */
    public ApplyPlan plan(List<? extends HasMetadata> objects, List<? extends HasMetadata> deleted)
            throws ClusterException {
        List<Change> changes = new ArrayList<>();
        for (HasMetadata object : objects) {
            HasMetadata live = read(object);
            if (live == null || !comparable(live).equals(comparable(object))) {
                changes.add(Change.of(live, object));
            }
        }
        for (HasMetadata object : deleted) {
            HasMetadata live = read(object);
            if (live != null) {
                changes.add(Change.of(live, null));
            }
        }
        return new ApplyPlan(changes);
    }

    /**
     * Asks the API server to check every change without storing anything ({@code dryRun=All}).
     *
     * @throws ClusterException when the API server cannot be reached
     */
    public DryRunResult dryRun(ApplyPlan plan) throws ClusterException {
        List<ResourceError> errors = new ArrayList<>();
        List<FieldConflict> conflicts = new ArrayList<>();
        for (Change change : plan.changes()) {
            try {
                write(change, true, plan.takesOver(change));
            } catch (KubernetesClientException e) {
                FieldConflict conflict = fieldConflict(change, e);
                if (conflict != null) {
                    conflicts.add(conflict);
                } else {
                    errors.add(refused(change, e));
                }
            }
        }
        LOG.info(
                "Dry run on {}: {} changes, {} refused, {} in conflict with other field managers, {} taken over",
                context,
                plan.changes().size(),
                errors.size(),
                conflicts.size(),
                plan.takeOver().size());
        return new DryRunResult(plan, errors, conflicts);
    }

    /**
     * The kinds of refused changes the API server does not serve at all, as {@code apiVersion kind} (e.g.
     * {@code security.istio.io/v1 AuthorizationPolicy} on a cluster without Istio's CRDs, where every write answers
     * 404); empty when each refusal is about the resource itself. Asks the server's discovery only after a 404.
     *
     * @throws ClusterException when the API server cannot be reached
     */
    public List<String> unservedKinds(DryRunResult result) throws ClusterException {
        Set<String> unserved = new TreeSet<>();
        Set<String> served = new HashSet<>();
        for (ResourceError error : result.errors()) {
            HasMetadata object = error.change().object();
            String kind = object.getApiVersion() + " " + object.getKind();
            if (error.code() == NOT_FOUND && !served.contains(kind) && !unserved.contains(kind)) {
                (serves(object) ? served : unserved).add(kind);
            }
        }
        return List.copyOf(unserved);
    }

    private boolean serves(HasMetadata object) throws ClusterException {
        try {
            return client.supports(object.getApiVersion(), object.getKind());
        } catch (KubernetesClientException e) {
            throw unreachable(e, "list its " + object.getApiVersion() + " resources");
        }
    }

    /**
     * Applies the plan: stops before writing anything when a resource changed on the cluster since it was read;
     * otherwise writes every change in order, stopping at the first the API server refuses.
     *
     * @throws ClusterException when the API server cannot be reached
     */
    public ApplyResult apply(ApplyPlan plan) throws ClusterException {
        List<Drift> drifts = drifts(plan);
        if (!drifts.isEmpty()) {
            LOG.warn("Apply to {} stopped: {} resources changed since they were read", context, drifts.size());
            return ApplyResult.stopped(List.of(), drifts);
        }
        List<Change> applied = new ArrayList<>();
        for (Change change : plan.changes()) {
            try {
                write(change, false, plan.takesOver(change));
                applied.add(change);
            } catch (KubernetesClientException e) {
                return failedWrite(change, applied, e);
            }
        }
        LOG.info("Applied to {}: {}", context, plan.described());
        return ApplyResult.applied(applied);
    }

    /**
     * The plan's resources that changed on the cluster since they were read (e.g. to explain a dry run's 409).
     *
     * @throws ClusterException when the API server cannot be reached
     */
    public List<Drift> drifts(ApplyPlan plan) throws ClusterException {
        List<Drift> drifts = new ArrayList<>();
        for (Change change : plan.changes()) {
            HasMetadata live = read(change.object());
            if (!Objects.equals(versionOf(change.read()), versionOf(live))) {
                drifts.add(drift(change, live));
            }
        }
        return drifts;
    }

    private ApplyResult failedWrite(Change change, List<Change> applied, KubernetesClientException e)
            throws ClusterException {
        ResourceError error = refused(change, e);
        boolean gone = error.code() == NOT_FOUND && change.operation() != Operation.CREATE;
        // A field conflict is not drift: the resource is as read, another manager owns what it would change.
        if ((error.code() == CONFLICT && fieldConflict(change, e) == null) || gone) {
            LOG.warn("Apply to {} stopped by a conflict on {}", context, change.key());
            return ApplyResult.stopped(applied, List.of(drift(change, read(change.object()))));
        }
        LOG.error("Apply to {} failed at {}: {}", context, change.key(), error.message());
        return ApplyResult.failed(applied, error);
    }

    private void write(Change change, boolean dryRun, boolean force) {
        if (change.operation() == Operation.DELETE) {
            Resource<HasMetadata> resource = client.resource(change.read());
            if (dryRun) {
                resource.dryRun().delete();
            } else {
                resource.lockResourceVersion(versionOf(change.read())).delete();
            }
            return;
        }
        // TODO(#5): a create carries no resourceVersion, so an object created by someone else between the check
        // and this write is merged into; the API server offers no "must not exist" precondition for apply.
        HasMetadata body = prepared(change);
        Resource<HasMetadata> resource = client.resource(body);
        ServerSideApplicable<HasMetadata> apply = (dryRun ? resource.dryRun() : resource).fieldManager(FIELD_MANAGER);
        (force ? apply.forceConflicts() : apply).serverSideApply();
    }

    /**
     * The other managers' fields when the server refused {@code change} for them (409, {@code FieldManagerConflict}
     * causes, e.g. {@code conflict with "kubectl-client-side-apply" using security.istio.io/v1} on
     * {@code .spec.rules}); null for any other refusal.
     */
    static FieldConflict fieldConflict(Change change, KubernetesClientException e) {
        Status status = e.getStatus();
        if (FailureMessages.code(e) != CONFLICT
                || status == null
                || status.getDetails() == null
                || status.getDetails().getCauses() == null) {
            return null;
        }
        List<Claim> claims = new ArrayList<>();
        for (StatusCause cause : status.getDetails().getCauses()) {
            if (FIELD_MANAGER_CONFLICT.equals(cause.getReason())) {
                String message = String.valueOf(cause.getMessage());
                Matcher manager = MANAGER.matcher(message);
                claims.add(new Claim(manager.find() ? manager.group(1) : message, String.valueOf(cause.getField())));
            }
        }
        return claims.isEmpty() ? null : new FieldConflict(change, claims);
    }

    /**
     * The desired object as an apply body: without what the server sets, with the resourceVersion read (none for a
     * create) as the precondition.
     */
    private static HasMetadata prepared(Change change) {
        HasMetadata body = SERIALIZATION.clone(change.desired());
        ObjectMeta meta = body.getMetadata();
        meta.setManagedFields(null);
        meta.setUid(null);
        meta.setGeneration(null);
        meta.setCreationTimestamp(null);
        meta.setSelfLink(null);
        meta.setResourceVersion(versionOf(change.read()));
        return body;
    }

    private HasMetadata read(HasMetadata object) throws ClusterException {
        try {
            return client.resource(object).get();
        } catch (KubernetesClientException e) {
            if (FailureMessages.code(e) == NOT_FOUND) {
                return null;
            }
            throw unreachable(e, "read " + ApplyPlan.keyOf(object));
        }
    }

    private ResourceError refused(Change change, KubernetesClientException e) throws ClusterException {
        int code = FailureMessages.code(e);
        if (code == 0) {
            throw unreachable(e, change.describe());
        }
        String message = e.getStatus() != null && e.getStatus().getMessage() != null
                ? e.getStatus().getMessage()
                : FailureMessages.rootMessage(e);
        return new ResourceError(change, code, message);
    }

    private ClusterException unreachable(KubernetesClientException e, String what) {
        if (FailureMessages.code(e) != 0) {
            return new ClusterException(
                    String.format(
                            "The API server of '%s' refused to %s (%s).",
                            context, what, FailureMessages.rootMessage(e)),
                    "Check the context's permissions on Istio policies (get, patch, delete).",
                    e);
        }
        return FailureMessages.connectFailure(context, client.getMasterUrl().toString(), e);
    }

    private static Drift drift(Change change, HasMetadata live) {
        return new Drift(change, readable(change.read()), readable(live));
    }

    /** A copy without managedFields, which would drown a diff. */
    private static HasMetadata readable(HasMetadata object) {
        if (object == null) {
            return null;
        }
        HasMetadata copy = SERIALIZATION.clone(object);
        copy.getMetadata().setManagedFields(null);
        return copy;
    }

    private static String versionOf(HasMetadata object) {
        return object == null ? null : object.getMetadata().getResourceVersion();
    }

    /** The object as a map without status and server-set metadata. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> comparable(HasMetadata object) {
        Map<String, Object> tree = SERIALIZATION.convertValue(object, Map.class);
        tree.remove("status");
        if (tree.get("metadata") instanceof Map<?, ?> meta) {
            ((Map<String, Object>) meta).keySet().removeAll(SERVER_SET);
        }
        return tree;
    }
}
