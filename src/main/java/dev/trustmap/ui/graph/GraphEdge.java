package dev.trustmap.ui.graph;

import dev.trustmap.analysis.EdgeAssessment;
import dev.trustmap.mesh.TrafficEdge;
import java.util.List;
import java.util.Locale;

/**
 * An observed edge as the graph draws it.
 *
 * @param id unique within the graph: {@code source -> target:port}
 * @param source the client node's id
 * @param target the server node's id
 * @param assessment the traffic and the engine's verdict
 * @param marks extra style classes, e.g. how a policy draft would change the edge ({@code would_break}, {@code opens})
 */
public record GraphEdge(String id, String source, String target, EdgeAssessment assessment, List<String> marks) {

    public GraphEdge {
        marks = List.copyOf(marks);
    }

    /** An edge without marks. */
    public GraphEdge(String id, String source, String target, EdgeAssessment assessment) {
        this(id, source, target, assessment, List.of());
    }

    // TODO(#3): two Services of one workload on the same port collapse into one edge; add the Service to the id
    // once a source reports such traffic.
    /** The id for an edge: {@code source -> target:port}. */
    public static String idOf(TrafficEdge edge) {
        return edge.sourceId() + " -> " + edge.destinationId() + ":" + edge.port();
    }

    /**
     * The marks, then the verdict class and the connection class. Marks come first because GraphStream gives the
     * first class that sets a property priority: a mark's colour or width shows, and what it leaves unset (the line
     * pattern, usually) still comes from the verdict and connection.
     */
    public List<String> styleClasses() {
        if (marks.isEmpty()) {
            return List.of(verdictClass(), connectionClass());
        }
        List<String> classes = new java.util.ArrayList<>(marks);
        classes.add(verdictClass());
        classes.add(connectionClass());
        return classes;
    }

    public String verdictClass() {
        return EdgeStyle.verdictClass(assessment.verdict());
    }

    public String connectionClass() {
        return EdgeStyle.connectionClass(assessment.verdict());
    }

    public double rate() {
        return assessment.edge().requestsPerSecond();
    }

    /** Whether the engine denies this edge (by policy, or because the connection breaks). */
    public boolean denied() {
        return EdgeStyle.DENY.equals(verdictClass());
    }

    /** One line for the hover tooltip: route, rate and verdict. */
    public String summary() {
        TrafficEdge edge = assessment.edge();
        String text = String.format(
                Locale.ROOT,
                "%s → %s:%d  %.1f req/s  %s, %s",
                source,
                target,
                edge.port(),
                edge.requestsPerSecond(),
                assessment.verdict().decision(),
                connectionClass());
        return marks.isEmpty() ? text : text + "  [" + String.join(", ", marks).replace('_', ' ') + "]";
    }
}
