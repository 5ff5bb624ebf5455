package dev.trustmap.istio;

import dev.trustmap.istio.PeerAuthnPolicy.MtlsMode;
import dev.trustmap.mesh.MeshConfig;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.Workload;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The compiled policies of a mesh, with the lookups the engine makes per workload. */
public final class PolicySet {
    /** Label Istio puts on the pods of a Gateway API gateway. */
    public static final String GATEWAY_NAME_LABEL = "gateway.networking.k8s.io/gateway-name";

    /** Istio's order among competing policies: oldest first, then by name. */
    private static final Comparator<Instant> CREATED = Comparator.nullsFirst(Comparator.naturalOrder());

    private final MeshConfig meshConfig;
    private final List<AuthzPolicy> authzPolicies;
    private final List<PeerAuthnPolicy> peerPolicies;
    private final List<RequestAuthnPolicy> requestPolicies;
    private final List<DestRule> destRules;
    private final Map<String, List<AuthzPolicy>> authzByNamespace;
    private final Map<String, List<PeerAuthnPolicy>> peerByNamespace;

    public PolicySet(
            MeshConfig meshConfig,
            List<AuthzPolicy> authzPolicies,
            List<PeerAuthnPolicy> peerPolicies,
            List<RequestAuthnPolicy> requestPolicies,
            List<DestRule> destRules) {
        this.meshConfig = meshConfig;
        this.authzPolicies = List.copyOf(authzPolicies);
        this.peerPolicies = List.copyOf(peerPolicies);
        this.requestPolicies = List.copyOf(requestPolicies);
        this.destRules = List.copyOf(destRules);
        this.authzByNamespace = this.authzPolicies.stream().collect(Collectors.groupingBy(AuthzPolicy::namespace));
        this.peerByNamespace = this.peerPolicies.stream().collect(Collectors.groupingBy(PeerAuthnPolicy::namespace));
    }

    public MeshConfig meshConfig() {
        return meshConfig;
    }

    public List<AuthzPolicy> authzPolicies() {
        return authzPolicies;
    }

    public List<PeerAuthnPolicy> peerPolicies() {
        return peerPolicies;
    }

    public List<DestRule> destRules() {
        return destRules;
    }

    /** The AuthorizationPolicies that select the workload, dry-run and invalid ones included. */
    public List<AuthzPolicy> authzFor(Workload workload) {
        String root = meshConfig.rootNamespace();
        List<AuthzPolicy> local = authzByNamespace.getOrDefault(workload.namespace(), List.of());
        List<AuthzPolicy> mesh =
                workload.namespace().equals(root) ? List.of() : authzByNamespace.getOrDefault(root, List.of());
        return java.util.stream.Stream.concat(local.stream(), mesh.stream())
                .filter(p -> selects(p, workload))
                .toList();
    }

    /** Whether an AuthorizationPolicy applies to a workload it can reach by namespace. */
    public static boolean selects(AuthzPolicy policy, Workload workload) {
        if (policy.hasTargetRefs()) {
            String gateway = workload.labels().get(GATEWAY_NAME_LABEL);
            return gateway != null
                    && policy.namespace().equals(workload.namespace())
                    && policy.targetGateways().contains(gateway);
        }
        return policy.selector() == null || workload.matches(policy.selector());
    }

    /** The mesh-wide PeerAuthentication: root namespace, no selector, oldest. */
    public Optional<PeerAuthnPolicy> meshPeerAuthn() {
        return oldestPeer(meshConfig.rootNamespace(), p -> p.selector() == null);
    }

    /** The namespace-wide PeerAuthentication of a namespace other than the root: no selector, oldest. */
    public Optional<PeerAuthnPolicy> namespacePeerAuthn(String namespace) {
        if (namespace.equals(meshConfig.rootNamespace())) {
            return Optional.empty();
        }
        return oldestPeer(namespace, p -> p.selector() == null);
    }

