package dev.trustmap.mesh;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pods grouped by their controller (a Deployment, StatefulSet, DaemonSet, Job or a bare Pod).
 *
 * @param kind the controller kind, e.g. {@code Deployment}, or {@code Pod} for a bare pod
 * @param labels the pod labels, which policies select on
 * @param serviceAccount the service account the pods run as
 * @param sidecar whether the pods run an Istio proxy (gateways do too)
 * @param gateway whether this is an ingress or egress gateway: it lacks the {@code security.istio.io/tlsMode}
 *     label, so in-mesh clients reach it in plaintext
 * @param ports the container ports the pods declare
 * @param ips pod IPs, when known
 */
public record Workload(
        String namespace,
        String name,
        String kind,
        Map<String, String> labels,
        String serviceAccount,
        boolean sidecar,
        boolean gateway,
        List<ContainerPort> ports,
        List<String> ips) {

    public Workload {
        labels = Map.copyOf(labels);
        ports = List.copyOf(ports);
        ips = List.copyOf(ips);
        serviceAccount = serviceAccount == null || serviceAccount.isBlank() ? "default" : serviceAccount;
    }

    /** {@code namespace/name}, unique within a snapshot. */
    public String id() {
        return namespace + "/" + name;
    }

    /** The identity the pods' certificates carry in the given trust domain. */
    public Identity identity(String trustDomain) {
        return new Identity(trustDomain, namespace, serviceAccount);
    }

    /** Whether clients using auto mTLS see the {@code security.istio.io/tlsMode=istio} label on its endpoints. */
    public boolean advertisesIstioMtls() {
        return sidecar && !gateway;
    }

    /** Whether every key and value of the selector appears in this workload's labels. */
    public boolean matches(Map<String, String> selector) {
        return labels.entrySet().containsAll(selector.entrySet());
    }

    /** The container port with this name, if declared. */
    public Optional<ContainerPort> port(String portName) {
        return ports.stream().filter(p -> portName.equals(p.name())).findFirst();
    }

    @Override
    public String toString() {
        return id();
    }
}
