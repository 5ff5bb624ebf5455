package dev.trustmap.source.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trustmap.mesh.ContainerPort;
import dev.trustmap.mesh.Protocol;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.ServicePort;
import dev.trustmap.mesh.Workload;
import dev.trustmap.source.folder.ManifestException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands the short {@code workloads} form of a scenario: each entry becomes a Deployment-kind {@link Workload}
 * and a {@link Service} named after it that selects its labels and exposes the ports that have a {@code port}.
 */
final class WorkloadExpander {
    private static final Set<String> WORKLOAD_KEYS =
            Fields.keys("name", "namespace", "labels", "serviceAccount", "sidecar", "ports", "gateway", "ip");
    private static final Set<String> PORT_KEYS = Fields.keys("name", "port", "targetPort", "protocol");
    private static final List<Protocol> PORT_PROTOCOLS =
            List.of(Protocol.HTTP, Protocol.HTTP2, Protocol.GRPC, Protocol.HTTPS, Protocol.TLS, Protocol.TCP);

    private final Fields fields;

    WorkloadExpander(Fields fields) {
        this.fields = fields;
    }

    /** The workloads and services of the short form, in file order. */
    Expanded expand(List<JsonNode> entries) throws ManifestException {
        List<Workload> workloads = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String path = "workloads[" + i + "]";
            Workload workload = workload(entries.get(i), path);
            if (!seen.add(workload.id())) {
                throw fields.tree().error(path, "workload '" + workload.id() + "' is defined twice");
            }
            workloads.add(workload);
            services.add(service(workload, entries.get(i), path));
        }
        return new Expanded(workloads, services);
    }

    private Workload workload(JsonNode node, String path) throws ManifestException {
        fields.checkKeys(node, path, WORKLOAD_KEYS);
        String name = fields.text(node, path, "name", true);
        String namespace = fields.text(node, path, "namespace", true);
        Map<String, String> labels = fields.stringMap(node, path, "labels");
        String serviceAccount = fields.text(node, path, "serviceAccount", false);
        boolean sidecar = fields.bool(node, path, "sidecar", false);
        boolean gateway = fields.bool(node, path, "gateway", false);
        String ip = fields.text(node, path, "ip", false);

        List<ContainerPort> ports = new ArrayList<>();
        for (JsonNode port : ports(node, path)) {
            ports.add(new ContainerPort(
                    port.path("name").asText(null), port.get("targetPort").asInt()));
        }
        List<String> ips = ip == null ? List.of() : List.of(ip);
        return new Workload(namespace, name, "Deployment", labels, serviceAccount, sidecar, gateway, ports, ips);
    }

    private List<JsonNode> ports(JsonNode node, String path) throws ManifestException {
        List<JsonNode> ports = fields.list(node, path, "ports");
        for (int i = 0; i < ports.size(); i++) {
            String portPath = Fields.child(path, "ports") + "[" + i + "]";
            fields.checkKeys(ports.get(i), portPath, PORT_KEYS);
            fields.port(ports.get(i), portPath, "targetPort", true);
            fields.port(ports.get(i), portPath, "port", false);
            fields.enumValue(ports.get(i), portPath, "protocol", PORT_PROTOCOLS);
        }
        return ports;
    }

    private Service service(Workload workload, JsonNode node, String path) throws ManifestException {
        List<ServicePort> servicePorts = new ArrayList<>();
        List<JsonNode> ports = fields.list(node, path, "ports");
        for (int i = 0; i < ports.size(); i++) {
            JsonNode port = ports.get(i);
            String portPath = Fields.child(path, "ports") + "[" + i + "]";
            Integer number = fields.integer(port, portPath, "port", false);
            if (number == null) {
                continue;
            }
            Protocol protocol = fields.enumValue(port, portPath, "protocol", PORT_PROTOCOLS);
            String appProtocol = protocol == null ? null : Fields.lower(protocol.name());
            String name = fields.text(port, portPath, "name", false);
            String targetPort = String.valueOf(fields.integer(port, portPath, "targetPort", true));
            servicePorts.add(new ServicePort(name, number, targetPort, appProtocol));
        }
        return new Service(workload.namespace(), workload.name(), workload.labels(), servicePorts);
    }

    /** The short form's result. */
    record Expanded(List<Workload> workloads, List<Service> services) {}
}
