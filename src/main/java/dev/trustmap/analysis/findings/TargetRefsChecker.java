package dev.trustmap.analysis.findings;

import dev.trustmap.istio.PolicySet;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TM211: an AuthorizationPolicy with {@code targetRef(s)} that sidecars ignore: sidecars never enforce a policy with
 * target references; Gateway API gateways do, for {@code kind: Gateway}. A Service or ServiceEntry target needs an
 * ambient waypoint, and a Gateway target without gateway pods applies nowhere.
 */
public final class TargetRefsChecker implements Checker {

    @Override
    public String code() {
        return "TM211";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String title() {
        return "targetRefs that sidecars ignore";
    }

    @Override
    public List<Finding> check(MeshContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (AuthorizationPolicy policy : ctx.objects(AuthorizationPolicy.class)) {
            Map<String, Object> spec = RawSpec.of(policy);
            if (!RawSpec.map(spec, "targetRef").isEmpty()) {
                check(ctx, policy, RawSpec.map(spec, "targetRef"), "spec.targetRef", findings);
            }
            List<?> refs = RawSpec.list(spec, "targetRefs");
            for (int i = 0; i < refs.size(); i++) {
                if (refs.get(i) instanceof Map<?, ?> ref) {
                    check(ctx, policy, ref, "spec.targetRefs[" + i + "]", findings);
                }
            }
        }
        return findings;
    }

    private void check(MeshContext ctx, AuthorizationPolicy policy, Map<?, ?> ref, String path, List<Finding> out) {
        String kind = String.valueOf(ref.get("kind"));
        String name = String.valueOf(ref.get("name"));
        String namespace = policy.getMetadata().getNamespace();
        if (!"Gateway".equals(kind)) {
            out.add(finding(
                    ResourceRefs.of(policy),
                    path,
                    "targetRef to " + kind + " " + name + " is enforced only by an ambient waypoint; sidecars ignore"
                            + " policies with targetRefs, so in a sidecar mesh this policy applies to nothing",
                    "use spec.selector with the workload's labels instead"));
            return;
        }
        boolean pods = ctx.snapshot().workloads().stream()
                .anyMatch(w -> w.namespace().equals(namespace)
                        && name.equals(w.labels().get(PolicySet.GATEWAY_NAME_LABEL)));
        if (!pods) {
            out.add(finding(
                    ResourceRefs.of(policy),
                    path,
                    "no pods of Gateway " + name + " run in " + namespace + " (label "
                            + PolicySet.GATEWAY_NAME_LABEL + "=" + name + "), and sidecars ignore policies with"
                            + " targetRefs: this policy applies to nothing",
                    "check the Gateway's name and namespace, or use spec.selector for sidecar workloads"));
        }
    }
}
