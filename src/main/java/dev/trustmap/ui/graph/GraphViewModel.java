package dev.trustmap.ui.graph;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The state of the graph: the whole model, the namespace filter, what is visible, node positions and the
 * selection. Never touches nodes; the view maps it onto GraphStream.
 */
public final class GraphViewModel {
    private final ObjectProperty<GraphModel> model = new SimpleObjectProperty<>(GraphModel.empty());
    private final ObjectProperty<Map<String, Point>> positions = new SimpleObjectProperty<>(Map.of());
    private final StringProperty namespaceFilter = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<GraphModel> visible = new ReadOnlyObjectWrapper<>(GraphModel.empty());
    private final ObjectProperty<Selection> selection = new SimpleObjectProperty<>(Selection.NONE);
    private final ObjectProperty<UnaryOperator<GraphModel>> decorator =
            new SimpleObjectProperty<>(UnaryOperator.identity());
    private final ObjectProperty<UnaryOperator<GraphModel>> overlay =
            new SimpleObjectProperty<>(UnaryOperator.identity());
    private final ObjectProperty<UnaryOperator<GraphModel>> highlight =
            new SimpleObjectProperty<>(UnaryOperator.identity());
    private final BooleanProperty draftShown = new SimpleBooleanProperty();
    private final ObjectProperty<LinkDrag> linkDrag = new SimpleObjectProperty<>();

    public GraphViewModel() {
        visible.bind(Bindings.createObjectBinding(
                () -> highlight
                        .get()
                        .apply(overlay.get().apply(decorator.get().apply(model.get())))
                        .filterNamespace(namespaceFilter.get()),
                model,
                namespaceFilter,
                decorator,
                overlay,
                highlight));
        visible.addListener((obs, old, now) -> dropSelectionIfGone(now));
    }

    /** Shows a new graph with freshly computed positions. */
    public void show(GraphModel newModel, Map<String, Point> newPositions) {
        positions.set(Map.copyOf(newPositions));
        model.set(newModel);
    }

    /** Replaces edges and their verdicts while the nodes stay where they are. */
    public void update(GraphModel newModel) {
        model.set(newModel);
    }

    /** Whether {@code newModel} has exactly the nodes on screen, so positions can be kept. */
    public boolean sameNodes(GraphModel newModel) {
        return model.get().nodeIds().equals(newModel.nodeIds());
    }

    /**
     * Selects the best visible node for a search text: an exact id or name first, then the shortest id containing
     * the text. Empty when nothing matches (the selection is then left alone).
     */
    public Optional<String> search(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        Optional<GraphNode> found = visible.get().nodes().stream()
                .filter(n -> n.id().toLowerCase(Locale.ROOT).contains(needle))
                .min(Comparator.comparingInt((GraphNode n) -> exactness(n, needle))
                        .thenComparingInt(n -> n.id().length())
                        .thenComparing(GraphNode::id));
        found.ifPresent(n -> selection.set(Selection.node(n.id())));
        return found.map(GraphNode::id);
    }

    private static int exactness(GraphNode node, String needle) {
        String id = node.id().toLowerCase(Locale.ROOT);
        String label = node.label().toLowerCase(Locale.ROOT);
        return id.equals(needle) || label.equals(needle) ? 0 : label.startsWith(needle) ? 1 : 2;
    }

    public void select(Selection newSelection) {
        selection.set(newSelection == null ? Selection.NONE : newSelection);
    }

    public void clearSelection() {
        selection.set(Selection.NONE);
    }

    private void dropSelectionIfGone(GraphModel now) {
        Selection current = selection.get();
        boolean gone = (current.isNode() && now.node(current.id()).isEmpty())
                || (current.isEdge() && now.edge(current.id()).isEmpty());
        if (gone) {
            selection.set(Selection.NONE);
        }
    }

    public ReadOnlyObjectProperty<GraphModel> modelProperty() {
        return model;
    }

    public ReadOnlyObjectProperty<GraphModel> visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Map<String, Point>> positionsProperty() {
        return positions;
    }

    public StringProperty namespaceFilterProperty() {
        return namespaceFilter;
    }

    /** Rewrites the model before it is shown (the policy draft shows its verdicts this way); identity by default. */
    public ObjectProperty<UnaryOperator<GraphModel>> decoratorProperty() {
        return decorator;
    }

    /** The drag from one workload toward another in progress, or null (the view draws a line for it). */
    public ObjectProperty<LinkDrag> linkDragProperty() {
        return linkDrag;
    }

    /** Whether the decorator draws a policy draft (the legend then explains the draft's marks). */
    public BooleanProperty draftShownProperty() {
        return draftShown;
    }

    /** Marks applied after the decorator (findings badges, the breach lab); identity by default. */
    public ObjectProperty<UnaryOperator<GraphModel>> overlayProperty() {
        return overlay;
    }

    /** Marks applied last, over the overlay (the scenario replay's request marks); identity by default. */
    public ObjectProperty<UnaryOperator<GraphModel>> highlightProperty() {
        return highlight;
    }

    public ObjectProperty<Selection> selectionProperty() {
        return selection;
    }
}
