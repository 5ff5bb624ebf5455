package dev.trustmap.ui.replay;

import dev.trustmap.source.scenario.RequestOutcome;
import dev.trustmap.source.scenario.ScenarioRequest;
import dev.trustmap.source.scenario.ScenarioRunner;
import dev.trustmap.ui.common.DialogService;
import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import dev.trustmap.ui.graph.GraphViewModel;
import dev.trustmap.ui.graph.Selection;
import dev.trustmap.ui.main.MainViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scenario replay: a scenario file opened as the window's mesh, and its requests replayed one after another (or
 * all at once), each through {@link ScenarioRunner} on the scenario's engine, so the list says exactly what
 * {@code trustmap test} says. The request being replayed is highlighted on the graph; replayed ones are marked by
 * their result.
 */
public final class ReplayViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayViewModel.class);
    /** How long each request stays highlighted in an animated replay. */
    static final Duration STEP = Duration.ofMillis(300);

    private final Messages messages;
    private final UiTasks tasks;
    private final DialogService dialogs;
    private final MainViewModel main;
    private final ObservableList<ReplayRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper marksShown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper selectedRow = new ReadOnlyIntegerWrapper(-1);
    private ScenarioFeed pending;
    private ScenarioFeed.Loaded current;
    private Future<?> ticking;
    private int generation;
    private Duration step = STEP;

    /** One step of an animated replay: the request at {@code index} and its outcome, or null past the last. */
    private record Step(int index, RequestOutcome outcome) {}

    public ReplayViewModel(Messages messages, UiTasks tasks, DialogService dialogs, MainViewModel main) {
        this.messages = messages;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.main = main;
        title.set(messages.get("replay.hint"));
        main.inspector().meshProperty().addListener((obs, old, now) -> meshShown(now));
        main.graph().selectionProperty().addListener((obs, old, now) -> edgeSelected(now));
    }

    /** Asks for a scenario file and opens it; nothing happens when the user cancels. */
    public void openScenario() {
        dialogs.chooseFile(
                        messages.get("replay.open.title"),
                        messages.get("replay.open.filter"),
                        List.of("*.yaml", "*.yml"))
                .ifPresent(this::openScenario);
    }

    /**
     * Opens a scenario file as the window's mesh, in the background. A bad file gets the same dialog as a bad folder
     * (file, line, problem) and the previous mesh stays.
     */
    public void openScenario(Path file) {
        ScenarioFeed feed = new ScenarioFeed(file, messages.get("replay.source", file.getFileName()));
        pending = feed;
        main.open(feed);
    }

    private void meshShown(MeshState state) {
        ScenarioFeed feed = pending;
        ScenarioFeed.Loaded opened = feed == null ? null : feed.loaded();
        if (opened != null && opened.state() == state) {
            pending = null;
            show(opened);
        } else if (current != null && current.state() != state) {
            unload();
        }
    }

    private void show(ScenarioFeed.Loaded opened) {
        cancel();
        current = opened;
        selectedRow.set(-1);
        rows.setAll(
                opened.scenario().requests().stream().map(ReplayRow::pending).toList());
        title.set(Path.of(opened.scenario().file()).getFileName().toString());
        summary.set(opened.scenario().summary() == null ? "" : opened.scenario().summary());
        counts.set(messages.get("replay.counts.ready", rows.size()));
        detail.set("");
        loaded.set(true);
        refreshMarks();
        LOG.info("scenario {} open with {} requests", opened.scenario().file(), rows.size());
    }

    private void unload() {
        cancel();
        current = null;
        selectedRow.set(-1);
        rows.clear();
        title.set(messages.get("replay.hint"));
        summary.set("");
        counts.set("");
        detail.set("");
        loaded.set(false);
        graph().highlightProperty().set(UnaryOperator.identity());
        marksShown.set(false);
    }

    /** Replays the requests one after another, each highlighted for {@link #STEP}, then marked pass or fail. */
    public void replay() {
        ScenarioFeed.Loaded run = current;
        if (run == null) {
            return;
        }
        cancel();
        resetRows();
        int replay = generation;
        AtomicInteger cursor = new AtomicInteger();
        running.set(true);
        counts.set(messages.get("replay.counts.running", 0, rows.size(), 0, 0));
        ticking = tasks.every(step, () -> step(run, cursor.getAndIncrement()), next -> stepped(replay, next));
    }

    private static Step step(ScenarioFeed.Loaded run, int index) {
        List<ScenarioRequest> requests = run.scenario().requests();
        return new Step(index, index < requests.size() ? outcome(run, requests.get(index)) : null);
    }

    /** What {@code trustmap test} computes for the request: the runner on the scenario's engine. */
    private static RequestOutcome outcome(ScenarioFeed.Loaded run, ScenarioRequest request) {
        return ScenarioRunner.run(run.state().engine(), run.scenario().file(), request);
    }

    private void stepped(int replay, Step step) {
        if (replay != generation) {
            return;
        }
        finishReplaying();
        if (step.outcome() == null) {
            cancelTicking();
            running.set(false);
            counts.set(doneText());
        } else {
            setRow(step.index(), rows.get(step.index()).replaying(step.outcome()));
            counts.set(messages.get(
                    "replay.counts.running",
                    step.index() + 1,
                    rows.size(),
                    count(ReplayRow.Status.PASS),
                    count(ReplayRow.Status.FAIL)));
        }
        refreshMarks();
    }

    private void finishReplaying() {
        for (int i = 0; i < rows.size(); i++) {
            ReplayRow row = rows.get(i);
            if (row.status() == ReplayRow.Status.REPLAYING) {
                setRow(i, row.done(row.outcome()));
            }
        }
    }

    /** How long each request stays highlighted (tests slow it down to look at one step). */
    void setStep(Duration newStep) {
        step = newStep;
    }

    /** Runs every request at once, without animation. */
    public void runAll() {
        ScenarioFeed.Loaded run = current;
        if (run == null) {
            return;
        }
        cancel();
        int replay = generation;
        running.set(true);
        tasks.run(
                () -> run.scenario().requests().stream()
                        .map(request -> outcome(run, request))
                        .toList(),
                outcomes -> ranAll(replay, outcomes));
    }

    private void ranAll(int replay, List<RequestOutcome> outcomes) {
        if (replay != generation) {
            return;
        }
        for (int i = 0; i < outcomes.size(); i++) {
            setRow(i, rows.get(i).done(outcomes.get(i)));
        }
        running.set(false);
        counts.set(doneText());
        refreshMarks();
    }

    /** Stops an animated replay; the requests replayed so far keep their results. */
    public void stop() {
        if (!running.get()) {
            return;
        }
        cancel();
        long finished = rows.stream().filter(ReplayRow::finished).count();
        counts.set(messages.get(
                "replay.counts.stopped",
                finished,
                rows.size(),
                count(ReplayRow.Status.PASS),
                count(ReplayRow.Status.FAIL)));
        refreshMarks();
    }

    /** Ends a running replay (its late results are ignored) and takes the highlight off its current request. */
    private void cancel() {
        generation++;
        cancelTicking();
        running.set(false);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).status() == ReplayRow.Status.REPLAYING) {
                setRow(i, rows.get(i).reset());
            }
        }
    }

    private void cancelTicking() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
    }

    private void resetRows() {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).status() != ReplayRow.Status.PENDING) {
                setRow(i, rows.get(i).reset());
            }
        }
    }

    private void setRow(int index, ReplayRow row) {
        rows.set(index, row);
        if (index == selectedRow.get()) {
            detail.set(ReplayDetail.text(row, messages));
        }
    }

    /**
     * Selects a row (-1 for none): its edge is selected on the graph, and the detail shows the engine's explanation.
     */
    public void select(int index) {
        selectedRow.set(index >= 0 && index < rows.size() ? index : -1);
        if (selectedRow.get() < 0) {
            detail.set("");
            return;
        }
        ReplayRow row = rows.get(selectedRow.get());
        graph().select(Selection.edge(row.edgeId()));
        detail.set(ReplayDetail.text(row, messages));
    }

    /** An edge clicked on the graph selects the first request on it, unless the selected one is already on it. */
    private void edgeSelected(Selection selection) {
        int at = selectedRow.get();
        if (!selection.isEdge() || (at >= 0 && rows.get(at).edgeId().equals(selection.id()))) {
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).edgeId().equals(selection.id())) {
                select(i);
                return;
            }
        }
    }

    private String doneText() {
        long failed = count(ReplayRow.Status.FAIL);
        long passed = count(ReplayRow.Status.PASS);
        return failed == 0
                ? messages.get("replay.counts.done", passed, rows.size())
                : messages.get("replay.counts.failed", passed, rows.size(), failed);
    }

    private long count(ReplayRow.Status status) {
        return rows.stream().filter(row -> row.status() == status).count();
    }

    private void refreshMarks() {
        ReplayMarks marks = ReplayMarks.of(rows);
        graph().highlightProperty().set(marks);
        marksShown.set(marks.any());
    }

    private GraphViewModel graph() {
        return main.graph();
    }

    /** Every request of the open scenario, in file order. */
    public ObservableList<ReplayRow> rows() {
        return rows;
    }

    /** The scenario's file name, or a hint when none is open. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The scenario's one-line summary, or empty. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** "83 of 85 passed", or how far a replay is. */
    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** The selected row's request, expectation, verdict and the engine's explanation. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** The selected row, -1 for none; follows edges clicked on the graph. */
    public ReadOnlyIntegerProperty selectedRowProperty() {
        return selectedRow.getReadOnlyProperty();
    }

    /** Whether the replay marks the graph's edges (a replay has started), so the legend explains its colours. */
    public ReadOnlyBooleanProperty marksShownProperty() {
        return marksShown.getReadOnlyProperty();
    }

    /** Whether a scenario is open (its mesh is on the graph). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Whether a replay is running. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
