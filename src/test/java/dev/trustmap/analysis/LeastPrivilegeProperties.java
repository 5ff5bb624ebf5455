package dev.trustmap.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.engine.Decision;
import dev.trustmap.engine.Engine;
import dev.trustmap.engine.Jwt;
import dev.trustmap.engine.Peer;
import dev.trustmap.engine.Request;
import dev.trustmap.mesh.ContainerPort;
import dev.trustmap.mesh.MeshConfig;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Protocol;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.ServicePort;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.mesh.Workload;
import io.fabric8.istio.api.security.v1.AuthorizationPolicyBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Least-privilege drafts keep every observed request working and, in the namespaces they draft for, close every
 * pair of workloads that was not observed.
 */
class LeastPrivilegeProperties {
    private static final List<String> METHODS = List.of("GET", "POST", "DELETE");
    private static final List<String> PATHS = List.of("/a", "/b", "/c/d");

    @Property(tries = 60)
    void observedRequestsStayAllowedAndUnobservedPairsAreDenied(
            @ForAll @IntRange(min = 2, max = 10) int workloads,
            @ForAll @IntRange(min = 1, max = 25) int edges,
            @ForAll long seed) {
        Random random = new Random(seed);
        MeshSnapshot mesh = mesh(workloads, random);
        Traffic traffic = traffic(mesh, edges, random);

        LeastPrivilege.Result result =
                LeastPrivilege.generate(Engine.of(mesh), traffic, new LeastPrivilege.Options(Set.of(), false));

        assertLeastPrivilege(mesh, traffic, result);
    }

    /**
     * The same over meshes where some workloads already have an ALLOW that lets every caller in: replacing the
     * existing ALLOWs deletes them, so the draft is least privilege all the same.
     */
    @Property(tries = 40)
    void replacingExistingAllowsKeepsObservedRequestsAndDeniesTheRest(
            @ForAll @IntRange(min = 2, max = 10) int workloads,
            @ForAll @IntRange(min = 1, max = 25) int edges,
            @ForAll long seed) {
        Random random = new Random(seed);
        MeshSnapshot bare = mesh(workloads, random);
        List<HasMetadata> open = new ArrayList<>();
        for (Workload workload : bare.workloads()) {
            if (random.nextBoolean()) {
                open.add(allowEveryone(workload));
            }
        }
        MeshSnapshot mesh = bare.withPolicies(open);
        Traffic traffic = traffic(mesh, edges, random);

        LeastPrivilege.Result result = LeastPrivilege.generate(
                Engine.of(mesh), traffic, new LeastPrivilege.Options(Set.of(), Set.of(), false, true, true));

        assertThat(result.deletions()).allSatisfy(d -> assertThat(open).contains(d));
        assertLeastPrivilege(mesh, traffic, result);
    }

    private static HasMetadata allowEveryone(Workload workload) {
        return new AuthorizationPolicyBuilder()
                .withNewMetadata()
                .withName("open-" + workload.name())
                .withNamespace(workload.namespace())
                .endMetadata()
                .withNewSpec()
                .withNewSelector()
                .addToMatchLabels("app", workload.name())
                .endSelector()
                .addNewRule()
                .endRule()
                .endSpec()
                .build();
    }

    /** Every observed request stays allowed; in the drafted namespaces every unobserved pair is denied. */
    private static void assertLeastPrivilege(MeshSnapshot mesh, Traffic traffic, LeastPrivilege.Result result) {
        List<HasMetadata> layered = new ArrayList<>(mesh.policies());
        layered.removeAll(result.deletions());
        layered.addAll(result.policies());
        Engine draft = Engine.of(mesh.withPolicies(layered));

        Set<String> observedPairs = new HashSet<>();
        for (TrafficEdge edge : traffic.edges()) {
            observedPairs.add(edge.sourceId() + ">" + edge.destinationId() + ":" + edge.port());
            for (Request request : concreteRequests(mesh, edge)) {
                assertThat(draft.evaluate(request).decision())
                        .as("%s %s %s", edge, request.method(), request.path())
                        .isEqualTo(Decision.ALLOW);
            }
        }
        Set<String> drafted = new HashSet<>();
        result.policies().forEach(p -> drafted.add(p.getMetadata().getNamespace()));
        for (Workload from : mesh.workloads()) {
            for (Workload to : mesh.workloads().stream()
                    .filter(w -> drafted.contains(w.namespace()))
                    .toList()) {
                Service service = mesh.servicesOf(to).get(0);
                for (ServicePort port : service.ports()) {
                    if (!observedPairs.contains(from.id() + ">" + to.id() + ":" + port.port())) {
                        Request edge = Request.edge(new Peer.Pod(from), to, service, port.port());
                        assertThat(draft.evaluate(edge).decision())
                                .as("unobserved %s -> %s:%d", from, to, port.port())
                                .isEqualTo(Decision.DENY);
                    }
                }
            }
        }
    }

