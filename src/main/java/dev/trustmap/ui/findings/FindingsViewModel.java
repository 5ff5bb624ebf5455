package dev.trustmap.ui.findings;

import dev.trustmap.analysis.findings.Finding;
import dev.trustmap.analysis.findings.FindingValidator;
import dev.trustmap.analysis.findings.MeshContext;
import dev.trustmap.analysis.findings.Severity;
import dev.trustmap.engine.Engine;
import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import dev.trustmap.ui.graph.GraphEdge;
import dev.trustmap.ui.graph.GraphModel;
import dev.trustmap.ui.graph.GraphViewModel;
import dev.trustmap.ui.graph.Selection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The findings pane's state: the validator's findings for the mesh on screen, filtered by severity and text, and
 * the workloads the shown findings are about (badged on the graph). Validation runs on the worker when the
 * policies change (a new engine), not on every traffic tick.
 */
public final class FindingsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(FindingsViewModel.class);

    private final Messages messages;
    private final UiTasks tasks;
    private final GraphViewModel graph;
    private final FindingValidator validator = new FindingValidator();
    private final ObservableList<FindingRow> rows = FXCollections.observableArrayList();
    private final FilteredList<FindingRow> shown = new FilteredList<>(rows);
    private final ObjectProperty<Severity> severity = new SimpleObjectProperty<>();
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Set<String>> badged = new ReadOnlyObjectWrapper<>(Set.of());
    private Engine checked;

    public FindingsViewModel(Messages messages, UiTasks tasks, GraphViewModel graph) {
        this.messages = messages;
        this.tasks = tasks;
        this.graph = graph;
        shown.predicateProperty().bind(Bindings.createObjectBinding(this::predicate, severity, filterText));
        shown.addListener((javafx.collections.ListChangeListener<FindingRow>) c -> refresh());
        status.set(messages.get("findings.status.none"));
    }

    /** A new mesh state: validates again in the background when its policies differ from the last checked. */
    public void meshChanged(MeshState state) {
        if (state == null || state.engine() == checked) {
            return;
        }
        checked = state.engine();
        Engine engine = state.engine();
        status.set(messages.get("findings.status.checking"));
        tasks.run(() -> validate(state), found -> {
            if (engine == checked) {
                show(found);
            }
        });
    }

    private List<FindingRow> validate(MeshState state) {
        MeshContext ctx = MeshContext.of(state.engine(), state.traffic());
        FindingTargets targets = new FindingTargets(ctx);
        List<FindingRow> found = validator.validate(ctx).stream()
                .map(f -> new FindingRow(f, targets.of(f)))
                .toList();
        LOG.debug("{} findings for {}", found.size(), state.sourceName());
        return found;
    }

    /** Shows findings (also for tests, without the validator). */
    void show(List<FindingRow> found) {
        rows.setAll(found);
        refresh();
    }

    private Predicate<FindingRow> predicate() {
        Severity wanted = severity.get();
        String needle = filterText.get() == null ? "" : filterText.get().strip().toLowerCase(Locale.ROOT);
        return row -> (wanted == null || row.finding().severity() == wanted) && matches(row.finding(), needle);
    }

    private static boolean matches(Finding finding, String needle) {
        if (needle.isEmpty()) {
            return true;
        }
        String namespace = finding.namespace() == null ? "" : finding.namespace();
        return finding.code().toLowerCase(Locale.ROOT).contains(needle)
                || finding.resource().toLowerCase(Locale.ROOT).contains(needle)
                || namespace.toLowerCase(Locale.ROOT).contains(needle);
    }

    private void refresh() {
        Set<String> nodes = new LinkedHashSet<>();
        shown.forEach(row -> nodes.addAll(row.nodes()));
        badged.set(Set.copyOf(nodes));
        long errors = rows.stream()
                .filter(r -> r.finding().severity() == Severity.ERROR)
                .count();
        status.set(messages.get("findings.status", shown.size(), rows.size(), errors));
    }

    /**
     * Selects on the graph what a finding is about: the edge it names (TM105, a broken connection), else the one
     * workload it names. Returns the node to centre on (for an edge, its server); empty, with the selection left
     * alone, when the finding names neither on the graph (a namespace, a policy selecting several workloads).
     */
    public Optional<String> select(FindingRow row) {
        detail.set(row == null ? "" : detailOf(row.finding()));
        if (row == null) {
            return Optional.empty();
        }
        GraphModel visible = graph.visibleProperty().get();
        Optional<GraphEdge> edge = row.edge() == null ? Optional.empty() : visible.edge(row.edge());
        if (edge.isPresent()) {
            graph.select(Selection.edge(edge.get().id()));
            return Optional.of(edge.get().target());
        }
        if (row.nodes().size() != 1 || visible.node(row.nodes().get(0)).isEmpty()) {
            return Optional.empty();
        }
        String id = row.nodes().get(0);
        graph.select(Selection.node(id));
        return Optional.of(id);
    }

    private String detailOf(Finding finding) {
        String where = finding.path().isEmpty() ? finding.resource() : finding.resource() + " " + finding.path();
        return messages.get("findings.detail", finding.code(), where, finding.message(), finding.fix());
    }

    /** The whole text of the selected finding: code, resource and path, message and fix. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ObservableList<FindingRow> shown() {
        return shown;
    }

    public ObservableList<FindingRow> all() {
        return rows;
    }

    /** The severity to show; null for all. */
    public ObjectProperty<Severity> severityProperty() {
        return severity;
    }

    /** Text matched against code, resource and namespace. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The node ids the shown findings are about. */
    public ReadOnlyObjectProperty<Set<String>> badgedProperty() {
        return badged.getReadOnlyProperty();
    }
}