    /**
     * The workload's own PeerAuthentication: a selector matching it, outside the root namespace (a selector there
     * is ignored), oldest.
     */
    public Optional<PeerAuthnPolicy> workloadPeerAuthn(Workload workload) {
        if (workload.namespace().equals(meshConfig.rootNamespace())) {
            return Optional.empty();
        }
        return oldestPeer(workload.namespace(), p -> p.selector() != null && workload.matches(p.selector()));
    }

    /** The PeerAuthentications that compete at the same level as the winner but lose to it. */
    public List<PeerAuthnPolicy> shadowedBy(PeerAuthnPolicy winner) {
        return peerPolicies.stream()
                .filter(p -> p != winner && p.namespace().equals(winner.namespace()))
                .filter(p -> Objects.equals(p.selector(), winner.selector())
                        || winner.selector() == null && p.selector() == null)
                .toList();
    }

    /** The oldest PeerAuthentication of {@code namespace} that passes {@code filter} (the engine asks per pair). */
    private Optional<PeerAuthnPolicy> oldestPeer(String namespace, Predicate<PeerAuthnPolicy> filter) {
        return peerByNamespace.getOrDefault(namespace, List.of()).stream()
                .filter(filter)
                .min(Comparator.comparing(PeerAuthnPolicy::created, CREATED).thenComparing(PeerAuthnPolicy::name));
    }

    /** True for the mode a level sets when it is not UNSET. */
    static boolean sets(MtlsMode mode) {
        return mode != null && mode != MtlsMode.UNSET;
    }

    /** RequestAuthentications that apply to the workload (its namespace and the root namespace). */
    public List<RequestAuthnPolicy> requestAuthnFor(Workload workload) {
        String root = meshConfig.rootNamespace();
        return requestPolicies.stream()
                .filter(p -> p.namespace().equals(workload.namespace())
                        || p.namespace().equals(root))
                .filter(p -> p.selector() == null || workload.matches(p.selector()))
                .toList();
    }

    /**
     * The DestinationRule a client uses for a Service, as Istio's sidecar scope picks it: the first namespace in
     * the order client, Service, root that has rules for the host decides. Within it the most specific host wins;
     * a rule whose workload selector matches the client (client namespace only) comes first; otherwise the rules
     * without selector merge, the oldest with a traffic policy providing it. Rules whose selectors miss the client
     * still claim the host: then the client has no rule at all.
     */
    public Optional<DestRule> destRuleFor(Workload client, Service service) {
        String fqdn = service.fqdn();
        for (String namespace :
                new LinkedHashSet<>(List.of(client.namespace(), service.namespace(), meshConfig.rootNamespace()))) {
            boolean own = namespace.equals(client.namespace());
            List<DestRule> candidates = destRules.stream()
                    .filter(d -> d.namespace().equals(namespace) && d.covers(fqdn))
                    .filter(d -> d.visibleTo(client.namespace()) && (own || d.workloadSelector() == null))
                    .toList();
            if (!candidates.isEmpty()) {
                return pick(candidates, client);
            }
        }
        return Optional.empty();
    }

    private static Optional<DestRule> pick(List<DestRule> candidates, Workload client) {
        DestRule specific = candidates.stream()
                .min(Comparator.comparing((DestRule d) -> d.host().startsWith("*") ? 1 : 0)
                        .thenComparing(d -> -d.host().length()))
                .orElseThrow();
        List<DestRule> forHost = candidates.stream()
                .filter(d -> d.host().equals(specific.host()))
                .sorted(Comparator.comparing(DestRule::created, CREATED).thenComparing(DestRule::name))
                .toList();
        Optional<DestRule> selected = forHost.stream()
                .filter(d -> d.workloadSelector() != null && client.matches(d.workloadSelector()))
                .findFirst();
        if (selected.isPresent()) {
            return selected;
        }
        List<DestRule> catchAll =
                forHost.stream().filter(d -> d.workloadSelector() == null).toList();
        return catchAll.stream()
                .filter(DestRule::hasTrafficPolicy)
                .findFirst()
                .or(() -> catchAll.stream().findFirst());
    }
}