    private static MeshSnapshot mesh(int count, Random random) {
        List<Workload> workloads = new ArrayList<>();
        List<Service> services = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String namespace = "ns-" + (char) ('a' + random.nextInt(3));
            String name = "w" + i;
            boolean database = random.nextInt(4) == 0;
            List<ContainerPort> ports = new ArrayList<>(List.of(new ContainerPort("http", 8080)));
            List<ServicePort> servicePorts = new ArrayList<>(List.of(new ServicePort("http", 80, "8080", null)));
            if (database) {
                ports.add(new ContainerPort("tcp", 5432));
                servicePorts.add(new ServicePort("tcp-db", 5432, "5432", null));
            }
            workloads.add(new Workload(
                    namespace, name, "Deployment", Map.of("app", name), name, true, false, ports, List.of()));
            services.add(new Service(namespace, name, Map.of("app", name), servicePorts));
        }
        return new MeshSnapshot(List.of(), workloads, services, List.of(), List.of(), MeshConfig.defaults());
    }

    private static Traffic traffic(MeshSnapshot mesh, int count, Random random) {
        List<TrafficEdge> edges = new ArrayList<>();
        List<Workload> all = mesh.workloads();
        for (int i = 0; i < count; i++) {
            Workload from = all.get(random.nextInt(all.size()));
            Workload to = all.get(random.nextInt(all.size()));
            Service service = mesh.servicesOf(to).get(0);
            ServicePort port =
                    service.ports().get(random.nextInt(service.ports().size()));
            boolean http = port.protocol().isHttp();
            Set<String> methods = http ? subset(METHODS, random) : Set.of();
            Set<String> paths = http ? subset(PATHS, random) : Set.of();
            edges.add(new TrafficEdge(
                    from.namespace(),
                    from.name(),
                    to.namespace(),
                    to.name(),
                    service.name(),
                    port.port(),
                    port.protocol(),
                    1.0,
                    Map.of(200, 1.0),
                    1.0,
                    methods,
                    paths));
        }
        return new Traffic(edges, Instant.EPOCH);
    }

    /** A random subset; empty means the telemetry source did not know. */
    private static Set<String> subset(List<String> values, Random random) {
        Set<String> chosen = new HashSet<>();
        values.forEach(v -> {
            if (random.nextBoolean()) {
                chosen.add(v);
            }
        });
        return chosen;
    }

    /** Every method and path combination the edge says it carried ("GET /" when it does not say). */
    private static List<Request> concreteRequests(MeshSnapshot mesh, TrafficEdge edge) {
        Workload from =
                mesh.workload(edge.sourceNamespace(), edge.sourceWorkload()).orElseThrow();
        Workload to = mesh.workload(edge.destinationNamespace(), edge.destinationWorkload())
                .orElseThrow();
        Service service =
                mesh.service(edge.destinationNamespace(), edge.service()).orElseThrow();
        if (edge.protocol() == Protocol.TCP) {
            return List.of(new Request(
                    new Peer.Pod(from),
                    to,
                    service,
                    edge.port(),
                    Protocol.TCP,
                    null,
                    null,
                    null,
                    Map.of(),
                    Jwt.none()));
        }
        List<Request> requests = new ArrayList<>();
        for (String method : edge.methods().isEmpty() ? Set.of("GET") : edge.methods()) {
            for (String path : edge.paths().isEmpty() ? Set.of("/") : edge.paths()) {
                requests.add(new Request(
                        new Peer.Pod(from),
                        to,
                        service,
                        edge.port(),
                        null,
                        method,
                        path,
                        to.name(),
                        Map.of(),
                        Jwt.none()));
            }
        }
        return requests;
    }
}
