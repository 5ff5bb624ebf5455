package dev.trustmap.engine;

import dev.trustmap.mesh.ContainerPort;
import dev.trustmap.mesh.MeshConfig;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.ServicePort;
import dev.trustmap.mesh.Workload;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds small meshes for engine tests: HTTP workloads with one Service each, policies from YAML. */
final class TestMesh {
    private final List<Workload> workloads = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private final List<HasMetadata> policies = new ArrayList<>();

    /** A sidecar workload {@code app=name} serving HTTP on Service port 80, container port 8080. */
    TestMesh workload(String namespace, String name) {
        return workload(namespace, name, true, "http");
    }

    TestMesh workload(String namespace, String name, boolean sidecar, String portName) {
        workloads.add(new Workload(
                namespace,
                name,
                "Deployment",
                Map.of("app", name),
                name,
                sidecar,
                false,
                List.of(new ContainerPort(portName, 8080)),
                List.of()));
        services.add(new Service(
                namespace, name, Map.of("app", name), List.of(new ServicePort(portName, 80, "8080", null))));
        return this;
    }

    TestMesh policies(String yaml) {
        Object parsed = new KubernetesSerialization().unmarshal(yaml);
        if (parsed instanceof List<?> list) {
            list.forEach(o -> policies.add((HasMetadata) o));
        } else {
            policies.add((HasMetadata) parsed);
        }
        return this;
    }

    Engine engine() {
        return Engine.of(new MeshSnapshot(List.of(), workloads, services, List.of(), policies, MeshConfig.defaults()));
    }

    static Workload workload(Engine engine, String namespace, String name) {
        return engine.snapshot().workload(namespace, name).orElseThrow();
    }

    static Service service(Engine engine, String namespace, String name) {
        return engine.snapshot().service(namespace, name).orElseThrow();
    }

    /** The telemetry view of traffic from one workload to another's Service port 80. */
    static Request edge(Engine engine, String from, String to) {
        String[] f = from.split("/");
        String[] t = to.split("/");
        return Request.edge(
                new Peer.Pod(workload(engine, f[0], f[1])),
                workload(engine, t[0], t[1]),
                service(engine, t[0], t[1]),
                80);
    }

    /** A complete HTTP request with no headers and no token. */
    static Request http(Engine engine, String from, String to, String method, String path) {
        Request edge = edge(engine, from, to);
        return new Request(
                edge.from(), edge.to(), edge.service(), 80, null, method, path, to.split("/")[1], Map.of(), Jwt.none());
    }
}
