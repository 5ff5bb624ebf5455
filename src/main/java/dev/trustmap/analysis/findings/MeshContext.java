package dev.trustmap.analysis.findings;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.analysis.EdgeAssessment;
import dev.trustmap.analysis.MeshAssessment;
import dev.trustmap.engine.Connection;
import dev.trustmap.engine.Decision;
import dev.trustmap.engine.EdgeOutcome;
import dev.trustmap.engine.Engine;
import dev.trustmap.engine.Peer;
import dev.trustmap.istio.Action;
import dev.trustmap.istio.AuthzPolicy;
import dev.trustmap.istio.PolicySet;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.ServicePort;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.Workload;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What checkers look at: the snapshot, the engine with its compiled policies, optionally the observed traffic and its
 * assessment, and (computed once, on first use) the verdict of every pair of workloads.
 */
public final class MeshContext {
    private final Engine engine;
    private final Traffic traffic;
    private final Assessment assessment;
    private final Map<String, HasMetadata> objects = new LinkedHashMap<>();
    private MeshAssessment pairs;
    private Map<String, List<Integer>> targetsByWorkload;
    private Map<String, Integer> sourceIndex;
    private Map<String, List<Service>> servicesByNamespace;
    private final Map<String, List<ServedPort>> servedPorts = new java.util.concurrent.ConcurrentHashMap<>();

    private MeshContext(Engine engine, Traffic traffic, Assessment assessment) {
        this.engine = engine;
        this.traffic = traffic;
        this.assessment = assessment;
        engine.snapshot().policies().forEach(o -> objects.put(ResourceRefs.of(o), o));
    }

    /** A context without observed traffic: callers are every workload the engine lets through. */
    public static MeshContext of(Engine engine) {
        return new MeshContext(engine, null, null);
    }

    /** A context with observed traffic (decided here); empty traffic counts as none. */
    public static MeshContext of(Engine engine, Traffic traffic) {
        if (traffic == null || traffic.edges().isEmpty()) {
            return of(engine);
        }
        return new MeshContext(engine, traffic, Assessment.of(engine, traffic));
    }

    public Engine engine() {
        return engine;
    }

    public MeshSnapshot snapshot() {
        return engine.snapshot();
    }

    public PolicySet policies() {
        return engine.policies();
    }

    public String rootNamespace() {
        return policies().meshConfig().rootNamespace();
    }

    public Optional<Traffic> traffic() {
        return Optional.ofNullable(traffic);
    }

    public Optional<Assessment> assessment() {
        return Optional.ofNullable(assessment);
    }

    /** The raw fabric8 object behind a resource reference such as {@code AuthorizationPolicy foo/bar}. */
    public Optional<HasMetadata> object(String resource) {
        return Optional.ofNullable(objects.get(resource));
    }

