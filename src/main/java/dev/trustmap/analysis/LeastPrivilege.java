package dev.trustmap.analysis;

import dev.trustmap.analysis.LeastPrivilegeReport.Destination;
import dev.trustmap.analysis.LeastPrivilegeReport.Gap;
import dev.trustmap.analysis.LeastPrivilegeReport.GapKind;
import dev.trustmap.engine.Connection;
import dev.trustmap.engine.Decision;
import dev.trustmap.engine.Engine;
import dev.trustmap.engine.Peer;
import dev.trustmap.engine.Request;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.TrafficEdge;
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
     * @param workloads the workloads ({@code namespace/name}) to draft for instead of whole namespaces; empty means
     *     every workload of the namespaces. With workloads, no namespace allow-nothing is drafted: each workload's
     *     ALLOW already denies what it does not name.
     * @param dryRun whether the drafted AuthorizationPolicies carry {@code istio.io/dry-run: "true"}
     * @param strict whether to draft STRICT PeerAuthentication where every observed caller uses mTLS
     * @param replaceAllows whether to delete the existing ALLOW policies with rules that select drafted workloads
     *     only: they would keep granting what they grant beside the drafted ALLOWs
     */
    public record Options(
            Set<String> namespaces, Set<String> workloads, boolean dryRun, boolean strict, boolean replaceAllows) {
        public Options {
            namespaces = Set.copyOf(namespaces);
            workloads = Set.copyOf(workloads);
        }

        /** Existing ALLOW policies kept (and reported). */
        public Options(Set<String> namespaces, Set<String> workloads, boolean dryRun, boolean strict) {
            this(namespaces, workloads, dryRun, strict, false);
        }

        /** Whole namespaces, with STRICT mTLS where it is safe. */
        public Options(Set<String> namespaces, boolean dryRun) {
            this(namespaces, Set.of(), dryRun, true);
        }

        boolean covers(Workload workload) {
            if (!workloads.isEmpty()) {
                return workloads.contains(workload.id());
            }
            return namespaces.isEmpty() || namespaces.contains(workload.namespace());
        }
    }

    /**
     * The drafted objects and what they cover: per destination its ALLOW and callers, and the gaps.
     *
     * @param destinations the destinations granted access, in the order drafted
     * @param gaps what the draft could not cover, each with its reason
     * @param deletions existing ALLOW policies the draft deletes ({@link Options#replaceAllows}), as they are now
     */
    public record Result(
            List<HasMetadata> policies, List<Destination> destinations, List<Gap> gaps, List<HasMetadata> deletions) {
        public Result {
            policies = List.copyOf(policies);
            destinations = List.copyOf(destinations);
            gaps = List.copyOf(gaps);
            deletions = List.copyOf(deletions);
        }

        /** One sentence per destination (and per STRICT drafted), for the command line. */
        public List<String> covered() {
            List<String> lines = new ArrayList<>();
            for (Destination destination : destinations) {
                int callers = destination.callers().size();
                lines.add(destination.workload() + ": " + callers + (callers == 1 ? " caller" : " callers")
                        + " on container " + (destination.ports().size() == 1 ? "port " : "ports ")
                        + destination.ports());
                if (destination.strict() != null) {
                    lines.add(destination.workload() + ": STRICT mTLS, every observed caller uses mTLS");
                }
            }
            deletions.forEach(d -> lines.add("the ALLOW " + d.getMetadata().getNamespace() + "/"
                    + d.getMetadata().getName() + " is deleted in the draft: the drafted ALLOWs replace it"));
            return lines;
        }

        /**
         * One sentence per gap, for the command line. Ports are container (target) ports throughout, as Istio
         * authorization matches them, not the Service ports callers dial.
         */
        public List<String> notCovered() {
            return gaps.stream().map(Gap::message).toList();
        }
    }

    private LeastPrivilege() {}

    public static Result generate(Engine engine, Traffic traffic, Options options) {
        MeshSnapshot snapshot = engine.snapshot();
        Map<Workload, DestinationAccess> byDestination = new LinkedHashMap<>();
        List<Gap> gaps = new ArrayList<>();
        Set<String> active = new TreeSet<>();
        Set<String> observed = new TreeSet<>();
        for (EdgeAssessment edge : Assessment.of(engine, traffic).edges()) {
            Workload to = edge.request().to();
            active.add(to.namespace());
            observed.add(to.id());
            if (edge.request().from() instanceof Peer.Pod pod) {
                active.add(pod.workload().namespace());
            }
            if (!options.covers(to)) {
                continue;
            }
            if (edge.verdict().decision() == Decision.DENY) {
                gaps.add(new Gap(
                        GapKind.DENIED_NOW,
                        to.id(),
                        edge.edge().sourceId() + " -> " + to.id() + ":"
                                + engine.targetPort(
                                        to,
                                        edge.request().service(),
                                        edge.request().port())
                                + " is denied now; the draft does not grant it"));
                continue;
            }
            byDestination.computeIfAbsent(to, DestinationAccess::new).add(engine, edge);
        }
        LeastPrivilegePolicies draft = new LeastPrivilegePolicies(snapshot, options);
        List<Destination> destinations = new ArrayList<>();
        for (DestinationAccess access : byDestination.values()) {
            access.denied.forEach(line -> gaps.add(new Gap(GapKind.DENIED_NOW, access.workload.id(), line)));
            draft.destination(access, gaps).ifPresent(destinations::add);
        }
        Set<String> drafted = new TreeSet<>();
        if (options.workloads().isEmpty()) {
            drafted.addAll(namespaces(options, byDestination.keySet()));
            for (String namespace : drafted) {
                draft.namespace(namespace, active.contains(namespace), observed, gaps);
            }
        } else {
            unobserved(options.workloads(), byDestination.keySet(), gaps);
        }
        List<HasMetadata> deletions =
                new OtherAllows(engine, destinations, drafted).settle(options.replaceAllows(), draft.objects(), gaps);
        return new Result(draft.objects(), destinations, gaps, deletions);
    }

    private static Set<String> namespaces(Options options, Set<Workload> destinations) {
        if (!options.namespaces().isEmpty()) {
            return new TreeSet<>(options.namespaces());
        }
        Set<String> namespaces = new TreeSet<>();
        destinations.forEach(w -> namespaces.add(w.namespace()));
        return namespaces;
    }

    private static void unobserved(Set<String> chosen, Set<Workload> withTraffic, List<Gap> gaps) {
        Set<String> seen = new TreeSet<>();
        withTraffic.forEach(w -> seen.add(w.id()));
        new TreeSet<>(chosen)
                .stream()
                        .filter(id -> !seen.contains(id))
                        .forEach(id -> gaps.add(new Gap(
                                GapKind.NO_TRAFFIC,
                                id,
                                id + " received no observed traffic in this window: nothing drafted for it")));
    }

    /** What one destination workload was observed to receive, grouped by caller. */
    static final class DestinationAccess {
        final Workload workload;
        /**
         * Callers by principal and by TCP or HTTP (an HTTP-only field would make Istio drop the rule for TCP);
         * plaintext callers under {@link Caller#PLAINTEXT}.
         */
        final Map<String, Caller> callers = new LinkedHashMap<>();
        /** Requests of partly allowed edges that are denied now, for the report. */
        final List<String> denied = new ArrayList<>();
        /** The callers seen without mTLS, with why they have no identity. */
        final Map<String, String> plaintext = new java.util.TreeMap<>();

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
            if (tcp) {
                caller.add(port, Set.of(), Set.of());
            } else {
                addRequests(engine, edge, caller, port);
            }
            String source = edge.edge().sourceId();
            caller.sources.add(source);
            if (!mtls) {
                plaintext.put(source, withoutIdentity(edge.request().from()));
            }
        }

        /**
         * The edge's methods and paths, as seen together. An edge that is only partly allowed now (some method and
         * path combinations denied) grants the allowed combinations alone and reports the others.
         */
        private void addRequests(Engine engine, EdgeAssessment edge, Caller caller, int port) {
            TrafficEdge seen = edge.edge();
            boolean mixed = edge.verdict().decision() != Decision.ALLOW
                    && (!seen.methods().isEmpty() || !seen.paths().isEmpty());
            if (!mixed) {
                caller.add(port, seen.methods(), seen.paths());
                return;
            }
            for (String method : orUnknown(seen.methods())) {
                for (String path : orUnknown(seen.paths())) {
                    Request general = edge.request();
                    Request request = new Request(
                            general.from(),
                            general.to(),
                            general.service(),
                            general.port(),
                            general.protocol(),
                            method,
                            path,
                            null,
                            null,
                            general.jwt());
                    if (engine.evaluate(request).decision() == Decision.DENY) {
                        denied.add(seen.sourceId() + " -> " + workload.id() + ":" + port + " "
                                + (method == null ? "" : method + " ") + (path == null ? "" : path)
                                + " is denied now; the draft does not grant it");
                    } else {
                        caller.add(
                                port,
                                method == null ? Set.of() : Set.of(method),
                                path == null ? Set.of() : Set.of(path));
                    }
                }
            }
        }

        private static List<String> orUnknown(Set<String> values) {
            return values.isEmpty()
                    ? java.util.Collections.singletonList(null)
                    : new ArrayList<>(new TreeSet<>(values));
        }

        /** Why a plaintext caller has no identity to name. */
        private static String withoutIdentity(Peer from) {
            if (from instanceof Peer.Pod pod) {
                return pod.workload().sidecar() ? "plaintext" : "no sidecar";
            }
            return "outside the mesh";
        }

        boolean allMtls() {
            return callers.values().stream().noneMatch(c -> c.principal.equals(Caller.PLAINTEXT));
        }

        /** The plaintext callers with why each has no identity, e.g. {@code unknown (outside the mesh)}. */
        String plaintextCallers() {
            List<String> named = new ArrayList<>();
            plaintext.forEach((source, why) -> named.add(source + " (" + why + ")"));
            return String.join(", ", named);
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

    /**
     * What one caller identity was seen doing: ports, and per path (generalized) the methods seen on it. A path the
     * traffic source did not know is {@link #ANY_PATH}; methods it did not know are null (any), so only what was
     * seen together is granted together.
     */
    // TODO(#5): ports are kept per caller, not per path: a caller seen on two HTTP ports gets each path on both. And a
    // path generalized to a template ({*}) is granted whole even when one of its concrete paths is denied now.
    static final class Caller {
        static final String PLAINTEXT = "";
        static final String ANY_PATH = "";

        final String principal;
        final Set<String> sources = new TreeSet<>();
        final Set<Integer> ports = new TreeSet<>();
        final Map<String, Set<String>> methodsByPath = new java.util.TreeMap<>();

        Caller(String principal) {
            this.principal = principal;
        }

        void add(int port, Set<String> seenMethods, Set<String> seenPaths) {
            ports.add(port);
            Set<String> paths = new TreeSet<>();
            seenPaths.forEach(p -> paths.add(generalize(p)));
            if (paths.isEmpty()) {
                paths.add(ANY_PATH);
            }
            for (String path : paths) {
                boolean known = methodsByPath.containsKey(path);
                Set<String> methods = methodsByPath.get(path);
                if (seenMethods.isEmpty() || known && methods == null) {
                    methodsByPath.put(path, null);
                } else {
                    Set<String> all = methods == null ? new TreeSet<>() : methods;
                    all.addAll(seenMethods);
                    methodsByPath.put(path, all);
                }
            }
        }

        /** Every method granted, or empty when some path allows any method. */
        Set<String> methods() {
            if (methodsByPath.containsValue(null)) {
                return Set.of();
            }
            Set<String> all = new TreeSet<>();
            methodsByPath.values().forEach(all::addAll);
            return all;
        }

        /** Every path granted, or empty when any path is. */
        Set<String> paths() {
            return methodsByPath.containsKey(ANY_PATH) ? Set.of() : methodsByPath.keySet();
        }

        /** What the rule for this caller allows besides the identity: same key, same rule. */
        String accessKey() {
            return ports + "|" + methodsByPath;
        }
    }
}
