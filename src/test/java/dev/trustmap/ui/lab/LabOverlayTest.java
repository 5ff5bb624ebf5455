package dev.trustmap.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.ui.LabFixture;
import dev.trustmap.ui.graph.GraphEdge;
import dev.trustmap.ui.graph.GraphModel;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabOverlayTest {
    private final GraphModel model = LabFixture.model(LabFixture.state());

    @Test
    void leavesTheGraphAloneWithoutMarks() {
        assertThat(new LabOverlay(Set.of(), BreachMarks.NONE).apply(model)).isSameAs(model);
    }

    @Test
    void addsBadgesAndBreachClassesAfterTheNodesOwn() {
        BreachMarks marks = new BreachMarks(
                Map.of("frontend/web", BreachMarks.COMPROMISED, "frontend/api-gateway", BreachMarks.REACHED), Set.of());
        GraphModel shown = new LabOverlay(Set.of("frontend/web"), marks).apply(model);
        assertThat(shown.node("frontend/web").orElseThrow().styleClasses())
                .startsWith(BreachMarks.COMPROMISED, "sidecar")
                .endsWith(LabOverlay.FINDING);
        assertThat(shown.node("frontend/api-gateway").orElseThrow().styleClasses())
                .startsWith(BreachMarks.REACHED);
        assertThat(shown.nodes()).hasSameSizeAs(model.nodes());
    }

    @Test
    void marksPlaintextEdgesBetweenTheirEnds() {
        GraphEdge edge = model.edges().get(0);
        BreachMarks marks = new BreachMarks(Map.of(), Set.of(BreachMarks.pair(edge.source(), edge.target())));
        GraphModel shown = new LabOverlay(Set.of("x"), marks).apply(model);
        assertThat(shown.edge(edge.id()).orElseThrow().styleClasses()).startsWith(BreachMarks.EXPOSED);
        assertThat(shown.edges().get(1).marks()).doesNotContain(BreachMarks.EXPOSED);
    }
}