    /** The raw policy objects of one class. */
    public <T extends HasMetadata> List<T> objects(Class<T> type) {
        return objects.values().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    /** The verdict of every ordered pair of workloads, computed on first use. */
    public synchronized MeshAssessment pairs() {
        if (pairs == null) {
            pairs = MeshAssessment.of(engine);
            targetsByWorkload = new HashMap<>();
            for (int t = 0; t < pairs.targets().size(); t++) {
                String id = pairs.targets().get(t).workload().id();
                targetsByWorkload.computeIfAbsent(id, k -> new ArrayList<>()).add(t);
            }
            sourceIndex = new HashMap<>();
            for (int s = 0; s < pairs.sources().size(); s++) {
                sourceIndex.put(pairs.sources().get(s).id(), s);
            }
        }
        return pairs;
    }

    /** Whether a policy is enforced: not dry-run, and not rejected by Istio's validation. */
    public static boolean enforced(AuthzPolicy policy) {
        return !policy.dryRun() && policy.invalid() == null;
    }

    /** The enforced ALLOW policies of the mesh. */
    public List<AuthzPolicy> enforcedAllowPolicies() {
        return policies().authzPolicies().stream()
                .filter(p -> p.action() == Action.ALLOW && enforced(p))
                .toList();
    }

    /** The workloads an AuthorizationPolicy applies to (its namespace, or all for the root namespace). */
    public List<Workload> selected(AuthzPolicy policy) {
        boolean root = policy.namespace().equals(rootNamespace());
        return snapshot().workloads().stream()
                .filter(w -> root || w.namespace().equals(policy.namespace()))
                .filter(w -> PolicySet.selects(policy, w))
                .toList();
    }

    /** Whether an enforced ALLOW policy selects the workload (so it is not open by default). */
    public boolean underAllow(Workload workload) {
        return engine.policiesSelecting(workload).stream().anyMatch(p -> p.action() == Action.ALLOW && enforced(p));
    }

    /**
     * The ports a workload serves through its Services, with the container port each reaches. Several checkers ask
     * for every workload, so the answer is kept, and Services are looked up in the workload's namespace only.
     */
    public List<ServedPort> servedPorts(Workload workload) {
        return servedPorts.computeIfAbsent(workload.id(), id -> {
            List<ServedPort> ports = new ArrayList<>();
            for (Service service : servicesByNamespace().getOrDefault(workload.namespace(), List.of())) {
                if (!service.selects(workload)) {
                    continue;
                }
                for (ServicePort port : service.ports()) {
                    ports.add(new ServedPort(service, port, engine.targetPort(workload, service, port.port())));
                }
            }
            return List.copyOf(ports);
        });
    }

    private Map<String, List<Service>> servicesByNamespace() {
        if (servicesByNamespace == null) {
            servicesByNamespace =
                    snapshot().services().stream().collect(java.util.stream.Collectors.groupingBy(Service::namespace));
        }
        return servicesByNamespace;
    }

    /** A Service port of a workload and the container port it forwards to. */
    public record ServedPort(Service service, ServicePort port, int containerPort) {}

    /**
     * Who calls a workload: the observed callers when there is traffic (outside clients as a null workload), else
     * every workload whose verdict toward one of its Service ports is not DENY.
     */
    public List<Call> callsTo(Workload to) {
        return callsTo(to, false);
    }

    /**
     * As {@link #callsTo(Workload)}; with {@code plaintextDenied}, without traffic, sidecar clients the engine denies
     * on a plaintext connection count too (a policy naming them by identity would let them through over mTLS).
     */
    public List<Call> callsTo(Workload to, boolean plaintextDenied) {
        List<Call> calls = new ArrayList<>();
        if (assessment != null) {
            for (EdgeAssessment edge : assessment.edges()) {
                if (edge.request().to().equals(to)) {
                    Workload from = edge.request().from() instanceof Peer.Pod pod ? pod.workload() : null;
                    calls.add(new Call(
                            from,
                            edge.verdict().connection().connection(),
                            edge.verdict().decision()));
                }
            }
            return calls;
        }
        MeshAssessment all = pairs();
        for (int t : targetsByWorkload.getOrDefault(to.id(), List.of())) {
            for (int s = 0; s < all.sources().size(); s++) {
                EdgeOutcome outcome = all.outcome(t, s);
                Workload from = all.sources().get(s);
                boolean plaintextClient = outcome.connection() == Connection.PLAINTEXT && from.sidecar();
                if (outcome.decision() != Decision.DENY || plaintextDenied && plaintextClient) {
                    calls.add(new Call(from, outcome.connection(), outcome.decision()));
                }
            }
        }
        return calls;
    }

    /** One caller of a workload: the client (null for outside the mesh), its connection and its verdict. */
    public record Call(Workload from, Connection connection, Decision decision) {}

    /** The engine's outcomes from one workload to each Service port of another. */
    public List<EdgeOutcome> outcomes(Workload from, Workload to) {
        MeshAssessment all = pairs();
        Integer source = sourceIndex.get(from.id());
        if (source == null) {
            return List.of();
        }
        return targetsByWorkload.getOrDefault(to.id(), List.of()).stream()
                .map(t -> all.outcome(t, source))
                .toList();
    }
}
