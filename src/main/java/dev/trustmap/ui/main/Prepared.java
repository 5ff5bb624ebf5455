package dev.trustmap.ui.main;

import dev.trustmap.ui.common.MeshState;
import dev.trustmap.ui.graph.GraphModel;
import dev.trustmap.ui.graph.GraphModelBuilder;
import dev.trustmap.ui.graph.LayeredLayout;
import dev.trustmap.ui.graph.Point;
import java.util.Map;

/**
 * A mesh made ready on the worker thread: its state, its graph model and, when the nodes changed, new positions.
 *
 * @param positions null when the previous positions still fit
 */
record Prepared(MeshState state, GraphModel model, Map<String, Point> positions) {

    /** Builds the graph and lays it out: the expensive part, off the FX thread. */
    static Prepared laidOut(MeshState state) {
        GraphModel model = GraphModelBuilder.build(state.snapshot(), state.assessment());
        return new Prepared(state, model, LayeredLayout.compute(model));
    }

    /** Builds the graph; lays it out only if its nodes differ from {@code previous}. */
    static Prepared update(MeshState state, GraphModel previous) {
        return update(state, previous, Map.of());
    }

    /**
     * Builds the graph; when its nodes differ from {@code previous}, lays it out again but keeps the nodes that stay
     * at their {@code previousPositions}, so a workload coming or going does not move the rest.
     */
    static Prepared update(MeshState state, GraphModel previous, Map<String, Point> previousPositions) {
        GraphModel model = GraphModelBuilder.build(state.snapshot(), state.assessment());
        if (previous.nodeIds().equals(model.nodeIds())) {
            return new Prepared(state, model, null);
        }
        return new Prepared(state, model, KeptPositions.merge(previousPositions, LayeredLayout.compute(model)));
    }
}
