package dev.trustmap.ui.lab;

import dev.trustmap.analysis.breach.BlastComparison;
import dev.trustmap.analysis.breach.BlastRadius;
import dev.trustmap.analysis.breach.Hop;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.Workload;
import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import dev.trustmap.ui.graph.GraphViewModel;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The breach lab: a workload (or every workload of a service account) marked as compromised, its blast radius
 * computed on the worker, the totals as one line, the hops it can use, and the draft's radius beside it.
 */
public final class BreachViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(BreachViewModel.class);

    private final Messages messages;
    private final UiTasks tasks;
    private final Supplier<Engine> draftEngine;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper draftSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<BreachMarks> radiusMarks = new ReadOnlyObjectWrapper<>(BreachMarks.NONE);
    private final ReadOnlyObjectWrapper<BreachMarks> marks = new ReadOnlyObjectWrapper<>(BreachMarks.NONE);
    private final AttackReplayViewModel replay;
    private final ObservableList<String> hops = FXCollections.observableArrayList();
    private MeshState state;
    private Target target;
    private MeshSnapshot computedCurrent;
    private MeshSnapshot computedDraft;

    /** What is compromised: one workload, or a service account's workloads. */
    record Target(String nodeId, boolean wholeServiceAccount) {}

    /** One computed radius, with the draft's beside it when there is a draft. */
    record Result(Target target, String title, BlastRadius radius, BlastComparison draft, BreachMarks marks) {}

    /**
     * {@code draftEngine} gives the draft's engine, or null when there is no draft; {@code graph} is where a probe's
     * edge is selected; {@code clock} paces the replayed attack.
     */
    public BreachViewModel(
            Messages messages,
            UiTasks tasks,
            Supplier<Engine> draftEngine,
            GraphViewModel graph,
            AttackReplayViewModel.Clock clock) {
        this.messages = messages;
        this.tasks = tasks;
        this.draftEngine = draftEngine;
        this.replay = new AttackReplayViewModel(messages, tasks, draftEngine, graph, clock);
        summary.set(messages.get("breach.hint"));
        caption.set(messages.get("breach.hops"));
        marks.bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> replay.activeProperty().get() ? replay.marksProperty().get() : radiusMarks.get(),
                replay.activeProperty(),
                replay.marksProperty(),
                radiusMarks));
    }

    /**
     * A new mesh state. Newer traffic alone changes nothing (the radius stays, with its selection); other policies
     * recompute it; another mesh source clears the compromise and the replay, and says so.
     */
    public void meshChanged(MeshState now) {
        MeshState before = state;
        state = now;
        if (target == null || now == null) {
            return;
        }
        if (before != null && !before.sourceName().equals(now.sourceName())) {
            clear();
            summary.set(messages.get("breach.sourceChanged", now.sourceName()));
        } else if (!same(computedCurrent, now.snapshot())) {
            compute(target);
        }
    }

    /**
     * The draft may have changed (the editor reassesses it on every traffic tick): computes the radius again only
     * when the draft's policies differ from those it was computed with; a replayed attack on screen is left alone
     * (replay it again for the new draft).
     */
    public void draftChanged() {
        Engine draft = draftEngine.get();
        if (target != null
                && !replay.activeProperty().get()
                && !same(computedDraft, draft == null ? null : draft.snapshot())) {
            compute(target);
        }
    }

    /** Whether two snapshots hold the same workloads, Services and policies (the traffic is not in a snapshot). */
    private static boolean same(MeshSnapshot a, MeshSnapshot b) {
        return a == b || (a != null && a.equals(b));
    }

    /** Marks one workload as compromised. */
    public void compromise(String nodeId) {
        compute(new Target(nodeId, false));
    }

    /** Marks every workload running as the node's service account as compromised. */
    public void compromiseServiceAccount(String nodeId) {
        compute(new Target(nodeId, true));
    }

    private void compute(Target next) {
        MeshState current = state;
        Optional<Workload> workload = current == null ? Optional.empty() : workload(current, next.nodeId());
        if (workload.isEmpty()) {
            if (target != null) {
                clear();
                summary.set(messages.get("breach.gone", next.nodeId()));
            }
            return;
        }
        target = next;
        Engine draft = draftEngine.get();
        computedCurrent = current.snapshot();
        computedDraft = draft == null ? null : draft.snapshot();
        summary.set(messages.get("breach.computing", next.nodeId()));
        Traffic traffic = current.traffic();
        tasks.run(() -> radius(current.engine(), draft, workload.get(), next, traffic), this::shown);
    }

    private static Optional<Workload> workload(MeshState state, String id) {
        return state.snapshot().workloads().stream()
                .filter(w -> w.id().equals(id))
                .findFirst();
    }

    private static Result radius(Engine engine, Engine draft, Workload workload, Target target, Traffic traffic) {
        String title = target.wholeServiceAccount()
                ? workload.namespace() + "/" + workload.serviceAccount() + " (service account)"
                : workload.id();
        BlastRadius now = of(engine, workload, target, traffic);
        BlastComparison compared =
                draft == null ? null : BlastRadius.compare(now, of(draft, workload, target, traffic));
        return new Result(target, title, now, compared, BreachMarks.of(engine, now, compared));
    }

    private static BlastRadius of(Engine engine, Workload workload, Target target, Traffic traffic) {
        return target.wholeServiceAccount()
                ? BlastRadius.ofServiceAccount(engine, workload.namespace(), workload.serviceAccount(), traffic)
                : BlastRadius.of(engine, workload, traffic);
    }

    private void shown(Result result) {
        if (!result.target().equals(target)) {
            return;
        }
        BlastRadius radius = result.radius();
        summary.set(summaryText(result.title(), radius));
        draftSummary.set(result.draft() == null ? "" : draftText(result.draft()));
        String closed = messages.get("breach.hop.closed");
        String forwarded = messages.get("breach.hop.forwarded");
        java.util.Set<String> compromised = new java.util.HashSet<>();
        radius.compromised().forEach(w -> compromised.add(w.id()));
        hops.setAll(radius.hops().stream()
                .map(hop -> hopText(
                        hop,
                        (BreachMarks.ATTACK_CLOSED.equals(result.marks().edges().get(BreachMarks.edgeId(hop)))
                                        ? closed
                                        : "")
                                + (hop.from().gateway()
                                                && !compromised.contains(
                                                        hop.from().id())
                                        ? forwarded
                                        : "")))
                .toList());
        caption.set(messages.get("breach.hops"));
        replay.clear();
        radiusMarks.set(result.marks());
        active.set(true);
        LOG.info("breach lab: {} {}", result.title(), radius.summary());
    }

    /** The totals line, e.g. {@code payments/payments reaches 9 of 19 workloads (4 directly), 3 over plaintext…}. */
    String summaryText(String title, BlastRadius radius) {
        int reached = radius.reached().size();
        int direct = radius.direct().size();
        return messages.get(
                "breach.summary",
                title,
                reached,
                radius.reachable(),
                direct,
                reached - direct,
                radius.reachedOverPlaintext().size(),
                radius.gateways().size(),
                radius.plaintextEdges().size());
    }

    String draftText(BlastComparison compared) {
        String text = messages.get(
                "breach.draft",
                compared.draft().reached().size(),
                compared.draft().reachable(),
                compared.current().reached().size(),
                compared.noLongerReached().size(),
                compared.newlyReached().size());
        if (!compared.noLongerReached().isEmpty()) {
            text += " " + messages.get("breach.draft.cut", names(compared.noLongerReached()));
        }
        if (!compared.newlyReached().isEmpty()) {
            text += " " + messages.get("breach.draft.opened", names(compared.newlyReached()));
        }
        return text;
    }

    private static String names(java.util.Set<String> ids) {
        return String.join(", ", new java.util.TreeSet<>(ids));
    }

    /** {@code 1  ns/a -> ns/b:80  mtls  methods [GET]}, with {@code note} before the route (seen when truncated). */
    private static String hopText(Hop hop, String note) {
        String operations = hop.operations().isEmpty() ? "" : "  " + String.join("; ", hop.operations());
        return hop.depth() + "  " + note + hop.describe() + "  "
                + hop.connection().name().toLowerCase(java.util.Locale.ROOT) + operations;
    }

    /**
     * Replays the attack from the compromised workload: the probes a careful attacker sends to every Service port of
     * the others, decided by the engine, shown one by one on the graph (see {@link AttackReplayViewModel}).
     */
    public void replay() {
        MeshState current = state;
        Optional<Workload> from =
                current == null || target == null ? Optional.empty() : workload(current, target.nodeId());
        from.ifPresent(attacker -> replay.start(current.engine(), attacker));
    }

    /** The replayed attack. */
    public AttackReplayViewModel attack() {
        return replay;
    }

    /** Forgets the compromised workload; the graph loses its marks. */
    public void clear() {
        target = null;
        computedCurrent = null;
        computedDraft = null;
        active.set(false);
        replay.clear();
        radiusMarks.set(BreachMarks.NONE);
        hops.clear();
        draftSummary.set("");
        caption.set(messages.get("breach.hops"));
        summary.set(messages.get("breach.hint"));
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty draftSummaryProperty() {
        return draftSummary.getReadOnlyProperty();
    }

    /** The replay's counts, or empty before a replay. */
    public ReadOnlyStringProperty replaySummaryProperty() {
        return replay.summaryProperty();
    }

    /** What the list shows: the hops of the radius, or the probes of a replay. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BreachMarks> marksProperty() {
        return marks.getReadOnlyProperty();
    }

    public ObservableList<String> hops() {
        return hops;
    }

    /** Whether the node can be marked (a workload of the mesh on screen, not the outside clients). */
    public boolean canCompromise(String nodeId) {
        MeshState current = state;
        return current != null && workload(current, nodeId).isPresent();
    }
}
