package dev.trustmap.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.ui.LabFixture;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayeredLayoutTest {
    private final GraphModel model = LabFixture.model(LabFixture.state());
    private final Map<String, Point> positions = LayeredLayout.compute(model);

    @Test
    void placesEveryNodeOnItsOwnSpot() {
        assertThat(positions.keySet()).containsExactlyInAnyOrderElementsOf(model.nodeIds());
        assertThat(new HashSet<>(positions.values())).hasSize(model.nodes().size());
    }

    @Test
    void putsOutsideClientsFirstAndCalleesRightOfTheGateway() {
        double unknown = positions.get("unknown").x();
        double gateway = positions.get("istio-system/istio-ingressgateway").x();
        assertThat(positions.values()).allMatch(p -> p.x() >= unknown);
        assertThat(gateway).isGreaterThan(unknown);
        assertThat(positions.get("frontend/api-gateway").x()).isGreaterThan(gateway);
    }

    @Test
    void hitTestFindsNodesAndEdges() {
        Point kyc = positions.get("identity/kyc");
        assertThat(HitTest.find(model, positions, kyc, 0.3, 0.1)).isEqualTo(Selection.node("identity/kyc"));
        Point from = positions.get("payments/payments");
        Point to = positions.get("payments/ledger");
        Point middle = new Point((from.x() + to.x()) / 2, (from.y() + to.y()) / 2);
        assertThat(HitTest.find(model, positions, middle, 0.01, 0.05).id()).startsWith("payments/payments -> ");
    }
}
