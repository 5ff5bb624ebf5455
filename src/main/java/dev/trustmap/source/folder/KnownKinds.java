package dev.trustmap.source.folder;

import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.istio.api.security.v1.RequestAuthentication;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The apiVersion/kind pairs Trustmap reads, and the fabric8 class each one becomes. Istio objects of every served
 * version map to the v1 classes (the spec classes are shared between versions).
 */
final class KnownKinds {
    private static final Map<String, Class<? extends HasMetadata>> CLASSES = new HashMap<>();
    private static final Map<String, List<String>> VERSIONS = new HashMap<>();
    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "Namespace",
            "Node",
            "PersistentVolume",
            "StorageClass",
            "ClusterRole",
            "ClusterRoleBinding",
            "CustomResourceDefinition",
            "MutatingWebhookConfiguration",
            "ValidatingWebhookConfiguration",
            "ValidatingAdmissionPolicy",
            "ValidatingAdmissionPolicyBinding",
            "PriorityClass",
            "IngressClass",
            "RuntimeClass",
            "APIService",
            "CSIDriver",
            "GatewayClass");

    static {
        add(List.of("v1"), Namespace.class, Pod.class, Service.class, ServiceAccount.class, ConfigMap.class);
        add(List.of("apps/v1"), Deployment.class, StatefulSet.class, DaemonSet.class, ReplicaSet.class);
        add(List.of("batch/v1"), Job.class, CronJob.class);
        add(
                List.of("security.istio.io/v1", "security.istio.io/v1beta1"),
                AuthorizationPolicy.class,
                PeerAuthentication.class,
                RequestAuthentication.class);
        add(
                List.of("networking.istio.io/v1", "networking.istio.io/v1beta1", "networking.istio.io/v1alpha3"),
                DestinationRule.class);
    }

    // TODO(#2): retired versions of the same group (apps/v1beta2) are rejected; read them as apps/v1.
    private KnownKinds() {}

    @SafeVarargs
    private static void add(List<String> apiVersions, Class<? extends HasMetadata>... classes) {
        for (String apiVersion : apiVersions) {
            for (Class<? extends HasMetadata> type : classes) {
                CLASSES.put(key(apiVersion, type.getSimpleName()), type);
                VERSIONS.computeIfAbsent(type.getSimpleName(), kind -> new ArrayList<>())
                        .add(apiVersion);
            }
        }
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + "|" + kind;
    }

    /**
     * The apiVersions Trustmap reads for {@code kind} when {@code apiVersion} names the same API group with another
     * version (a typo such as {@code security.istio.io/v7}), or for an Istio kind another of Istio's groups
     * ({@code networking.istio.io/v1} AuthorizationPolicy, {@code security.istio.io/v1} DestinationRule); empty when
     * the group is foreign, since another group's kind of the same name (a Knative {@code serving.knative.dev/v1}
     * Service) is a different kind.
     */
    static List<String> otherVersions(String apiVersion, String kind) {
        List<String> versions = VERSIONS.getOrDefault(kind, List.of());
        if (versions.contains(apiVersion)
                || versions.stream().noneMatch(v -> sameFamily(group(v), group(apiVersion)))) {
            return List.of();
        }
        return List.copyOf(versions);
    }

    /** The same group, or two of Istio's groups (where no other kind of the same name lives). */
    private static boolean sameFamily(String known, String given) {
        return known.equals(given) || (isIstio(known) && isIstio(given));
    }

    private static boolean isIstio(String group) {
        return group.equals("istio.io") || group.endsWith(".istio.io");
    }

    private static String group(String apiVersion) {
        int slash = apiVersion.lastIndexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /**
     * Whether objects of this kind live outside namespaces: Kubernetes' cluster-scoped kinds a manifests folder
     * commonly holds (Namespace, ClusterRole, CustomResourceDefinition, webhooks...). Other kinds count as namespaced.
     */
    static boolean isClusterScoped(String kind) {
        return CLUSTER_SCOPED.contains(kind);
    }

    /** The class objects of this apiVersion and kind are read into, or empty when Trustmap skips them. */
    static Optional<Class<? extends HasMetadata>> classOf(String apiVersion, String kind) {
        return Optional.ofNullable(CLASSES.get(key(apiVersion, kind)));
    }
}
