package dev.trustmap.analysis.workspace;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.analysis.ChangeImpact;
import dev.trustmap.analysis.DraftDiff;
import dev.trustmap.analysis.DraftDiff.EdgeChange;
import dev.trustmap.analysis.DraftDiff.Opening;
import dev.trustmap.analysis.DraftDiff.ResourceChange;
import dev.trustmap.analysis.EdgeAssessment;
import dev.trustmap.analysis.MeshAssessment;
import dev.trustmap.analysis.ResourceKey;
import dev.trustmap.engine.Decision;
import dev.trustmap.engine.EdgeOutcome;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.TrafficEdge;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The draft assessed beside the current policies, computed incrementally: after an edit only the policies that
 * changed since the previous assessment are looked at, {@link ChangeImpact} names the destinations they touch, and
 * only those are decided again (every client against them, and the observed edges into them). Immutable.
 */
public final class DraftAssessment {
    /** How an edge's status changes under the draft. */
    public enum Mark {
        NONE,
        /** Observed traffic the draft would deny. */
        WOULD_BREAK,
        /** Denied now, allowed (or conditional) under the draft. */
        OPENS,
        /** Another change of decision. */
        CHANGED
    }

    private final Baseline base;
    private final Draft draft;
    private final Traffic traffic;
    private final Engine engine;
    private final MeshAssessment pairs;
    private final Map<String, HasMetadata> effective;
    private final Set<String> touched;
    private final Map<TrafficEdge, EdgeAssessment> edges;
    private final Map<TrafficEdge, EdgeAssessment> currentEdges;
    private final DraftDiff diff;

    private DraftAssessment(Baseline base, Draft draft, Traffic traffic, Engine engine, Parts parts) {
        this.base = base;
        this.draft = draft;
        this.traffic = traffic;
        this.engine = engine;
        this.pairs = parts.pairs;
        this.effective = parts.effective;
        this.touched = parts.touched;
        this.edges = parts.edges;
        this.currentEdges = parts.currentEdges;
        this.diff = DraftDiff.of(parts.breaks, parts.changed, opens(), resourceChanges());
    }

    /** The intermediate results of one assessment. */
    private static final class Parts {
        MeshAssessment pairs;
        Map<String, HasMetadata> effective;
        Set<String> touched;
        Map<TrafficEdge, EdgeAssessment> edges;
        Map<TrafficEdge, EdgeAssessment> currentEdges;
        List<EdgeChange> breaks = new ArrayList<>();
        List<EdgeChange> changed = new ArrayList<>();
    }

    /** Assesses a draft from scratch against the baseline. */
    public static DraftAssessment of(Baseline base, Draft draft, Traffic traffic) {
        return assess(base, null, draft, traffic);
    }

    /** Assesses another draft (or the same with newer traffic), re-deciding only what changed since this one. */
    public DraftAssessment next(Baseline newBase, Draft nextDraft, Traffic nextTraffic) {
        return assess(newBase, newBase == base ? this : null, nextDraft, nextTraffic);
    }

    private static DraftAssessment assess(Baseline base, DraftAssessment previous, Draft draft, Traffic observed) {
        MeshSnapshot current = base.snapshot();
        MeshSnapshot layered = current.withPolicies(draft.layer(current.policies()));
        Traffic traffic = Workspace.withIntended(current, observed, draft);
        Engine engine = Engine.of(layered);
        Parts parts = new Parts();
        parts.effective = byKey(layered.policies());
        Map<String, HasMetadata> before = previous == null ? base.policies() : previous.effective;
        Set<String> delta = ChangeImpact.touchedBy(layered, changedObjects(before, parts.effective));
        MeshAssessment from = previous == null ? base.pairs() : previous.pairs;
        parts.pairs = from.reassess(engine, delta);
        parts.touched = new HashSet<>(delta);
        if (previous != null) {
            parts.touched.addAll(previous.touched);
        }
        boolean sameTraffic = previous != null && sameEdges(previous.traffic, traffic);
        parts.currentEdges = sameTraffic ? previous.currentEdges : assessAll(base.engine(), traffic);
        parts.edges = sameTraffic ? reassess(previous.edges, engine, delta) : assessAll(engine, traffic);
        compareEdges(parts);
        return new DraftAssessment(base, draft, traffic, engine, parts);
    }

    private static boolean sameEdges(Traffic a, Traffic b) {
        return a == b || a.edges().equals(b.edges());
    }

    private static Map<String, HasMetadata> byKey(List<HasMetadata> policies) {
        Map<String, HasMetadata> byKey = new LinkedHashMap<>();
        policies.forEach(p -> byKey.put(ResourceKey.of(p), p));
        return byKey;
    }

