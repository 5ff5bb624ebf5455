package dev.trustmap.ui.lab;

import dev.trustmap.ui.graph.GraphEdge;
import dev.trustmap.ui.graph.GraphModel;
import dev.trustmap.ui.graph.GraphNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Adds the findings badges ({@code finding}) and the breach lab's marks to the graph on screen. Runs after the
 * draft's decorator, so draft marks on edges stay.
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
        if (badged.isEmpty() && breach.nodes().isEmpty()) {
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
            edges.add(exposed(edge) ? withMark(edge, BreachMarks.EXPOSED) : edge);
        }
        return new GraphModel(nodes, edges);
    }

    private boolean exposed(GraphEdge edge) {
        return breach.plaintextPairs().contains(BreachMarks.pair(edge.source(), edge.target()));
    }

    // TODO(#6): GraphEdge puts marks after the verdict and connection classes and GraphStream lets the first class
    // win, so an exposed edge keeps its colour and only gets a bigger arrowhead; its hover text also says
    // "[draft: exposed]". Needs marks-first edges in ui/graph, agreed with the draft's would_break/opens.
    private static GraphEdge withMark(GraphEdge edge, String mark) {
        List<String> marks = new ArrayList<>(edge.marks());
        marks.add(mark);
        return new GraphEdge(edge.id(), edge.source(), edge.target(), edge.assessment(), marks);
    }
}
