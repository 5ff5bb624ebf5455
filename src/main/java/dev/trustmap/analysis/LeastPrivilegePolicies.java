package dev.trustmap.analysis;

import dev.trustmap.analysis.LeastPrivilege.Caller;
import dev.trustmap.analysis.LeastPrivilege.DestinationAccess;
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
import java.util.Set;

/** Builds the Istio objects of a least-privilege draft. */
final class LeastPrivilegePolicies {
    static final String PREFIX = "trustmap-";
    private static final String DRY_RUN = "istio.io/dry-run";

    private final MeshSnapshot snapshot;
    private final boolean dryRun;
    private final List<HasMetadata> objects = new ArrayList<>();

    LeastPrivilegePolicies(MeshSnapshot snapshot, boolean dryRun) {
        this.snapshot = snapshot;
        this.dryRun = dryRun;
    }

    List<HasMetadata> objects() {
        return List.copyOf(objects);
    }

    /** The ALLOW (and, where every caller speaks mTLS, STRICT) for one destination. */
    void destination(DestinationAccess access, List<String> covered, List<String> notCovered) {
        Workload workload = access.workload;
        if (!workload.sidecar()) {
            notCovered.add(workload.id() + " has no sidecar: nothing can enforce a policy there");
            return;
        }
        if (workload.labels().isEmpty()) {
            notCovered.add(workload.id() + " has no labels, so no selector can pick it out; no policy drafted");
            return;
        }
        Map<String, List<Caller>> byAccess = new LinkedHashMap<>();
        access.callers
                .values()
                .forEach(c -> byAccess.computeIfAbsent(c.accessKey(), k -> new ArrayList<>())
                        .add(c));
        List<Rule> rules = new ArrayList<>();
        for (List<Caller> same : byAccess.values()) {
            rules.add(rule(same, notCovered, workload));
        }
        objects.add(allow(workload, rules));
        covered.add(workload.id() + ": " + access.callers.size() + " caller(s) on ports " + ports(access));
        if (access.allMtls() && !workload.gateway()) {
            objects.add(strict(workload));
            covered.add(workload.id() + ": STRICT mTLS, every observed caller uses mTLS");
        }
    }

    /** The allow-nothing of a namespace; never in the root namespace, where it would apply to the whole mesh. */
    void namespace(String namespace, Set<Workload> withTraffic, List<String> notCovered) {
        if (namespace.equals(snapshot.meshConfig().rootNamespace())) {
            notCovered.add("namespace " + namespace + " is the root namespace: an allow-nothing there would apply"
                    + " to the whole mesh, so none is drafted");
            return;
        }
        var spec = new io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicy();
        objects.add(new AuthorizationPolicy(
                "security.istio.io/v1", "AuthorizationPolicy", meta(namespace, PREFIX + "allow-nothing"), spec, null));
        snapshot.workloads().stream()
                .filter(w -> w.namespace().equals(namespace) && w.sidecar() && !withTraffic.contains(w))
                .forEach(w -> notCovered.add(
                        w.id() + " received no observed traffic: the allow-nothing denies" + " every request to it"));
    }

    private Rule rule(List<Caller> callers, List<String> notCovered, Workload workload) {
        Caller first = callers.get(0);
        Source source = new Source();
        List<String> principals = callers.stream()
                .map(c -> c.principal)
                .filter(p -> !p.equals(Caller.PLAINTEXT))
                .toList();
        if (principals.size() < callers.size()) {
            source.setNotPrincipals(List.of("*"));
            notCovered.add(workload.id() + ": plaintext callers on ports " + first.ports + " cannot be identified;"
                    + " the draft allows any plaintext caller there");
        } else {
            source.setPrincipals(principals);
        }
        Operation operation = new Operation();
        operation.setPorts(first.ports.stream().map(String::valueOf).toList());
        operation.setMethods(first.methods == null ? null : List.copyOf(first.methods));
        operation.setPaths(first.paths == null ? null : List.copyOf(first.paths));
        return new Rule(List.of(new RuleFrom(source)), List.of(new RuleTo(operation)), List.of());
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

    private static String ports(DestinationAccess access) {
        return access.callers.values().stream()
                .flatMap(c -> c.ports.stream())
                .distinct()
                .sorted()
                .toList()
                .toString();
    }
}
