package dev.trustmap.analysis;

import dev.trustmap.engine.Connection;
import dev.trustmap.engine.Decision;
import dev.trustmap.engine.Engine;
import dev.trustmap.engine.Peer;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.Workload;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Drafts least-privilege policies from observed traffic: per destination workload an ALLOW naming the callers'
 * principals and the container ports they used (methods and paths where the traffic source knows them), an
 * allow-nothing per namespace, and STRICT mTLS where every observed caller already speaks mTLS. Traffic the
 * current policies deny is not granted. Reports what it covered and what it could not.
 */
public final class LeastPrivilege {

    /**
     * @param namespaces the namespaces to draft for; empty means every namespace that receives observed traffic
     * @param dryRun whether the drafted AuthorizationPolicies carry {@code istio.io/dry-run: "true"}
     */
    public record Options(Set<String> namespaces, boolean dryRun) {
        public Options {
            namespaces = Set.copyOf(namespaces);
        }
    }

    /** The drafted objects, with sentences on what they cover and what they leave out. */
    public record Result(List<HasMetadata> policies, List<String> covered, List<String> notCovered) {}

    private LeastPrivilege() {}

    public static Result generate(Engine engine, Traffic traffic, Options options) {
        MeshSnapshot snapshot = engine.snapshot();
        Map<Workload, DestinationAccess> byDestination = new LinkedHashMap<>();
        List<String> notCovered = new ArrayList<>();
        for (EdgeAssessment edge : Assessment.of(engine, traffic).edges()) {
            Workload to = edge.request().to();
            if (!inScope(options, snapshot, to.namespace())) {
                continue;
            }
            if (edge.verdict().decision() == Decision.DENY) {
                notCovered.add(edge.edge().sourceId() + " -> " + to.id() + ":"
                        + edge.edge().port() + " is denied now; the draft does not grant it");
                continue;
            }
            byDestination.computeIfAbsent(to, DestinationAccess::new).add(engine, edge);
        }
        LeastPrivilegePolicies draft = new LeastPrivilegePolicies(snapshot, options.dryRun());
        List<String> covered = new ArrayList<>();
        for (DestinationAccess access : byDestination.values()) {
            draft.destination(access, covered, notCovered);
        }
        for (String namespace : namespaces(options, snapshot, byDestination.keySet())) {
            draft.namespace(namespace, byDestination.keySet(), notCovered);
        }
        return new Result(draft.objects(), covered, notCovered);
    }

    private static boolean inScope(Options options, MeshSnapshot snapshot, String namespace) {
        return options.namespaces().isEmpty() || options.namespaces().contains(namespace);
    }

    private static Set<String> namespaces(Options options, MeshSnapshot snapshot, Set<Workload> destinations) {
        if (!options.namespaces().isEmpty()) {
            return new TreeSet<>(options.namespaces());
        }
        Set<String> namespaces = new TreeSet<>();
        destinations.forEach(w -> namespaces.add(w.namespace()));
        return namespaces;
    }

    /** What one destination workload was observed to receive, grouped by caller. */
    static final class DestinationAccess {
        final Workload workload;
        /**
         * Callers by principal and by TCP or HTTP (an HTTP-only field would make Istio drop the rule for TCP);
         * plaintext callers under {@link Caller#PLAINTEXT}.
         */
        final Map<String, Caller> callers = new LinkedHashMap<>();

        DestinationAccess(Workload workload) {
            this.workload = workload;
        }

        void add(Engine engine, EdgeAssessment edge) {
            boolean mtls = edge.verdict().connection().connection() == Connection.MTLS;
            String principal = mtls && edge.request().from() instanceof Peer.Pod pod
                    ? pod.workload()
                            .identity(engine.policies().meshConfig().trustDomain())
                            .principal()
                    : Caller.PLAINTEXT;
            boolean tcp = !engine.protocol(edge.request()).isHttp();
            int port = engine.targetPort(
                    workload, edge.request().service(), edge.request().port());
            Caller caller = callers.computeIfAbsent(principal + (tcp ? "|tcp" : "|http"), k -> new Caller(principal));
            caller.add(
                    port,
                    tcp ? Set.of() : edge.edge().methods(),
                    tcp ? Set.of() : edge.edge().paths());
        }

        boolean allMtls() {
            return callers.values().stream().noneMatch(c -> c.principal.equals(Caller.PLAINTEXT));
        }
    }

    private static final java.util.regex.Pattern ID_SEGMENT =
            java.util.regex.Pattern.compile("\\d+|(?=.*\\d)[0-9a-fA-F-]{8,}");

    /**
     * A path with its id-like segments (numbers, UUIDs, long hex) as {@code {*}} templates, so that
     * {@code /orders/17} also allows {@code /orders/18}; the query string is dropped.
     */
    static String generalize(String path) {
        String bare = path.split("[?#]", 2)[0];
        String[] segments = bare.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (ID_SEGMENT.matcher(segments[i]).matches()) {
                segments[i] = "{*}";
            }
        }
        return String.join("/", segments);
    }

    /** What one caller identity was seen doing: ports, and methods and paths when every edge knew them. */
    static final class Caller {
        static final String PLAINTEXT = "";

        final String principal;
        final Set<Integer> ports = new TreeSet<>();
        Set<String> methods = new TreeSet<>();
        Set<String> paths = new TreeSet<>();

        Caller(String principal) {
            this.principal = principal;
        }

        void add(int port, Set<String> seenMethods, Set<String> seenPaths) {
            ports.add(port);
            methods = seenMethods.isEmpty() || methods == null ? null : union(methods, seenMethods);
            Set<String> general = new TreeSet<>();
            seenPaths.forEach(p -> general.add(generalize(p)));
            paths = seenPaths.isEmpty() || paths == null ? null : union(paths, general);
        }

        private static Set<String> union(Set<String> a, Set<String> b) {
            Set<String> all = new TreeSet<>(a);
            all.addAll(b);
            return all;
        }

        /** What the rule for this caller allows besides the identity: same key, same rule. */
        String accessKey() {
            return ports + "|" + methods + "|" + paths;
        }
    }
}
