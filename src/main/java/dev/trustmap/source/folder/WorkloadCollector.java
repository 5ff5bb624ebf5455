package dev.trustmap.source.folder;

import dev.trustmap.mesh.Namespace;
import dev.trustmap.mesh.Workload;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Groups pods into workloads by their controller. Deployments, StatefulSets, DaemonSets, Jobs, CronJobs and
 * ReplicaSets without a Deployment define a workload from their pod template; a ReplicaSet owned by a Deployment and
 * a Job owned by a CronJob belong to their owner; a Pod joins the workload of its owner, or is its own workload.
 */
final class WorkloadCollector {
    private final Function<String, Namespace> namespaces;
    private final List<String> warnings;
    private final Map<String, WorkloadDraft> drafts = new LinkedHashMap<>();
    private final Map<String, String> owners = new HashMap<>();
    private final Set<String> present = new HashSet<>();

    /**
     * @param namespaces namespace by name, for sidecar injection labels
     * @param warnings where to note odd but harmless input
     */
    WorkloadCollector(Function<String, Namespace> namespaces, List<String> warnings) {
        this.namespaces = namespaces;
        this.warnings = warnings;
    }

    /** The workloads of these objects, in the order their defining objects appear. */
    List<Workload> collect(List<HasMetadata> objects) {
        objects.forEach(object -> present.add(key(MeshAssembler.namespaceOf(object), object.getKind(), name(object))));
        objects.forEach(this::addController);
        objects.stream().filter(Pod.class::isInstance).map(Pod.class::cast).forEach(this::addPod);
        return drafts.values().stream()
                .map(draft -> draft.build(namespaces.apply(draft.namespace())))
                .toList();
    }

    private void addController(HasMetadata object) {
        if (object instanceof Deployment d) {
            define(
                    object,
                    object.getKind(),
                    d.getSpec() == null ? null : d.getSpec().getTemplate());
        } else if (object instanceof StatefulSet s) {
            define(
                    object,
                    object.getKind(),
                    s.getSpec() == null ? null : s.getSpec().getTemplate());
        } else if (object instanceof DaemonSet d) {
            define(
                    object,
                    object.getKind(),
                    d.getSpec() == null ? null : d.getSpec().getTemplate());
        } else if (object instanceof CronJob c) {
            define(object, object.getKind(), cronJobTemplate(c));
        } else if (object instanceof Job j) {
            addOwned(object, "CronJob", j.getSpec() == null ? null : j.getSpec().getTemplate());
        } else if (object instanceof ReplicaSet r) {
            addOwned(
                    object,
                    "Deployment",
                    r.getSpec() == null ? null : r.getSpec().getTemplate());
        }
    }

    private static PodTemplateSpec cronJobTemplate(CronJob cronJob) {
        if (cronJob.getSpec() == null || cronJob.getSpec().getJobTemplate() == null) {
            return null;
        }
        var jobSpec = cronJob.getSpec().getJobTemplate().getSpec();
        return jobSpec == null ? null : jobSpec.getTemplate();
    }

    /** A Job or ReplicaSet: part of its owner's workload when the owner is present, else a workload itself. */
    private void addOwned(HasMetadata object, String ownerKind, PodTemplateSpec template) {
        String namespace = MeshAssembler.namespaceOf(object);
        String self = key(namespace, object.getKind(), name(object));
        Optional<OwnerReference> owner = ownerOfKind(object, ownerKind);
        if (owner.isEmpty()) {
            define(object, object.getKind(), template);
            return;
        }
        String ownerKey = key(namespace, ownerKind, owner.get().getName());
        owners.put(self, ownerKey);
        if (!present.contains(ownerKey) && !drafts.containsKey(ownerKey)) {
            warnings.add(String.format(
                    "%s %s/%s belongs to %s %s, which is not in the input; its pods are shown as that %s.",
                    object.getKind(),
                    namespace,
                    name(object),
                    ownerKind,
                    owner.get().getName(),
                    ownerKind));
            defineDraft(
                    ownerKey,
                    new WorkloadDraft(
                            namespace,
                            owner.get().getName(),
                            ownerKind,
                            meta(template),
                            template == null ? null : template.getSpec()));
        }
    }

    private void addPod(Pod pod) {
        String namespace = MeshAssembler.namespaceOf(pod);
        Optional<String> draftKey = controllerOf(pod)
                .map(ref -> key(namespace, ref.getKind(), ref.getName()))
                .map(ownerKey -> owners.get(ownerKey))
                .filter(drafts::containsKey);
        if (draftKey.isPresent()) {
            drafts.get(draftKey.get()).addPod(pod);
            return;
        }
        String self = key(namespace, "Pod", name(pod));
        if (defineDraft(self, new WorkloadDraft(namespace, name(pod), "Pod", pod.getMetadata(), pod.getSpec()))) {
            drafts.get(self).addPod(pod);
        }
    }

    private void define(HasMetadata object, String kind, PodTemplateSpec template) {
        String namespace = MeshAssembler.namespaceOf(object);
        String self = key(namespace, kind, name(object));
        if (template == null) {
            warnings.add(String.format("%s %s/%s has no pod template.", kind, namespace, name(object)));
        }
        defineDraft(
                self,
                new WorkloadDraft(
                        namespace, name(object), kind, meta(template), template == null ? null : template.getSpec()));
    }

    private boolean defineDraft(String key, WorkloadDraft draft) {
        owners.put(key, key);
        boolean clash = drafts.values().stream().anyMatch(other -> other.id().equals(draft.id()));
        if (clash) {
            warnings.add(String.format("Two workloads are named %s; only the first one is kept.", draft.id()));
            return false;
        }
        drafts.put(key, draft);
        return true;
    }

    private static Optional<OwnerReference> ownerOfKind(HasMetadata object, String kind) {
        return controllerOf(object).filter(ref -> kind.equals(ref.getKind()));
    }

    /** The owner reference marked as controller, or else the first one. */
    private static Optional<OwnerReference> controllerOf(HasMetadata object) {
        List<OwnerReference> refs = object.getMetadata().getOwnerReferences();
        if (refs == null || refs.isEmpty()) {
            return Optional.empty();
        }
        return refs.stream()
                .filter(ref -> Boolean.TRUE.equals(ref.getController()))
                .findFirst()
                .or(() -> Optional.of(refs.get(0)));
    }

    private static ObjectMeta meta(PodTemplateSpec template) {
        return template == null ? null : template.getMetadata();
    }

    private static String name(HasMetadata object) {
        return object.getMetadata().getName();
    }

    private static String key(String namespace, String kind, String name) {
        return namespace + "/" + kind + "/" + name;
    }
}
