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
    private String linkFrom;
    /** A drag from a node that Escape dropped: the rest of it neither pans nor declares anything. */
    private boolean linkCancelled;

    private javafx.scene.control.ContextMenu menu;

    GraphMouse(GraphView view, GraphViewModel viewModel) {
        this.view = view;
        this.viewModel = viewModel;
        tooltip.setShowDelay(Duration.ZERO);
        tooltip.getStyleClass().add("graph-tooltip");
    }

    void install(Region panel) {
        panel.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, this::keyPressed);
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
        linkCancelled = false;
        tooltip.hide();
        if (menu != null) {
            menu.hide();
        }
        Selection under = hit(pressX, pressY);
        linkFrom = view.gestures() != null && event.getButton() == MouseButton.PRIMARY && under.isNode()
                ? under.id()
                : null;
        ((Region) event.getSource()).requestFocus();
    }

    private void dragged(MouseEvent event) {
        if (linkCancelled) {
            return;
        }
        if (Math.hypot(event.getX() - pressX, event.getY() - pressY) > CLICK_SLOP_PX) {
            dragged = true;
        }
        if (linkFrom == null) {
            view.panBy(event.getX() - lastX, event.getY() - lastY);
        } else if (dragged) {
            linking(event.getX(), event.getY());
        }
        lastX = event.getX();
        lastY = event.getY();
    }

    private void released(MouseEvent event) {
        view.endPan();
        if (linkCancelled) {
            linkCancelled = false;
            return;
        }
        Selection under = hit(event.getX(), event.getY());
        viewModel.linkDragProperty().set(null);
        if (linkFrom != null && dragged) {
            if (under.isNode() && !under.id().equals(linkFrom)) {
                view.gestures().link(linkFrom, under.id());
            }
        } else if (!dragged && event.getButton() == MouseButton.PRIMARY) {
            viewModel.select(under);
        } else if (!dragged && event.getButton() == MouseButton.SECONDARY && view.gestures() != null) {
            showMenu((Region) event.getSource(), under, event);
        }
        linkFrom = null;
    }

    /** The feedback while dragging from a node: where the pointer is, and whether the node under it takes a drop. */
    private void linking(double x, double y) {
        Selection under = hit(x, y);
        String target = under.isNode() && !under.id().equals(linkFrom) ? under.id() : null;
        boolean valid = target != null && view.gestures().canLink(linkFrom, target);
        viewModel.linkDragProperty().set(new LinkDrag(linkFrom, x, y, target, valid));
    }

    /** Escape during a drag from a node drops it: nothing is declared on release. */
    private void keyPressed(javafx.scene.input.KeyEvent event) {
        if (event.getCode() == javafx.scene.input.KeyCode.ESCAPE && linkFrom != null) {
            linkFrom = null;
            linkCancelled = true;
            viewModel.linkDragProperty().set(null);
            event.consume();
        }
    }

    private void showMenu(Region panel, Selection under, MouseEvent event) {
        var items = view.gestures().menuFor(under);
        if (items.isEmpty()) {
            return;
        }
        viewModel.select(under);
        menu = new javafx.scene.control.ContextMenu(items.toArray(javafx.scene.control.MenuItem[]::new));
        menu.getStyleClass().add("graph-menu");
        menu.show(panel, event.getScreenX(), event.getScreenY());
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
                at,
                NODE_RADIUS_PX * unitsPerPixel,
                EDGE_TOLERANCE_PX * unitsPerPixel);
    }
}
