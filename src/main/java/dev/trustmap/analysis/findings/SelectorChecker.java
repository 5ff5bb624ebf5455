package dev.trustmap.analysis.findings;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * TM203: a policy whose {@code matchLabels} selector matches no workload, so it applies nowhere (a typo in a label,
 * or a workload not deployed yet). The root namespace's AuthorizationPolicies and RequestAuthentications look
 * mesh-wide.
 */
public final class SelectorChecker implements Checker {

    @Override
    public String code() {
        return "TM203";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String title() {
        return "Selector matches no workload";
    }

    @Override
    public List<Finding> check(MeshContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (HasMetadata object : ctx.snapshot().policies()) {
            String field = RawSpec.selectorField(object);
            Map<String, String> labels = labels(RawSpec.map(RawSpec.of(object), field));
            if (labels.isEmpty() || rootPeerAuthn(ctx, object)) {
                continue;
            }
            boolean meshWide = object.getMetadata().getNamespace().equals(ctx.rootNamespace())
                    && !"DestinationRule".equals(object.getKind());
            boolean any = ctx.snapshot().workloads().stream()
                    .filter(w -> meshWide
                            || w.namespace().equals(object.getMetadata().getNamespace()))
                    .anyMatch(w -> w.matches(labels));
            if (!any) {
                findings.add(finding(
                        ResourceRefs.of(object),
                        "spec." + field + ".matchLabels",
                        "selector " + labels + " matches no workload "
                                + (meshWide
                                        ? "of the mesh"
                                        : "in " + object.getMetadata().getNamespace()) + ", so the " + object.getKind()
                                + " applies nowhere",
                        "fix the labels to those of the intended pods (kubectl get pods --show-labels)"));
            }
        }
        return findings;
    }

    private static boolean rootPeerAuthn(MeshContext ctx, HasMetadata object) {
        return "PeerAuthentication".equals(object.getKind())
                && object.getMetadata().getNamespace().equals(ctx.rootNamespace());
    }

    private static Map<String, String> labels(Map<String, Object> selector) {
        Map<String, String> labels = new TreeMap<>();
        RawSpec.map(selector, "matchLabels").forEach((k, v) -> labels.put(k, String.valueOf(v)));
        return labels;
    }
}
