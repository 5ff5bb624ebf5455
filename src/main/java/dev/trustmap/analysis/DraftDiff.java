package dev.trustmap.analysis;

import dev.trustmap.engine.Decision;
import dev.trustmap.engine.EdgeOutcome;
import dev.trustmap.engine.Engine;
import dev.trustmap.engine.Verdict;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.mesh.Workload;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a draft policy set changes against the current one: observed traffic it would deny ("would break", with
 * its rate), pairs of workloads it newly lets through ("opens"), and the resources it adds, removes or edits.
 */
public final class DraftDiff {

    /** An observed edge whose verdict changes. */
    public record EdgeChange(TrafficEdge edge, Verdict before, Verdict after) {}

    /** A client and a destination port that the draft opens: denied before, allowed (or conditional) after. */
    public record Opening(Workload from, MeshAssessment.Target to, EdgeOutcome after) {}

    /** A resource the draft adds, removes or edits; {@code before} or {@code after} is null when absent. */
    public record ResourceChange(String key, HasMetadata before, HasMetadata after) {}

    private final List<EdgeChange> wouldBreak;
    private final List<EdgeChange> changed;
    private final List<Opening> opens;
    private final List<ResourceChange> resources;

    private DraftDiff(
            List<EdgeChange> wouldBreak, List<EdgeChange> changed, List<Opening> opens, List<ResourceChange> res) {
        this.wouldBreak = List.copyOf(wouldBreak);
        this.changed = List.copyOf(changed);
        this.opens = List.copyOf(opens);
        this.resources = List.copyOf(res);
    }

    /** Compares a draft snapshot (same workloads, other policies) with the current one. */
    public static DraftDiff compare(MeshSnapshot current, MeshSnapshot draft, Traffic traffic) {
        Engine before = Engine.of(current);
        Engine after = Engine.of(draft);
        List<ResourceChange> resources = resourceChanges(current.policies(), draft.policies());
        List<EdgeChange> breaks = new ArrayList<>();
        List<EdgeChange> changed = new ArrayList<>();
        Map<TrafficEdge, Verdict> was = verdicts(Assessment.of(before, traffic));
        for (EdgeAssessment edge : Assessment.of(after, traffic).edges()) {
            Verdict old = was.get(edge.edge());
            if (old == null || old.decision() == edge.verdict().decision()) {
                continue;
            }
            EdgeChange change = new EdgeChange(edge.edge(), old, edge.verdict());
            changed.add(change);
            if (old.decision() != Decision.DENY && edge.verdict().decision() == Decision.DENY) {
                breaks.add(change);
            }
        }
        return new DraftDiff(breaks, changed, opens(before, after, resources), resources);
    }

    /** A diff computed elsewhere (e.g. incrementally by the draft workspace). */
    public static DraftDiff of(
            List<EdgeChange> wouldBreak, List<EdgeChange> changed, List<Opening> opens, List<ResourceChange> res) {
        return new DraftDiff(wouldBreak, changed, opens, res);
    }

    private static Map<TrafficEdge, Verdict> verdicts(Assessment assessment) {
        Map<TrafficEdge, Verdict> byEdge = new LinkedHashMap<>();
        assessment.edges().forEach(e -> byEdge.put(e.edge(), e.verdict()));
        return byEdge;
    }

    private static List<Opening> opens(Engine before, Engine after, List<ResourceChange> resources) {
        List<HasMetadata> touchedObjects = new ArrayList<>();
        resources.forEach(r -> {
            touchedObjects.add(r.before() != null ? r.before() : r.after());
            if (r.before() != null && r.after() != null) {
                touchedObjects.add(r.after());
            }
        });
        Set<String> touched = ChangeImpact.touchedBy(after.snapshot(), touchedObjects);
        MeshAssessment old = MeshAssessment.of(before);
        MeshAssessment next = old.reassess(after, touched);
        List<Opening> opens = new ArrayList<>();
        for (int t = 0; t < next.targets().size(); t++) {
            if (!touched.contains(next.targets().get(t).workload().id())) {
                continue;
            }
            for (int s = 0; s < next.sources().size(); s++) {
                EdgeOutcome now = next.outcome(t, s);
                if (old.outcome(t, s).decision() == Decision.DENY && now.decision() != Decision.DENY) {
                    opens.add(new Opening(next.sources().get(s), next.targets().get(t), now));
                }
            }
        }
        return opens;
    }

    private static List<ResourceChange> resourceChanges(
            Collection<HasMetadata> current, Collection<HasMetadata> draft) {
        Map<String, HasMetadata> was = byKey(current);
        Map<String, HasMetadata> now = byKey(draft);
        List<ResourceChange> changes = new ArrayList<>();
        for (Map.Entry<String, HasMetadata> entry : now.entrySet()) {
            HasMetadata old = was.get(entry.getKey());
            if (old == null || !Objects.equals(specOf(old), specOf(entry.getValue()))) {
                changes.add(new ResourceChange(entry.getKey(), old, entry.getValue()));
            }
        }
        was.keySet().stream()
                .filter(k -> !now.containsKey(k))
                .forEach(k -> changes.add(new ResourceChange(k, was.get(k), null)));
        return changes;
    }

    private static Object specOf(HasMetadata object) {
        return ResourceKey.comparable(object);
    }

    private static Map<String, HasMetadata> byKey(Collection<HasMetadata> objects) {
        Map<String, HasMetadata> byKey = new LinkedHashMap<>();
        objects.forEach(o -> byKey.put(ResourceKey.of(o), o));
        return byKey;
    }

    /** Observed traffic the draft would deny. */
    public List<EdgeChange> wouldBreak() {
        return wouldBreak;
    }

    /** Every observed edge whose decision changes. */
    public List<EdgeChange> changed() {
        return changed;
    }

    /** Client and destination port pairs the draft newly allows. */
    public List<Opening> opens() {
        return opens;
    }

    /** Resources added, removed or edited. */
    public List<ResourceChange> resources() {
        return resources;
    }

    /** The observed request rate the draft would break, per second. */
    public double brokenRate() {
        return wouldBreak.stream()
                .mapToDouble(c -> c.edge().requestsPerSecond())
                .sum();
    }
}
