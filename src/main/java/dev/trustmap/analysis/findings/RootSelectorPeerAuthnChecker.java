package dev.trustmap.analysis.findings;

import java.util.List;

/** TM202: a PeerAuthentication with a selector in the root namespace; Istio ignores it. */
public final class RootSelectorPeerAuthnChecker implements Checker {

    @Override
    public String code() {
        return "TM202";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String title() {
        return "Root-namespace PeerAuthentication with a selector is ignored";
    }

    @Override
    public List<Finding> check(MeshContext ctx) {
        String root = ctx.rootNamespace();
        return ctx.policies().peerPolicies().stream()
                .filter(p -> p.selector() != null && p.namespace().equals(root))
                .map(p -> finding(
                        ResourceRefs.of(p),
                        "spec.selector",
                        "a PeerAuthentication with a selector in the root namespace " + root + " is ignored: its mode "
                                + p.mode() + " applies to no workload",
                        "move it to the namespace of the workloads it selects"))
                .toList();
    }
}
