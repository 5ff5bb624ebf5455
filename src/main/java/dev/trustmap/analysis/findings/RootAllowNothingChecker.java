package dev.trustmap.analysis.findings;

import dev.trustmap.istio.Action;
import dev.trustmap.istio.AuthzPolicy;
import dev.trustmap.mesh.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * TM210: an allow-nothing (ALLOW without selector or rules) in the root namespace. It applies mesh-wide, gateways
 * included: a gateway no other ALLOW policy opens then denies every request from outside.
 */
public final class RootAllowNothingChecker implements Checker {

    @Override
    public String code() {
        return "TM210";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String title() {
        return "Root-namespace allow-nothing also blocks gateways";
    }

    @Override
    public List<Finding> check(MeshContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (AuthzPolicy policy : ctx.policies().authzPolicies()) {
            if (!allowNothingInRoot(ctx, policy)) {
                continue;
            }
            List<String> blocked = ctx.snapshot().workloads().stream()
                    .filter(Workload::gateway)
                    .filter(g -> !openedByOther(ctx, g))
                    .map(Workload::id)
                    .toList();
            if (!blocked.isEmpty()) {
                findings.add(finding(
                        ResourceRefs.of(policy),
                        "spec",
                        "an allow-nothing in the root namespace " + ctx.rootNamespace() + " applies to gateways too: "
                                + String.join(", ", blocked) + (blocked.size() == 1 ? " now denies" : " now deny")
                                + " every request",
                        "add an ALLOW policy for each gateway (selector on its labels), or put the allow-nothing"
                                + " in each application namespace instead"));
            }
        }
        return findings;
    }

    private static boolean allowNothingInRoot(MeshContext ctx, AuthzPolicy policy) {
        return policy.action() == Action.ALLOW
                && MeshContext.enforced(policy)
                && policy.namespace().equals(ctx.rootNamespace())
                && policy.selector() == null
                && !policy.hasTargetRefs()
                && policy.rules().isEmpty();
    }

    private static boolean openedByOther(MeshContext ctx, Workload gateway) {
        return ctx.engine().policiesSelecting(gateway).stream()
                .anyMatch(p -> p.action() == Action.ALLOW
                        && MeshContext.enforced(p)
                        && !p.rules().isEmpty());
    }
}
