package dev.trustmap.analysis;

import dev.trustmap.analysis.LeastPrivilege.Caller;
import dev.trustmap.analysis.LeastPrivilege.DestinationAccess;
import dev.trustmap.analysis.LeastPrivilegeReport.Destination;
import dev.trustmap.analysis.LeastPrivilegeReport.Gap;
import dev.trustmap.analysis.LeastPrivilegeReport.GapKind;
import dev.trustmap.analysis.LeastPrivilegeReport.ObservedCaller;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Workload;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.api.security.v1beta1.Operation;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLS;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLSMode;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import io.fabric8.istio.api.api.security.v1beta1.RuleFrom;
import io.fabric8.istio.api.api.security.v1beta1.RuleTo;
import io.fabric8.istio.api.api.security.v1beta1.Source;
import io.fabric8.istio.api.api.type.v1beta1.WorkloadSelector;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds the Istio objects of a least-privilege draft. */
final class LeastPrivilegePolicies {
    static final String PREFIX = "trustmap-";
    private static final String DRY_RUN = "istio.io/dry-run";

    private final MeshSnapshot snapshot;
    private final boolean dryRun;
    private final boolean strict;
    private final List<HasMetadata> objects = new ArrayList<>();

    LeastPrivilegePolicies(MeshSnapshot snapshot, LeastPrivilege.Options options) {
        this.snapshot = snapshot;
        this.dryRun = options.dryRun();
        this.strict = options.strict();
    }

    List<HasMetadata> objects() {
        return List.copyOf(objects);
    }

    /** The ALLOW (and, where every caller speaks mTLS, STRICT) for one destination; empty when none can be drafted. */
    Optional<Destination> destination(DestinationAccess access, List<Gap> gaps) {
        Workload workload = access.workload;
        if (!workload.sidecar()) {
            gaps.add(new Gap(
                    GapKind.NO_SIDECAR,
                    workload.id(),
                    workload.id() + " has no sidecar: nothing can enforce a policy there"));
            return Optional.empty();
        }
        if (workload.labels().isEmpty()) {
            gaps.add(new Gap(
                    GapKind.NO_LABELS,
                    workload.id(),
                    workload.id() + " has no labels, so no selector can pick it out; no policy drafted"));
            return Optional.empty();
        }
        Map<String, List<Caller>> byAccess = new LinkedHashMap<>();
        access.callers
                .values()
                .forEach(c -> byAccess.computeIfAbsent(c.accessKey(), k -> new ArrayList<>())
                        .add(c));
        List<Rule> rules = new ArrayList<>();
        for (List<Caller> same : byAccess.values()) {
            rules.add(rule(same, access, gaps));
        }
        AuthorizationPolicy allow = allow(workload, rules);
        objects.add(allow);
        String strictName = strict(access, gaps);
        return Optional.of(new Destination(
                workload.id(),
                allow.getMetadata().getName(),
                strictName,
                access.callers.values().stream()
                        .map(LeastPrivilegePolicies::observed)
                        .toList()));
    }

    /** The STRICT PeerAuthentication's name when one is drafted, else null (with the gap why, when asked for). */
    private String strict(DestinationAccess access, List<Gap> gaps) {
        Workload workload = access.workload;
        if (!strict) {
            return null;
        }
        if (workload.gateway()) {
            gaps.add(new Gap(
                    GapKind.NO_STRICT,
                    workload.id(),
                    workload.id() + " is a gateway: no STRICT mTLS drafted, its clients come from outside the mesh"));
            return null;
        }
        if (!access.allMtls()) {
            gaps.add(new Gap(
                    GapKind.NO_STRICT,
                    workload.id(),
                    workload.id() + ": no STRICT mTLS, these callers do not use mTLS: " + access.plaintextCallers()));
            return null;
        }
        PeerAuthentication peerAuthentication = strict(workload);
        objects.add(peerAuthentication);
        return peerAuthentication.getMetadata().getName();
    }

