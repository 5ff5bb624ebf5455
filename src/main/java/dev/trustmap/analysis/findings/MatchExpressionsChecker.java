package dev.trustmap.analysis.findings;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TM204: a selector with {@code matchExpressions}. Istio's WorkloadSelector only has {@code matchLabels}: the
 * expressions are dropped, and a selector left without labels selects every workload of the namespace.
 */
public final class MatchExpressionsChecker implements Checker {

    @Override
    public String code() {
        return "TM204";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String title() {
        return "Selector uses matchExpressions, which Istio ignores";
    }

    @Override
    public List<Finding> check(MeshContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (HasMetadata object : ctx.snapshot().policies()) {
            String field = RawSpec.selectorField(object);
            Map<String, Object> selector = RawSpec.map(RawSpec.of(object), field);
            if (!selector.containsKey("matchExpressions")) {
                continue;
            }
            boolean noLabels = RawSpec.map(selector, "matchLabels").isEmpty();
            findings.add(finding(
                    ResourceRefs.of(object),
                    "spec." + field + ".matchExpressions",
                    "Istio selectors only support matchLabels; matchExpressions is ignored"
                            + (noLabels
                                    ? ", so this " + object.getKind() + " selects every workload of "
                                            + object.getMetadata().getNamespace()
                                    : ", so it selects by matchLabels alone"),
                    "express the selection as matchLabels (add a label to the pods if needed)"));
        }
        return findings;
    }
}
