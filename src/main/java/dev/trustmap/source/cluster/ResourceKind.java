package dev.trustmap.source.cluster;

import io.fabric8.istio.client.IstioClient;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

/** The resource kinds Trustmap watches, and how to make an informer for each. */
enum ResourceKind {
    NAMESPACES("namespaces", false),
    PODS("pods", false),
    REPLICA_SETS("replicasets", false),
    DEPLOYMENTS("deployments", false),
    STATEFUL_SETS("statefulsets", false),
    DAEMON_SETS("daemonsets", false),
    JOBS("jobs", false),
    CRON_JOBS("cronjobs", false),
    SERVICES("services", false),
    SERVICE_ACCOUNTS("serviceaccounts", false),
    CONFIG_MAPS("configmaps", false),
    AUTHORIZATION_POLICIES("authorizationpolicies", true),
    PEER_AUTHENTICATIONS("peerauthentications", true),
    REQUEST_AUTHENTICATIONS("requestauthentications", true),
    DESTINATION_RULES("destinationrules", true);

    private final String plural;
    private final boolean istio;

    ResourceKind(String plural, boolean istio) {
        this.plural = plural;
        this.istio = istio;
    }

    /** The plural resource name, as in RBAC rules and kubectl. */
    String plural() {
        return plural;
    }

    /** Whether this is an Istio custom resource, absent when Istio's CRDs are not installed. */
    boolean istio() {
        return istio;
    }

    /** Whether the kind lives in namespaces (all but Namespaces). */
    boolean namespaced() {
        return this != NAMESPACES;
    }

    /**
     * An informer that is not started yet, resync off.
     *
     * @param namespace the namespace to watch, or null for all namespaces
     */
    SharedIndexInformer<? extends HasMetadata> informer(KubernetesClient client, IstioClient istio, String namespace) {
        return switch (this) {
            case NAMESPACES -> client.namespaces().runnableInformer(0);
            case PODS -> of(client.pods(), namespace);
            case REPLICA_SETS -> of(client.apps().replicaSets(), namespace);
            case DEPLOYMENTS -> of(client.apps().deployments(), namespace);
            case STATEFUL_SETS -> of(client.apps().statefulSets(), namespace);
            case DAEMON_SETS -> of(client.apps().daemonSets(), namespace);
            case JOBS -> of(client.batch().v1().jobs(), namespace);
            case CRON_JOBS -> of(client.batch().v1().cronjobs(), namespace);
            case SERVICES -> of(client.services(), namespace);
            case SERVICE_ACCOUNTS -> of(client.serviceAccounts(), namespace);
            case CONFIG_MAPS -> of(client.configMaps(), namespace);
            // TODO(#4): Istio before 1.22 serves only v1beta1; fall back to it when v1 answers 404.
            case AUTHORIZATION_POLICIES -> of(istio.v1().authorizationPolicies(), namespace);
            case PEER_AUTHENTICATIONS -> of(istio.v1().peerAuthentications(), namespace);
            case REQUEST_AUTHENTICATIONS -> of(istio.v1().requestAuthentications(), namespace);
            case DESTINATION_RULES -> of(istio.v1().destinationRules(), namespace);
        };
    }

    private static <T extends HasMetadata, L extends KubernetesResourceList<T>, R extends Resource<T>>
            SharedIndexInformer<T> of(MixedOperation<T, L, R> operation, String namespace) {
        return namespace == null
                ? operation.inAnyNamespace().runnableInformer(0)
                : operation.inNamespace(namespace).runnableInformer(0);
    }
}
