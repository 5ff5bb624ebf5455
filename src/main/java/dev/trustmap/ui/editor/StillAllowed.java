package dev.trustmap.ui.editor;

import dev.trustmap.analysis.EdgeAssessment;
import dev.trustmap.analysis.workspace.PolicyShapes;
import dev.trustmap.engine.AuthzResult;
import dev.trustmap.engine.Decision;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.graph.GraphEdge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * After "Allow only this": the other callers of the destination that an ALLOW policy other than the gesture's still
 * allows. ALLOW policies add up in Istio, so the gesture's ALLOW cannot take their callers back.
 */
final class StillAllowed {
    private StillAllowed() {}

    /** The notice after the gesture: the other ALLOW policies and whom they still allow, or "" when there are none. */
    static String notice(EdgeAssessment chosen, List<GraphEdge> edges, Messages messages) {
        List<String> others = new ArrayList<>();
        by(chosen, edges)
                .forEach((policy, callers) ->
                        others.add(messages.get("editor.notice.stillAllows", policy, String.join(", ", callers))));
        return others.isEmpty()
                ? ""
                : messages.get(
                        "editor.notice.allowOnlyOthers", chosen.request().to().id(), String.join("; ", others));
    }

    /** The callers each other ALLOW policy still allows, from the edges drawn (the draft's verdicts when shown). */
    static Map<String, Set<String>> by(EdgeAssessment chosen, List<GraphEdge> edges) {
        String destination = chosen.request().to().id();
        String ours = chosen.request().to().namespace() + "/" + PolicyShapes.PREFIX + "allow-"
                + chosen.request().to().name();
        Map<String, Set<String>> callersByPolicy = new TreeMap<>();
        for (GraphEdge edge : edges) {
            EdgeAssessment other = edge.assessment();
            AuthzResult authz = other.verdict().authz();
            boolean allowedByAPolicy = other.verdict().decision() != Decision.DENY
                    && "ALLOW".equals(authz.action())
                    && authz.policy() != null
                    && !authz.policy().equals(ours);
            if (allowedByAPolicy
                    && other.request().to().id().equals(destination)
                    && !other.edge().sourceId().equals(chosen.edge().sourceId())) {
                callersByPolicy
                        .computeIfAbsent(authz.policy(), k -> new TreeSet<>())
                        .add(other.edge().sourceId());
            }
        }
        return callersByPolicy;
    }
}
