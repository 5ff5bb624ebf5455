package dev.trustmap.ui.replay;

import dev.trustmap.ui.graph.GraphEdge;
import dev.trustmap.ui.graph.GraphModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The replay on the graph, as edge marks that override the verdict colours once a replay has started: the edge of
 * the request being replayed ({@code replay_current}), the edges of replayed requests by their result
 * ({@code replay_fail} when any request on the edge failed, else {@code replay_pass}), and the edges not replayed yet
 * ({@code replay_pending}, faded). Before any replay the edges keep their verdict colours.
 */
final class ReplayMarks implements UnaryOperator<GraphModel> {
    static final String CURRENT = "replay_current";
    static final String PASS = "replay_pass";
    static final String FAIL = "replay_fail";
    static final String PENDING = "replay_pending";

    private final Map<String, String> byEdge;

    private ReplayMarks(Map<String, String> byEdge) {
        this.byEdge = Map.copyOf(byEdge);
    }

    /** The marks for the rows as they stand. */
    static ReplayMarks of(List<ReplayRow> rows) {
        Map<String, String> marks = new HashMap<>();
        for (ReplayRow row : rows) {
            if (row.status() == ReplayRow.Status.FAIL) {
                marks.put(row.edgeId(), FAIL);
            } else if (row.status() == ReplayRow.Status.PASS) {
                marks.putIfAbsent(row.edgeId(), PASS);
            }
        }
        rows.stream()
                .filter(row -> row.status() == ReplayRow.Status.REPLAYING)
                .forEach(row -> marks.put(row.edgeId(), CURRENT));
        if (!marks.isEmpty()) {
            rows.forEach(row -> marks.putIfAbsent(row.edgeId(), PENDING));
        }
        return new ReplayMarks(marks);
    }

    /** Whether any edge is marked (a replay has started): the verdict colours then give way to the replay's. */
    boolean any() {
        return !byEdge.isEmpty();
    }

    /** The mark of an edge, or null. */
    String markOf(String edgeId) {
        return byEdge.get(edgeId);
    }

    /** The edge with the replay's mark before its others: the replay's colour shows over the draft's and the lab's. */
    private static GraphEdge withMarkFirst(GraphEdge edge, String mark) {
        List<String> marks = new ArrayList<>();
        marks.add(mark);
        marks.addAll(edge.marks());
        return new GraphEdge(edge.id(), edge.source(), edge.target(), edge.assessment(), marks);
    }

    @Override
    public GraphModel apply(GraphModel model) {
        if (byEdge.isEmpty()) {
            return model;
        }
        List<GraphEdge> edges = new ArrayList<>();
        for (GraphEdge edge : model.edges()) {
            String mark = byEdge.get(edge.id());
            if (mark == null) {
                edges.add(edge);
                continue;
            }
            edges.add(withMarkFirst(edge, mark));
        }
        return new GraphModel(model.nodes(), edges);
    }
}