    private static ObservedCaller observed(Caller caller) {
        return new ObservedCaller(
                caller.sources,
                caller.principal.equals(Caller.PLAINTEXT) ? null : caller.principal,
                caller.ports,
                caller.methods(),
                caller.paths());
    }

    /**
     * The allow-nothing of a namespace; never in the root namespace, where it would apply to the whole mesh, nor in
     * a namespace without any observed traffic (the window most likely missed it rather than nobody calling), nor
     * where no workload has a sidecar to enforce it, nor a second one where the namespace already has one.
     *
     * @param observed the workloads ({@code namespace/name}) that received any observed traffic, denied or not
     */
    void namespace(String namespace, boolean active, Set<String> observed, List<Gap> gaps) {
        if (namespace.equals(snapshot.meshConfig().rootNamespace())) {
            gaps.add(new Gap(
                    GapKind.ROOT_NAMESPACE,
                    namespace,
                    "namespace " + namespace + " is the root namespace: an allow-nothing there would apply"
                            + " to the whole mesh, so none is drafted"));
            return;
        }
        List<Workload> members = snapshot.workloads().stream()
                .filter(w -> w.namespace().equals(namespace) && w.sidecar())
                .toList();
        if (!active) {
            gaps.add(new Gap(
                    GapKind.NO_TRAFFIC,
                    namespace,
                    "namespace " + namespace + " had no observed traffic in this window: nothing drafted (an"
                            + " allow-nothing would deny every request to its " + members.size()
                            + (members.size() == 1 ? " workload)" : " workloads)")));
            return;
        }
        if (members.isEmpty()) {
            gaps.add(new Gap(
                    GapKind.NO_SIDECAR,
                    namespace,
                    "namespace " + namespace + " has no workload with a sidecar: nothing would enforce an"
                            + " allow-nothing there, so none is drafted"));
            return;
        }
        Optional<String> existing = existingAllowNothing(namespace);
        if (existing.isPresent()) {
            gaps.add(new Gap(
                    GapKind.ALLOW_NOTHING_EXISTS,
                    namespace,
                    "namespace " + namespace + " already has an allow-nothing (" + existing.get()
                            + "): no second one drafted"));
        } else {
            var spec = new io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicy();
            objects.add(new AuthorizationPolicy(
                    "security.istio.io/v1",
                    "AuthorizationPolicy",
                    meta(namespace, PREFIX + "allow-nothing"),
                    spec,
                    null));
        }
        String by = existing.orElse("the allow-nothing");
        members.stream()
                .filter(w -> !observed.contains(w.id()))
                .forEach(w -> gaps.add(new Gap(
                        GapKind.UNOBSERVED_WORKLOAD,
                        w.id(),
                        w.id() + " received no observed traffic: " + by + " denies every request to it")));
    }

    /** The name of an ALLOW in the namespace without selector, targets or rules: it already denies what is unnamed. */
    private Optional<String> existingAllowNothing(String namespace) {
        return snapshot.policies().stream()
                .filter(p -> p instanceof AuthorizationPolicy)
                .map(p -> (AuthorizationPolicy) p)
                .filter(p -> namespace.equals(p.getMetadata().getNamespace()))
                .filter(LeastPrivilegePolicies::allowsNothing)
                .map(p -> p.getMetadata().getName())
                .sorted()
                .findFirst();
    }

    private static boolean allowsNothing(AuthorizationPolicy policy) {
        var spec = policy.getSpec();
        if (spec == null) {
            return true;
        }
        boolean allow = spec.getAction() == null || spec.getAction() == AuthorizationPolicyAction.ALLOW;
        boolean wholeNamespace = spec.getSelector() == null
                || spec.getSelector().getMatchLabels() == null
                || spec.getSelector().getMatchLabels().isEmpty();
        boolean noTargets =
                (spec.getTargetRefs() == null || spec.getTargetRefs().isEmpty()) && spec.getTargetRef() == null;
        boolean dryRun = policy.getMetadata().getAnnotations() != null
                && "true".equals(policy.getMetadata().getAnnotations().get("istio.io/dry-run"));
        return allow
                && wholeNamespace
                && noTargets
                && !dryRun
                && (spec.getRules() == null || spec.getRules().isEmpty());
    }

