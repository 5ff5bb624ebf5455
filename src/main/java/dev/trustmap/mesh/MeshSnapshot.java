package dev.trustmap.mesh;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;

/**
 * Everything known about a mesh at one moment: its namespaces, workloads, services and the Istio policy
 * objects (AuthorizationPolicy, PeerAuthentication, RequestAuthentication, DestinationRule) as fabric8 read
 * them. Service accounts are written {@code namespace/name}.
 */
public record MeshSnapshot(
        List<Namespace> namespaces,
        List<Workload> workloads,
        List<Service> services,
        List<String> serviceAccounts,
        List<HasMetadata> policies,
        MeshConfig meshConfig) {

    public MeshSnapshot {
        namespaces = List.copyOf(namespaces);
        workloads = List.copyOf(workloads);
        services = List.copyOf(services);
        serviceAccounts = List.copyOf(serviceAccounts);
        policies = List.copyOf(policies);
    }

    /** The workload with this namespace and name. */
    public Optional<Workload> workload(String namespace, String name) {
        return workloads.stream()
                .filter(w -> w.namespace().equals(namespace) && w.name().equals(name))
                .findFirst();
    }

    /** The Service with this namespace and name. */
    public Optional<Service> service(String namespace, String name) {
        return services.stream()
                .filter(s -> s.namespace().equals(namespace) && s.name().equals(name))
                .findFirst();
    }

    /** The Services that route to this workload. */
    public List<Service> servicesOf(Workload workload) {
        return services.stream().filter(s -> s.selects(workload)).toList();
    }

    /** A copy with other policy objects, for drafts. */
    public MeshSnapshot withPolicies(List<HasMetadata> newPolicies) {
        return new MeshSnapshot(namespaces, workloads, services, serviceAccounts, newPolicies, meshConfig);
    }
}
