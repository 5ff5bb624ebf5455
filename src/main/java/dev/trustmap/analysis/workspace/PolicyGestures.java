package dev.trustmap.analysis.workspace;

import dev.trustmap.analysis.EdgeAssessment;
import dev.trustmap.analysis.ResourceKey;
import dev.trustmap.engine.Engine;
import dev.trustmap.engine.Peer;
import dev.trustmap.engine.Request;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.Workload;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.api.security.v1beta1.Operation;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import io.fabric8.istio.api.api.security.v1beta1.RuleFrom;
import io.fabric8.istio.api.api.security.v1beta1.RuleTo;
import io.fabric8.istio.api.api.security.v1beta1.Source;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The policy edits behind the graph's gestures, in the shapes {@code trustmap generate} drafts: per destination
 * workload one ALLOW ({@code trustmap-allow-NAME}) and one DENY ({@code trustmap-deny-NAME}) that gestures add rules
 * to, and a namespace allow-nothing ({@code trustmap-allow-nothing}). A rule names the caller's principal (or, for a
 * plaintext caller, which has none, {@code notPrincipals: ["*"]}) and the container port.
 */
public final class PolicyGestures {
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final Engine engine;
    private final MeshSnapshot snapshot;

    /** Gestures over the effective mesh (current policies with the draft), whose objects they extend. */
    public PolicyGestures(Engine effective) {
        this.engine = effective;
        this.snapshot = effective.snapshot();
    }

    /** "Allow only this": an ALLOW for the destination naming this caller and port, and the namespace allow-nothing. */
    public List<HasMetadata> allowOnly(EdgeAssessment edge) {
        Request request = edge.request();
        Rule rule = rule(request, edge.verdict().mtls());
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(withRule(request.to(), AuthorizationPolicyAction.ALLOW, "allow", rule));
        if (!hasAllowNothing(request.to().namespace()) && !isRoot(request.to().namespace())) {
            objects.add(PolicyShapes.allowNothing(request.to().namespace()));
        }
        return objects;
    }

    /** "Deny this": a DENY for the destination from this caller on this port. */
    public List<HasMetadata> deny(EdgeAssessment edge) {
        Request request = edge.request();
        return List.of(withRule(
                request.to(),
                AuthorizationPolicyAction.DENY,
                "deny",
                rule(request, edge.verdict().mtls())));
    }

    /** Intended traffic drawn on the graph: the caller's principal added to the destination's ALLOW. */
    public List<HasMetadata> intend(IntendedEdge intended) {
        Workload from = workload(intended.from());
        Workload to = workload(intended.to());
        Service service = snapshot.service(to.namespace(), intended.service()).orElse(null);
        Request request = Request.edge(new Peer.Pod(from), to, service, intended.port());
        boolean mtls = engine.evaluate(request).mtls();
        return List.of(withRule(to, AuthorizationPolicyAction.ALLOW, "allow", rule(request, mtls)));
    }

    /** Default deny for a namespace: an allow-nothing. Refused for the root namespace (it would cover the mesh). */
    public List<HasMetadata> defaultDeny(String namespace) {
        if (isRoot(namespace)) {
            throw new GestureException("namespace " + namespace + " is the mesh's root namespace: an allow-nothing"
                    + " there would deny every request in the mesh. Choose an application namespace.");
        }
        return hasAllowNothing(namespace) ? List.of() : List.of(PolicyShapes.allowNothing(namespace));
    }

    private Rule rule(Request request, boolean mtls) {
        Source source = new Source();
        if (mtls && request.from() instanceof Peer.Pod pod) {
            source.setPrincipals(List.of(
                    pod.workload().identity(snapshot.meshConfig().trustDomain()).principal()));
        } else {
            source.setNotPrincipals(List.of("*"));
        }
        Operation operation = new Operation();
        operation.setPorts(List.of(String.valueOf(engine.targetPort(request.to(), request.service(), request.port()))));
        return new Rule(List.of(new RuleFrom(source)), List.of(new RuleTo(operation)), List.of());
    }

    private AuthorizationPolicy withRule(Workload to, AuthorizationPolicyAction action, String verb, Rule rule) {
        String name = PolicyShapes.PREFIX + verb + "-" + to.name();
        Optional<AuthorizationPolicy> existing = effective("AuthorizationPolicy " + to.namespace() + "/" + name);
        AuthorizationPolicy policy = existing.map(SERIALIZATION::clone)
                .orElseGet(() -> PolicyShapes.policy(to, name, action, PolicyShapes.selector(snapshot, to)));
        List<Rule> rules = new ArrayList<>(
                policy.getSpec().getRules() == null
                        ? List.of()
                        : policy.getSpec().getRules());
        if (!rules.contains(rule)) {
            rules.add(rule);
        }
        policy.getSpec().setRules(rules);
        return policy;
    }

    private Optional<AuthorizationPolicy> effective(String key) {
        return snapshot.policies().stream()
                .filter(p ->
                        p instanceof AuthorizationPolicy && ResourceKey.of(p).equals(key))
                .map(AuthorizationPolicy.class::cast)
                .findFirst();
    }

    /** Whether the namespace already has an allow-nothing (then {@link #defaultDeny} adds nothing). */
    public boolean hasAllowNothing(String namespace) {
        return snapshot.policies().stream()
                .filter(p -> p instanceof AuthorizationPolicy)
                .map(AuthorizationPolicy.class::cast)
                .filter(p -> namespace.equals(p.getMetadata().getNamespace()))
                .anyMatch(PolicyShapes::isAllowNothing);
    }

    private boolean isRoot(String namespace) {
        return namespace.equals(snapshot.meshConfig().rootNamespace());
    }

    private Workload workload(String id) {
        String[] parts = id.split("/", 2);
        return snapshot.workload(parts[0], parts[1])
                .orElseThrow(() -> new GestureException("no workload " + id + " in the mesh"));
    }

    /** A gesture that cannot be turned into a policy; the message says why, for the user. */
    public static final class GestureException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public GestureException(String message) {
            super(message);
        }
    }
}
