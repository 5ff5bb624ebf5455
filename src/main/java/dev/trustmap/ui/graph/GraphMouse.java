package dev.trustmap.ui.graph;

import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/** Mouse on the graph: click selects a node or edge, drag pans, wheel zooms, hovering an edge shows its rate. */
final class GraphMouse {
    private static final double NODE_RADIUS_PX = 14;
    private static final double EDGE_TOLERANCE_PX = 6;
    private static final double CLICK_SLOP_PX = 4;

    private final GraphView view;
    private final GraphViewModel viewModel;
    private final Tooltip tooltip = new Tooltip();
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragged;

    GraphMouse(GraphView view, GraphViewModel viewModel) {
        this.view = view;
        this.viewModel = viewModel;
        tooltip.setShowDelay(Duration.ZERO);
        tooltip.getStyleClass().add("graph-tooltip");
    }

    void install(Region panel) {
        panel.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        panel.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        panel.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        panel.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(panel, e));
        panel.addEventHandler(MouseEvent.MOUSE_EXITED, e -> tooltip.hide());
        panel.addEventHandler(ScrollEvent.SCROLL, e -> view.zoomBy(e.getDeltaY() > 0 ? 1 / 1.1 : 1.1));
    }

    private void pressed(MouseEvent event) {
        pressX = event.getX();
        pressY = event.getY();
        lastX = pressX;
        lastY = pressY;
        dragged = false;
        tooltip.hide();
        ((Region) event.getSource()).requestFocus();
    }

    private void dragged(MouseEvent event) {
        if (Math.hypot(event.getX() - pressX, event.getY() - pressY) > CLICK_SLOP_PX) {
            dragged = true;
        }
        view.panBy(event.getX() - lastX, event.getY() - lastY);
        lastX = event.getX();
        lastY = event.getY();
    }

    private void released(MouseEvent event) {
        view.endPan();
        if (!dragged && event.getButton() == MouseButton.PRIMARY) {
            viewModel.select(hit(event.getX(), event.getY()));
        }
    }

    private void hover(Region panel, MouseEvent event) {
        Selection under = hit(event.getX(), event.getY());
        String text = describe(under);
        if (text == null) {
            tooltip.hide();
            return;
        }
        tooltip.setText(text);
        tooltip.show(panel, event.getScreenX() + 14, event.getScreenY() + 14);
    }

    private String describe(Selection under) {
        GraphModel model = viewModel.visibleProperty().get();
        return switch (under.kind()) {
            case EDGE -> model.edge(under.id()).map(GraphEdge::summary).orElse(null);
            case NODE -> under.id();
            case NONE -> null;
        };
    }

    /** What lies under a pixel: tolerances are in pixels, converted with the current zoom. */
    Selection hit(double x, double y) {
        Point at = view.toGraph(x, y);
        double unitsPerPixel = view.toGraph(x + 100, y).distance(at) / 100;
        return HitTest.find(
                viewModel.visibleProperty().get(),
                view.positions(),
                view.routes(),
                at,
                NODE_RADIUS_PX * unitsPerPixel,
                EDGE_TOLERANCE_PX * unitsPerPixel);
    }
}
