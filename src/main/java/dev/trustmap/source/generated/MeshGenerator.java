package dev.trustmap.source.generated;

import dev.trustmap.mesh.ContainerPort;
import dev.trustmap.mesh.MeshConfig;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Namespace;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.ServicePort;
import dev.trustmap.mesh.Workload;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates large meshes for performance work: workloads spread over namespaces, each with its own service account
 * and Service (HTTP, some also gRPC or TCP, one in twenty without sidecar), one AuthorizationPolicy per two
 * workloads (mostly ALLOW by caller principal, every fifth a DENY), STRICT in every third namespace and an
 * ISTIO_MUTUAL DestinationRule in every tenth. The same arguments give the same mesh.
 */
public final class MeshGenerator {
    private MeshGenerator() {}

    public static MeshSnapshot generate(int workloadCount, int namespaceCount, long seed) {
        Random random = new Random(seed);
        List<Namespace> namespaces = new ArrayList<>();
        for (int n = 0; n < namespaceCount; n++) {
            namespaces.add(new Namespace(namespaceName(n), Map.of("istio-injection", "enabled")));
        }
        List<Workload> workloads = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        for (int i = 0; i < workloadCount; i++) {
            Workload workload = workload(i, namespaceCount);
            workloads.add(workload);
            services.add(service(workload, i));
        }
        List<HasMetadata> policies = new ArrayList<>();
        for (int i = 0; i < workloadCount; i += 2) {
            policies.add(policyFor(workloads, i, random));
        }
        for (int n = 0; n < namespaceCount; n++) {
            if (n % 3 == 0) {
                policies.add(GeneratedPolicies.strict(namespaceName(n)));
            }
            if (n % 10 == 5) {
                policies.add(GeneratedPolicies.mutual(namespaceName(n)));
            }
        }
        List<String> accounts = workloads.stream()
                .map(w -> w.namespace() + "/" + w.serviceAccount())
                .toList();
        return new MeshSnapshot(namespaces, workloads, services, accounts, policies, MeshConfig.defaults());
    }

    static String namespaceName(int index) {
        return String.format("ns-%02d", index);
    }

    private static Workload workload(int i, int namespaceCount) {
        String name = String.format("svc-%05d", i);
        List<ContainerPort> ports = new ArrayList<>(List.of(new ContainerPort("http", 8080)));
        if (i % 4 == 0) {
            ports.add(new ContainerPort("grpc", 17070));
        }
        if (i % 10 == 3) {
            ports.add(new ContainerPort("tcp", 5432));
        }
        String ip = String.format("10.%d.%d.%d", i / 65536 % 256, i / 256 % 256, i % 256);
        return new Workload(
                namespaceName(i % namespaceCount),
                name,
                "Deployment",
                Map.of("app", name, "tier", List.of("web", "api", "data").get(i % 3)),
                name,
                i % 20 != 7,
                false,
                ports,
                List.of(ip));
    }

    private static Service service(Workload workload, int i) {
        List<ServicePort> ports = new ArrayList<>(List.of(new ServicePort("http", 80, "8080", null)));
        if (i % 4 == 0) {
            ports.add(new ServicePort("grpc", 7070, "17070", null));
        }
        if (i % 10 == 3) {
            ports.add(new ServicePort("tcp-db", 5432, "5432", null));
        }
        return new Service(workload.namespace(), workload.name(), Map.of("app", workload.name()), ports);
    }

    private static HasMetadata policyFor(List<Workload> workloads, int i, Random random) {
        Workload target = workloads.get(i);
        if ((i / 2) % 5 == 4) {
            return GeneratedPolicies.denyAdmin(target.namespace(), target.name());
        }
        List<String> callers = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            Workload caller = workloads.get(random.nextInt(workloads.size()));
            callers.add(caller.identity("cluster.local").principal());
        }
        return GeneratedPolicies.allowCallers(target.namespace(), target.name(), callers);
    }
}