    private Rule rule(List<Caller> callers, DestinationAccess access, List<Gap> gaps) {
        Caller first = callers.get(0);
        Source source = new Source();
        List<String> principals = callers.stream()
                .map(c -> c.principal)
                .filter(p -> !p.equals(Caller.PLAINTEXT))
                .toList();
        if (principals.size() < callers.size()) {
            source.setNotPrincipals(List.of("*"));
            gaps.add(new Gap(
                    GapKind.NO_IDENTITY,
                    access.workload.id(),
                    access.workload.id() + ": callers without identity on ports " + first.ports + " ("
                            + access.plaintextCallers() + ") cannot be told apart; the draft allows any plaintext"
                            + " caller there"));
        } else {
            source.setPrincipals(principals);
        }
        return new Rule(List.of(new RuleFrom(source)), operations(first), List.of());
    }

    /**
     * The operations of one caller's access: paths seen with the same methods share one, so a method is granted only
     * on the paths it was seen on (Istio ORs the operations of a rule).
     */
    private static List<RuleTo> operations(Caller caller) {
        Map<String, List<String>> pathsByMethods = new LinkedHashMap<>();
        Map<String, Set<String>> methodsOf = new LinkedHashMap<>();
        caller.methodsByPath.forEach((path, methods) -> {
            String key = String.valueOf(methods);
            pathsByMethods.computeIfAbsent(key, k -> new ArrayList<>()).add(path);
            methodsOf.put(key, methods);
        });
        List<RuleTo> operations = new ArrayList<>();
        pathsByMethods.forEach((key, paths) -> {
            Set<String> methods = methodsOf.get(key);
            Operation operation = new Operation();
            operation.setPorts(caller.ports.stream().map(String::valueOf).toList());
            operation.setMethods(methods == null ? null : List.copyOf(methods));
            operation.setPaths(paths.contains(Caller.ANY_PATH) ? null : List.copyOf(paths));
            operations.add(new RuleTo(operation));
        });
        return operations;
    }

    private AuthorizationPolicy allow(Workload workload, List<Rule> rules) {
        var spec = new io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicy();
        spec.setSelector(new WorkloadSelector(selector(workload)));
        spec.setAction(AuthorizationPolicyAction.ALLOW);
        spec.setRules(rules);
        return new AuthorizationPolicy(
                "security.istio.io/v1",
                "AuthorizationPolicy",
                meta(workload.namespace(), PREFIX + "allow-" + workload.name()),
                spec,
                null);
    }

    private PeerAuthentication strict(Workload workload) {
        var spec = new io.fabric8.istio.api.api.security.v1beta1.PeerAuthentication();
        spec.setSelector(new WorkloadSelector(selector(workload)));
        spec.setMtls(new PeerAuthenticationMutualTLS(PeerAuthenticationMutualTLSMode.STRICT));
        ObjectMeta meta = new ObjectMetaBuilder()
                .withNamespace(workload.namespace())
                .withName(PREFIX + "strict-" + workload.name())
                .build();
        return new PeerAuthentication("security.istio.io/v1", "PeerAuthentication", meta, spec, null);
    }

    private Map<String, String> selector(Workload workload) {
        return Selectors.uniqueSelector(snapshot, workload);
    }

    private ObjectMeta meta(String namespace, String name) {
        ObjectMetaBuilder meta =
                new ObjectMetaBuilder().withNamespace(namespace).withName(name);
        if (dryRun) {
            meta.withAnnotations(Map.of(DRY_RUN, "true"));
        }
        return meta.build();
    }
}
