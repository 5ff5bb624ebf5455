package dev.trustmap.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgeRoutesTest {
    // One column of three (top, middle, bottom) right of a caller; top calls bottom past middle.
    private static final Map<String, Point> POSITIONS = Map.of(
            "a/caller", new Point(-4, 0),
            "a/top", new Point(0, -1),
            "a/middle", new Point(0, 0),
            "a/bottom", new Point(0, 1),
            "a/next", new Point(4, 3));

    private static final GraphModel MODEL = new GraphModel(
            POSITIONS.keySet().stream().map(EdgeRoutesTest::node).toList(),
            List.of(
                    edge("a/caller", "a/middle"),
                    edge("a/top", "a/bottom"),
                    edge("a/top", "a/middle"),
                    edge("a/middle", "a/next")));

    private static GraphNode node(String id) {
        return new GraphNode(id, id.substring(2), "a", NodeKind.SIDECAR, 0);
    }

    private static GraphEdge edge(String from, String to) {
        return new GraphEdge(from + " -> " + to + ":80", from, to, null);
    }

    private final EdgeRoutes routes = EdgeRoutes.of(MODEL, POSITIONS);

    @Test
    void bendsACallWithinAColumnAroundTheNodesBetween() {
        List<Point> curve = routes.curve("a/top -> a/bottom:80");
        assertThat(curve).isNotNull().hasSize(4);
        Point middleOfCurve = EdgeRoutes.at(curve, 0.5);
        assertThat(middleOfCurve.distance(POSITIONS.get("a/middle"))).isGreaterThan(0.4);
        assertThat(middleOfCurve.x()).isGreaterThan(0);
    }

    @Test
    void keepsCallsBetweenColumnsAndNeighboursStraight() {
        assertThat(routes.curve("a/caller -> a/middle:80")).isNull();
        assertThat(routes.curve("a/top -> a/middle:80")).isNull();
    }

    @Test
    void hitTestingFollowsTheCurveNotTheStraightLine() {
        Point onCurve = EdgeRoutes.at(routes.curve("a/top -> a/bottom:80"), 0.5);
        Point onStraightLine = new Point(0, 0.5);

        assertThat(HitTest.find(MODEL, POSITIONS, routes, onCurve, 0.2, 0.1))
                .isEqualTo(Selection.edge("a/top -> a/bottom:80"));
        assertThat(HitTest.find(MODEL, POSITIONS, routes, onStraightLine, 0.2, 0.1))
                .isNotEqualTo(Selection.edge("a/top -> a/bottom:80"));
    }

    @Test
    void fansOutCallsBothWaysBetweenTwoNodesOnEitherSide() {
        GraphModel pair = new GraphModel(
                List.of(node("a/left"), node("a/right")),
                List.of(edge("a/left", "a/right"), edge("a/right", "a/left")));
        Map<String, Point> at = Map.of("a/left", new Point(0, 0), "a/right", new Point(4, 0));

        EdgeRoutes fanned = EdgeRoutes.of(pair, at);

        Point there = EdgeRoutes.at(fanned.curve("a/left -> a/right:80"), 0.5);
        Point back = EdgeRoutes.at(fanned.curve("a/right -> a/left:80"), 0.5);
        assertThat(Math.signum(there.y())).isEqualTo(-Math.signum(back.y())).isNotZero();
        assertThat(HitTest.find(pair, at, fanned, there, 0.2, 0.1)).isEqualTo(Selection.edge("a/left -> a/right:80"));
        assertThat(HitTest.find(pair, at, fanned, back, 0.2, 0.1)).isEqualTo(Selection.edge("a/right -> a/left:80"));
    }
}
