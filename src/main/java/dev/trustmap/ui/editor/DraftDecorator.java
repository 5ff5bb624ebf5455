package dev.trustmap.ui.editor;

import dev.trustmap.analysis.EdgeAssessment;
import dev.trustmap.analysis.workspace.DraftAssessment;
import dev.trustmap.analysis.workspace.IntendedEdge;
import dev.trustmap.ui.graph.GraphEdge;
import dev.trustmap.ui.graph.GraphModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Shows a graph with the draft's verdicts: each edge gets the draft's verdict and a mark when its status would
 * change ({@code would_break}, {@code opens}, {@code changed}); edges drawn as intended are added ({@code intended}).
 * Edges are matched by id, so a tick with new rates keeps its marks until the draft is assessed again.
 */
final class DraftDecorator implements UnaryOperator<GraphModel> {
    static final String WOULD_BREAK = "would_break";
    static final String OPENS = "opens";
    static final String CHANGED = "changed";
    static final String INTENDED = "intended";

    private final Map<String, EdgeAssessment> verdicts = new HashMap<>();
    private final Map<String, List<String>> marks = new HashMap<>();
    private final List<IntendedEdge> intended;

    DraftDecorator(DraftAssessment assessed) {
        for (EdgeAssessment edge : assessed.edges()) {
            String id = GraphEdge.idOf(edge.edge());
            verdicts.put(id, edge);
            List<String> classes = new ArrayList<>();
            switch (assessed.mark(edge.edge())) {
                case WOULD_BREAK -> classes.add(WOULD_BREAK);
                case OPENS -> classes.add(OPENS);
                case CHANGED -> classes.add(CHANGED);
                default -> {}
            }
            marks.put(id, classes);
        }
        intended = assessed.draft().intended();
    }

    @Override
    public GraphModel apply(GraphModel model) {
        List<GraphEdge> edges = new ArrayList<>();
        for (GraphEdge edge : model.edges()) {
            EdgeAssessment draft = verdicts.get(edge.id());
            if (draft == null) {
                edges.add(edge);
                continue;
            }
            EdgeAssessment shown = new EdgeAssessment(edge.assessment().edge(), draft.request(), draft.verdict());
            edges.add(new GraphEdge(edge.id(), edge.source(), edge.target(), shown, marks.get(edge.id())));
        }
        for (IntendedEdge drawn : intended) {
            EdgeAssessment draft = verdicts.get(drawn.id());
            boolean placed = model.node(drawn.from()).isPresent()
                    && model.node(drawn.to()).isPresent();
            if (draft != null && placed && model.edge(drawn.id()).isEmpty()) {
                List<String> classes = new ArrayList<>(marks.get(drawn.id()));
                classes.add(INTENDED);
                edges.add(new GraphEdge(drawn.id(), drawn.from(), drawn.to(), draft, classes));
            }
        }
        return new GraphModel(model.nodes(), edges);
    }
}
