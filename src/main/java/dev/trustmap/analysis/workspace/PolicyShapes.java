package dev.trustmap.analysis.workspace;

import dev.trustmap.analysis.Selectors;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Workload;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.api.type.v1beta1.WorkloadSelector;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;

/** Builds Istio objects in the shapes Trustmap drafts them (as {@code trustmap generate} does). */
public final class PolicyShapes {
    /** The name prefix of drafted objects. */
    public static final String PREFIX = "trustmap-";

    private PolicyShapes() {}

    /** An empty policy of this action selecting {@code selector} (null: the whole namespace). */
    public static AuthorizationPolicy policy(
            Workload in, String name, AuthorizationPolicyAction action, Map<String, String> selector) {
        return policy(in.namespace(), name, action, selector);
    }

    /** An empty policy of this action in a namespace, selecting {@code selector} (null: the whole namespace). */
    public static AuthorizationPolicy policy(
            String namespace, String name, AuthorizationPolicyAction action, Map<String, String> selector) {
        var spec = new io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicy();
        if (selector != null && !selector.isEmpty()) {
            spec.setSelector(new WorkloadSelector(selector));
        }
        spec.setAction(action);
        spec.setRules(List.of());
        return new AuthorizationPolicy(
                "security.istio.io/v1",
                "AuthorizationPolicy",
                new ObjectMetaBuilder().withNamespace(namespace).withName(name).build(),
                spec,
                null);
    }

    /** The allow-nothing of a namespace: an ALLOW policy without selector and without rules. */
    public static AuthorizationPolicy allowNothing(String namespace) {
        var spec = new io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicy();
        return new AuthorizationPolicy(
                "security.istio.io/v1",
                "AuthorizationPolicy",
                new ObjectMetaBuilder()
                        .withNamespace(namespace)
                        .withName(PREFIX + "allow-nothing")
                        .build(),
                spec,
                null);
    }

    /** Whether a policy denies everything it selects across a whole namespace: ALLOW, no selector, no rules. */
    public static boolean isAllowNothing(AuthorizationPolicy policy) {
        var spec = policy.getSpec();
        if (spec == null) {
            return true;
        }
        boolean allow = spec.getAction() == null || spec.getAction() == AuthorizationPolicyAction.ALLOW;
        boolean wholeNamespace = spec.getSelector() == null
                || spec.getSelector().getMatchLabels() == null
                || spec.getSelector().getMatchLabels().isEmpty();
        boolean noRules = spec.getRules() == null || spec.getRules().isEmpty();
        boolean noTargets =
                (spec.getTargetRefs() == null || spec.getTargetRefs().isEmpty()) && spec.getTargetRef() == null;
        return allow && wholeNamespace && noRules && noTargets;
    }

    /** The smallest label set that selects this workload alone in its namespace: {@code app}, else all labels. */
    public static Map<String, String> selector(MeshSnapshot snapshot, Workload workload) {
        if (workload.labels().isEmpty()) {
            throw new PolicyGestures.GestureException(
                    workload.id() + " has no labels, so no selector can pick it out; add a label to its pods first.");
        }
        return Selectors.uniqueSelector(snapshot, workload);
    }
}