    /** Objects that differ (by identity: draft objects are never mutated) between two policy sets, both versions. */
    private static List<HasMetadata> changedObjects(Map<String, HasMetadata> before, Map<String, HasMetadata> after) {
        List<HasMetadata> changed = new ArrayList<>();
        after.forEach((key, now) -> {
            HasMetadata was = before.get(key);
            if (was != now) {
                changed.add(now);
                if (was != null) {
                    changed.add(was);
                }
            }
        });
        before.forEach((key, was) -> {
            if (!after.containsKey(key)) {
                changed.add(was);
            }
        });
        return changed;
    }

    static Map<TrafficEdge, EdgeAssessment> assessAll(Engine engine, Traffic traffic) {
        Map<TrafficEdge, EdgeAssessment> decided = new LinkedHashMap<>();
        Assessment.of(engine, traffic).edges().forEach(e -> decided.put(e.edge(), e));
        return decided;
    }

    private static Map<TrafficEdge, EdgeAssessment> reassess(
            Map<TrafficEdge, EdgeAssessment> previous, Engine engine, Set<String> delta) {
        Map<TrafficEdge, EdgeAssessment> decided = new LinkedHashMap<>(previous);
        List<TrafficEdge> again = previous.keySet().stream()
                .filter(e -> delta.contains(e.destinationId()))
                .toList();
        // Assessment decides an edge's method and path combinations; going through it keeps both paths alike.
        Assessment.of(engine, new Traffic(again, java.time.Instant.EPOCH))
                .edges()
                .forEach(e -> decided.put(e.edge(), e));
        return decided;
    }

    private static void compareEdges(Parts parts) {
        parts.edges.forEach((edge, now) -> {
            EdgeAssessment was = parts.currentEdges.get(edge);
            if (was == null || was.verdict().decision() == now.verdict().decision()) {
                return;
            }
            EdgeChange change = new EdgeChange(edge, was.verdict(), now.verdict());
            parts.changed.add(change);
            if (was.verdict().decision() != Decision.DENY && now.verdict().decision() == Decision.DENY) {
                parts.breaks.add(change);
            }
        });
    }

    private List<Opening> opens() {
        List<Opening> opens = new ArrayList<>();
        MeshAssessment old = base.pairs();
        for (int t = 0; t < pairs.targets().size(); t++) {
            if (!touched.contains(pairs.targets().get(t).workload().id())) {
                continue;
            }
            for (int s = 0; s < pairs.sources().size(); s++) {
                EdgeOutcome now = pairs.outcome(t, s);
                if (now.decision() != Decision.DENY && old.outcome(t, s).decision() == Decision.DENY) {
                    opens.add(
                            new Opening(pairs.sources().get(s), pairs.targets().get(t), now));
                }
            }
        }
        return opens;
    }

    private List<ResourceChange> resourceChanges() {
        List<ResourceChange> changes = new ArrayList<>();
        for (HasMetadata object : draft.objects()) {
            String key = ResourceKey.of(object);
            HasMetadata was = base.policies().get(key);
            if (was == null || !Objects.equals(ResourceKey.comparable(was), ResourceKey.comparable(object))) {
                changes.add(new ResourceChange(key, was, object));
            }
        }
        for (HasMetadata object : draft.deleted()) {
            String key = ResourceKey.of(object);
            Optional.ofNullable(base.policies().get(key))
                    .ifPresent(was -> changes.add(new ResourceChange(key, was, null)));
        }
        return changes;
    }

    /** How an observed or intended edge's status changes. */
    public Mark mark(TrafficEdge edge) {
        EdgeAssessment now = edges.get(edge);
        EdgeAssessment was = currentEdges.get(edge);
        if (now == null
                || was == null
                || now.verdict().decision() == was.verdict().decision()) {
            return Mark.NONE;
        }
        if (now.verdict().decision() == Decision.DENY) {
            return edge.requestsPerSecond() > 0 ? Mark.WOULD_BREAK : Mark.CHANGED;
        }
        return was.verdict().decision() == Decision.DENY ? Mark.OPENS : Mark.CHANGED;
    }

    /** The draft's verdicts for the observed edges and the intended ones. */
    public List<EdgeAssessment> edges() {
        return List.copyOf(edges.values());
    }

    /** The verdict of one edge under the draft. */
    public Optional<EdgeAssessment> edge(TrafficEdge edge) {
        return Optional.ofNullable(edges.get(edge));
    }

    public DraftDiff diff() {
        return diff;
    }

    public Draft draft() {
        return draft;
    }

    /** The engine over the effective policies. */
    public Engine engine() {
        return engine;
    }

    public Baseline baseline() {
        return base;
    }

    /** Observed traffic plus intended edges. */
    public Traffic traffic() {
        return traffic;
    }
}
