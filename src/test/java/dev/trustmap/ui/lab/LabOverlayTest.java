package dev.trustmap.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.ui.LabFixture;
import dev.trustmap.ui.graph.GraphEdge;
import dev.trustmap.ui.graph.GraphModel;
import java.util.List;
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

    @Test
    void putsBreachMarksBeforeTheDraftsSoBothShow() {
        GraphEdge observed = model.edges().get(0);
        GraphEdge breaking = new GraphEdge(
                observed.id(), observed.source(), observed.target(), observed.assessment(), List.of("would_break"));
        GraphModel drafted =
                new GraphModel(model.nodes(), List.of(breaking, model.edges().get(1)));
        BreachMarks marks = new BreachMarks(
                Map.of(),
                Set.of(BreachMarks.pair(observed.source(), observed.target())),
                Map.of(
                        observed.id(),
                        BreachMarks.ATTACK_CLOSED,
                        model.edges().get(1).id(),
                        BreachMarks.ATTACK),
                Map.of());

        GraphModel shown = new LabOverlay(Set.of(), marks).apply(drafted);

        assertThat(shown.edge(observed.id()).orElseThrow().styleClasses())
                .containsExactly(
                        BreachMarks.ATTACK_CLOSED,
                        BreachMarks.EXPOSED,
                        "would_break",
                        observed.verdictClass(),
                        observed.connectionClass());
        assertThat(shown.edges().get(1).styleClasses())
                .startsWith(BreachMarks.ATTACK)
                .hasSize(3);
    }

    @Test
    void addsEdgesForMarkedRoutesWithoutTrafficBetweenNodesOnTheGraph() {
        GraphEdge observed = model.edges().get(0);
        String id = "frontend/web -> messaging/kafka:9092";
        BreachMarks marks = new BreachMarks(
                Map.of(),
                Set.of(),
                Map.of(id, BreachMarks.ATTACK, "frontend/web -> gone/x:80", BreachMarks.ATTACK),
                Map.of(
                        id,
                        new BreachMarks.Added("frontend/web", "messaging/kafka", observed.assessment()),
                        "frontend/web -> gone/x:80",
                        new BreachMarks.Added("frontend/web", "gone/x", observed.assessment())));

        GraphModel shown = new LabOverlay(Set.of(), marks).apply(model);

        assertThat(model.edge(id)).isEmpty();
        assertThat(shown.edge(id).orElseThrow().styleClasses()).startsWith(BreachMarks.ATTACK);
        assertThat(shown.edge("frontend/web -> gone/x:80")).isEmpty();
        assertThat(shown.edges()).hasSize(model.edges().size() + 1);
    }
}
