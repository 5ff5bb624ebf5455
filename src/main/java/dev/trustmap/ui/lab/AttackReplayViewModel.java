package dev.trustmap.ui.lab;

import dev.trustmap.analysis.EdgeAssessment;
import dev.trustmap.analysis.breach.AttackProbes;
import dev.trustmap.analysis.breach.Probe;
import dev.trustmap.analysis.breach.ProbeResult;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.Protocol;
import dev.trustmap.mesh.ServicePort;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.mesh.Workload;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import dev.trustmap.ui.graph.GraphViewModel;
import dev.trustmap.ui.graph.Selection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The replayed attack: the probes a careful attacker on the compromised workload sends ({@link AttackProbes}),
 * decided on the worker against the current policies and the draft's, then shown one by one at the clock's pace (the
 * probe's edge flashes, then is marked passed or blocked) or all at once, with the counts and the list growing.
 */
public final class AttackReplayViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(AttackReplayViewModel.class);

    /** Calls {@code tick} at a readable pace until stopped; an FX timeline in the app, driven by hand in tests. */
    public interface Clock {
        void start(Runnable tick);

        void stop();
    }

    private final Messages messages;
    private final UiTasks tasks;
    private final Supplier<Engine> draftEngine;
    private final GraphViewModel graph;
    private final Clock clock;
    private final ObservableList<ProbeRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper draftSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper unfinished = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<BreachMarks> marks = new ReadOnlyObjectWrapper<>(BreachMarks.NONE);
    private List<ProbeRow> planned = List.of();
    private Workload from;
    private Object generation = new Object();

    public AttackReplayViewModel(
            Messages messages, UiTasks tasks, Supplier<Engine> draftEngine, GraphViewModel graph, Clock clock) {
        this.messages = messages;
        this.tasks = tasks;
        this.draftEngine = draftEngine;
        this.graph = graph;
        this.clock = clock;
    }

    /** Plans and decides the probes from {@code attacker} on the worker, then starts showing them. */
    public void start(Engine engine, Workload attacker) {
        clear();
        Object run = generation;
        Engine draft = draftEngine.get();
        active.set(true);
        summary.set(messages.get("breach.replay.running"));
        tasks.run(() -> decide(engine, draft, attacker), decided -> {
            if (run == generation) {
                begin(attacker, decided);
            }
        });
    }

    private static List<ProbeRow> decide(Engine engine, Engine draft, Workload attacker) {
        List<Probe> probes = AttackProbes.plan(engine, attacker);
        List<ProbeResult> now = AttackProbes.run(engine, probes);
        List<ProbeResult> drafted = draft == null ? null : AttackProbes.run(draft, probes);
        List<ProbeRow> decided = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            decided.add(new ProbeRow(now.get(i), drafted == null ? null : drafted.get(i)));
        }
        return decided;
    }

    private void begin(Workload attacker, List<ProbeRow> decided) {
        from = attacker;
        planned = List.copyOf(decided);
        running.set(true);
        show(0);
        LOG.info("attack replay from {}: {} probes", attacker.id(), planned.size());
        clock.start(this::step);
    }

    /** Shows the next probe (its edge flashes; the previous one's is marked with its result). */
    public void step() {
        if (!running.get()) {
            return;
        }
        if (rows.size() >= planned.size()) {
            finish();
            return;
        }
        show(rows.size() + 1);
    }

    /** Shows every probe at once. */
    public void runAll() {
        if (from != null) {
            finish();
        }
    }

    /** Stops the animation where it is; what was shown stays. */
    public void stop() {
        clock.stop();
        if (running.get()) {
            running.set(false);
            show(rows.size());
        }
    }

    private void finish() {
        clock.stop();
        running.set(false);
        show(planned.size());
    }

    /** Forgets the replay. */
    public void clear() {
        clock.stop();
        generation = new Object();
        running.set(false);
        active.set(false);
        unfinished.set(false);
        planned = List.of();
        from = null;
        rows.clear();
        summary.set("");
        draftSummary.set("");
        marks.set(BreachMarks.NONE);
    }

    /** Selects the probe's edge on the graph (the inspector then explains it). */
    public void select(ProbeRow row) {
        if (row != null && graph.visibleProperty().get().edge(row.edgeId()).isPresent()) {
            graph.select(Selection.edge(row.edgeId()));
        }
    }

    private void show(int count) {
        if (rows.size() < count) {
            rows.addAll(planned.subList(rows.size(), count));
        }
        unfinished.set(rows.size() < planned.size());
        summary.set(counts());
        draftSummary.set(draftCounts());
        marks.set(ReplayMarks.of(from, rows, running.get() && !rows.isEmpty() ? rows.get(rows.size() - 1) : null));
    }

    private String counts() {
        long passed = rows.stream().filter(ProbeRow::passed).count();
        Set<String> reached = new LinkedHashSet<>();
        rows.stream().filter(ProbeRow::passed).forEach(r -> reached.add(r.target()));
        String tally = messages.get("breach.replay.tally", passed, reached.size(), rows.size() - passed);
        if (rows.size() == planned.size()) {
            return messages.get("breach.replay.counts", rows.size(), tally);
        }
        return messages.get(
                running.get() ? "breach.replay.progress" : "breach.replay.stopped", rows.size(), planned.size(), tally);
    }

    private String draftCounts() {
        if (rows.isEmpty() || rows.get(0).draft() == null) {
            return "";
        }
        long blocks = rows.stream().filter(ProbeRow::draftBlocks).count();
        long opens = rows.stream().filter(ProbeRow::draftOpens).count();
        return messages.get("breach.replay.draft", blocks, opens);
    }

    /** The probes shown so far. */
    public ObservableList<ProbeRow> rows() {
        return rows;
    }

    /** Every probe of the replay, shown or not. */
    public List<ProbeRow> planned() {
        return planned;
    }

    /**
     * {@code 31 probes: 12 passed to 7 workloads, 19 blocked.}; while running {@code 7 of 31 probes shown: ...};
     * after Stop {@code Stopped after 7 of 31 probes: ... Run all shows the rest.}
     */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** {@code The draft blocks 9 more, lets 0 more through.}, or empty without a draft. */
    public ReadOnlyStringProperty draftSummaryProperty() {
        return draftSummary.getReadOnlyProperty();
    }

    /** Whether probes are being shown one by one. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Whether some planned probes are not shown yet (running, or stopped before the end): Run all shows them. */
    public ReadOnlyBooleanProperty unfinishedProperty() {
        return unfinished.getReadOnlyProperty();
    }

    /** Whether there is a replay (computing, running or shown). */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** The graph marks of the probes shown; {@link BreachMarks#NONE} without a replay. */
    public ReadOnlyObjectProperty<BreachMarks> marksProperty() {
        return marks.getReadOnlyProperty();
    }

    /** The marks of the probes shown: the compromised node, each target and each route by whether a probe passed. */
    static final class ReplayMarks {
        private ReplayMarks() {}

        static BreachMarks of(Workload from, List<ProbeRow> shown, ProbeRow current) {
            Map<String, String> nodes = new HashMap<>();
            Map<String, String> edges = new HashMap<>();
            Map<String, List<ProbeRow>> byEdge = new HashMap<>();
            for (ProbeRow row : shown) {
                byEdge.computeIfAbsent(row.edgeId(), k -> new ArrayList<>()).add(row);
                if (row.passed()) {
                    nodes.put(row.target(), BreachMarks.PROBE_PASS);
                    edges.put(row.edgeId(), BreachMarks.PROBE_PASS);
                } else {
                    nodes.putIfAbsent(row.target(), BreachMarks.PROBE_BLOCKED);
                    edges.putIfAbsent(row.edgeId(), BreachMarks.PROBE_BLOCKED);
                }
            }
            if (current != null) {
                edges.put(current.edgeId(), BreachMarks.PROBE_FLASH);
            }
            if (from != null) {
                nodes.put(from.id(), BreachMarks.COMPROMISED);
            }
            Map<String, BreachMarks.Added> added = new HashMap<>();
            byEdge.forEach((id, rows) -> added.put(id, added(rows)));
            return new BreachMarks(nodes, Set.of(), edges, added);
        }

        /** A probe edge: the passed probe (else the first) as its request and verdict, with no observed rate. */
        private static BreachMarks.Added added(List<ProbeRow> rows) {
            ProbeRow shown = rows.stream().filter(ProbeRow::passed).findFirst().orElse(rows.get(0));
            Probe probe = shown.result().probe();
            Set<String> methods = new LinkedHashSet<>();
            Set<String> paths = new LinkedHashSet<>();
            rows.stream().filter(r -> !r.result().probe().tcp()).forEach(r -> {
                methods.add(r.method());
                paths.add(r.path());
            });
            TrafficEdge edge = new TrafficEdge(
                    probe.from().namespace(),
                    probe.from().name(),
                    probe.to().namespace(),
                    probe.to().name(),
                    probe.service().name(),
                    probe.port(),
                    probe.service()
                            .port(probe.port())
                            .map(ServicePort::protocol)
                            .orElse(Protocol.UNKNOWN),
                    0,
                    Map.of(),
                    shown.result().verdict().mtls() ? 1 : 0,
                    methods,
                    paths);
            return new BreachMarks.Added(
                    probe.from().id(),
                    probe.to().id(),
                    new EdgeAssessment(edge, probe.request(), shown.result().verdict()));
        }
    }
}
