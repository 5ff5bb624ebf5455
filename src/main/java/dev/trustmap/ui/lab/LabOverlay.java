package dev.trustmap.ui.lab;

import dev.trustmap.ui.graph.GraphEdge;
import dev.trustmap.ui.graph.GraphModel;
import dev.trustmap.ui.graph.GraphNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Adds the findings badges ({@code finding}) and the breach lab's marks to the graph on screen. Runs after the
 * draft's decorator: an edge's breach marks go before the draft's (GraphStream lets the first class that sets a
 * property win), so an attack edge the draft would break takes its colour from the breach mark and its width from
 * the draft's {@code would_break}. Probe edges on routes without observed traffic are added.
 */
public final class LabOverlay implements UnaryOperator<GraphModel> {
    public static final String FINDING = "finding";

    private final Set<String> badged;
    private final BreachMarks breach;

    public LabOverlay(Set<String> badged, BreachMarks breach) {
        this.badged = Set.copyOf(badged);
        this.breach = breach;
    }

    @Override
    public GraphModel apply(GraphModel model) {
        if (badged.isEmpty() && breach.nodes().isEmpty() && breach.edges().isEmpty()) {
            return model;
        }
        List<GraphNode> nodes = new ArrayList<>();
        for (GraphNode node : model.nodes()) {
            String mark = breach.nodes().get(node.id());
            List<String> marks = mark == null ? List.of() : List.of(mark);
            List<String> badges = badged.contains(node.id()) ? List.of(FINDING) : List.of();
            nodes.add(marks.isEmpty() && badges.isEmpty() ? node : node.with(marks, badges));
        }
        List<GraphEdge> edges = new ArrayList<>();
        for (GraphEdge edge : model.edges()) {
            edges.add(marked(edge));
        }
        for (Map.Entry<String, BreachMarks.Added> extra : breach.added().entrySet()) {
            BreachMarks.Added add = extra.getValue();
            String mark = breach.edges().get(extra.getKey());
            boolean placed = model.node(add.source()).isPresent()
                    && model.node(add.target()).isPresent();
            if (mark != null && placed && model.edge(extra.getKey()).isEmpty()) {
                edges.add(new GraphEdge(extra.getKey(), add.source(), add.target(), add.assessment(), List.of(mark)));
            }
        }
        return new GraphModel(nodes, edges);
    }

    private GraphEdge marked(GraphEdge edge) {
        List<String> marks = new ArrayList<>();
        String mark = breach.edges().get(edge.id());
        if (mark != null) {
            marks.add(mark);
        }
        if (breach.plaintextPairs().contains(BreachMarks.pair(edge.source(), edge.target()))) {
            marks.add(BreachMarks.EXPOSED);
        }
        if (marks.isEmpty()) {
            return edge;
        }
        marks.addAll(edge.marks());
        return new GraphEdge(edge.id(), edge.source(), edge.target(), edge.assessment(), marks);
    }
}
