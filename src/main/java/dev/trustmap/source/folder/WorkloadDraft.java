package dev.trustmap.source.folder;

import dev.trustmap.mesh.ContainerPort;
import dev.trustmap.mesh.Namespace;
import dev.trustmap.mesh.Workload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/** A workload being assembled: its controller's pod template plus the pods that belong to it. */
final class WorkloadDraft {
    /** Template annotation with extra pod IPs (comma-separated), for manifests without pod status. */
    static final String IP_ANNOTATION = "trustmap.dev/ip";

    private final String namespace;
    private final String name;
    private final String kind;
    private final ObjectMeta meta;
    private final PodSpec spec;
    private final List<Pod> pods = new ArrayList<>();

    WorkloadDraft(String namespace, String name, String kind, ObjectMeta meta, PodSpec spec) {
        this.namespace = namespace;
        this.name = name;
        this.kind = kind;
        this.meta = meta == null ? new ObjectMeta() : meta;
        this.spec = spec == null ? new PodSpec() : spec;
    }

    String namespace() {
        return namespace;
    }

    String id() {
        return namespace + "/" + name;
    }

    void addPod(Pod pod) {
        pods.add(pod);
    }

    /** The workload, with sidecar injection judged against its namespace. */
    Workload build(Namespace ns) {
        var labels = PodRules.map(meta.getLabels());
        boolean gateway = PodRules.gateway(labels, spec)
                || pods.stream()
                        .anyMatch(p ->
                                PodRules.gateway(PodRules.map(p.getMetadata().getLabels()), p.getSpec()));
        boolean sidecar = gateway
                || PodRules.sidecar(meta, spec, ns)
                || pods.stream().anyMatch(p -> PodRules.hasProxy(p.getSpec()));
        return new Workload(namespace, name, kind, labels, serviceAccount(), sidecar, gateway, ports(), ips());
    }

    private String serviceAccount() {
        return spec.getServiceAccountName() != null ? spec.getServiceAccountName() : spec.getServiceAccount();
    }

    private List<ContainerPort> ports() {
        Set<ContainerPort> ports = new LinkedHashSet<>();
        for (Container container : Objects.requireNonNullElse(spec.getContainers(), List.<Container>of())) {
            if (container.getPorts() == null) {
                continue;
            }
            container.getPorts().stream()
                    .filter(port -> port.getContainerPort() != null)
                    .forEach(port -> ports.add(new ContainerPort(port.getName(), port.getContainerPort())));
        }
        return List.copyOf(ports);
    }

    private List<String> ips() {
        Set<String> ips = new LinkedHashSet<>();
        String annotated = PodRules.map(meta.getAnnotations()).get(IP_ANNOTATION);
        if (annotated != null) {
            Stream.of(annotated.split(","))
                    .map(String::strip)
                    .filter(ip -> !ip.isEmpty())
                    .forEach(ips::add);
        }
        for (Pod pod : pods) {
            PodStatus status = pod.getStatus();
            if (status == null) {
                continue;
            }
            if (status.getPodIP() != null) {
                ips.add(status.getPodIP());
            }
            Objects.requireNonNullElse(status.getPodIPs(), List.<PodIP>of()).stream()
                    .map(PodIP::getIp)
                    .filter(Objects::nonNull)
                    .forEach(ips::add);
        }
        return List.copyOf(ips);
    }
}
