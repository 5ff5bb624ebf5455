package dev.trustmap.analysis.breach;

import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.ContainerPort;
import dev.trustmap.mesh.MeshConfig;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Namespace;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.ServicePort;
import dev.trustmap.mesh.Workload;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small meshes built in code: HTTP workloads with one Service each (port 80 to 8080), policies from YAML. */
final class BreachMesh {
    private final List<Workload> workloads = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private final List<HasMetadata> policies = new ArrayList<>();
    private final Set<String> namespaces = new LinkedHashSet<>();

    BreachMesh workload(String id) {
        return add(id, true, false);
    }

    BreachMesh withoutSidecar(String id) {
        return add(id, false, false);
    }

    BreachMesh gateway(String id) {
        return add(id, true, true);
    }

    /** A workload with a sidecar serving TCP: Service port 5432 ({@code tcp-db}) to container port 5432. */
    BreachMesh tcpWorkload(String id) {
        add(id, true, false);
        Service http = services.remove(services.size() - 1);
        services.add(new Service(
                http.namespace(),
                http.name(),
                http.selector(),
                List.of(new ServicePort("tcp-db", 5432, "5432", null))));
        return this;
    }

    private BreachMesh add(String id, boolean sidecar, boolean gateway) {
        String namespace = id.split("/")[0];
        String name = id.split("/")[1];
        namespaces.add(namespace);
        workloads.add(new Workload(
                namespace,
                name,
                "Deployment",
                Map.of("app", name),
                name,
                sidecar,
                gateway,
                List.of(new ContainerPort("http", 8080)),
                List.of()));
        services.add(
                new Service(namespace, name, Map.of("app", name), List.of(new ServicePort("http", 80, "8080", null))));
        return this;
    }

    /** Adds the Istio objects of a YAML text (one or more documents). */
    BreachMesh policies(String yaml) {
        Object parsed = new KubernetesSerialization()
                .unmarshal(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        if (parsed instanceof List<?> list) {
            list.forEach(o -> policies.add((HasMetadata) o));
        } else {
            policies.add((HasMetadata) parsed);
        }
        return this;
    }

    Engine engine() {
        List<Namespace> spaces =
                namespaces.stream().map(n -> new Namespace(n, Map.of())).toList();
        List<String> accounts = workloads.stream()
                .map(w -> w.namespace() + "/" + w.serviceAccount())
                .toList();
        return Engine.of(new MeshSnapshot(spaces, workloads, services, accounts, policies, MeshConfig.defaults()));
    }

    static Workload workload(Engine engine, String id) {
        String[] parts = id.split("/");
        return engine.snapshot().workload(parts[0], parts[1]).orElseThrow();
    }

    /** An ALLOW selecting {@code app=name} in {@code namespace} for callers running as the given principals. */
    static String allow(String namespace, String name, String... principals) {
        return "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: " + name
                + "-callers, namespace: " + namespace + "}\nspec:\n  selector: {matchLabels: {app: " + name
                + "}}\n  rules:\n  - from: [{source: {principals: [" + String.join(", ", principals) + "]}}]\n"
                + "    to: [{operation: {methods: [GET]}}]\n";
    }

    static String allowNothing(String namespace) {
        return "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: allow-nothing,"
                + " namespace: " + namespace + "}\nspec: {}\n";
    }
}
