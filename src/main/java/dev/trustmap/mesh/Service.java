package dev.trustmap.mesh;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A Kubernetes Service: a selector over workload labels and the ports it exposes. */
public record Service(String namespace, String name, Map<String, String> selector, List<ServicePort> ports) {

    public Service {
        selector = Map.copyOf(selector);
        ports = List.copyOf(ports);
    }

    /** The cluster-local host name, {@code name.namespace.svc.cluster.local}. */
    public String fqdn() {
        return name + "." + namespace + ".svc.cluster.local";
    }

    /** Whether this Service sends traffic to the workload (same namespace, non-empty selector matching). */
    public boolean selects(Workload workload) {
        return namespace.equals(workload.namespace())
                && !selector.isEmpty()
                && workload.labels().entrySet().containsAll(selector.entrySet());
    }

    /** The port with this number, if the Service exposes it. */
    public Optional<ServicePort> port(int number) {
        return ports.stream().filter(p -> p.port() == number).findFirst();
    }
}
