package dev.trustmap.ui.graph;

import java.util.EnumSet;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.layout.Region;
import org.graphstream.graph.Element;
import org.graphstream.graph.Graph;
import org.graphstream.graph.implementations.MultiGraph;
import org.graphstream.ui.fx_viewer.FxDefaultView;
import org.graphstream.ui.fx_viewer.FxViewer;
import org.graphstream.ui.graphicGraph.GraphicGraph;
import org.graphstream.ui.javafx.FxGraphRenderer;
import org.graphstream.ui.view.View;
import org.graphstream.ui.view.Viewer;
import org.graphstream.ui.view.camera.Camera;
import org.graphstream.ui.view.util.InteractiveElement;
import org.graphstream.ui.view.util.MouseManager;
import org.graphstream.ui.view.util.ShortcutManager;

/**
 * The graph on screen: GraphStream's JavaFX viewer over a graph kept in step with the {@link GraphViewModel}.
 * Positions come from the model (the viewer's own layout is off); our mouse handling replaces GraphStream's so
 * nodes cannot be dragged away from their computed places.
 */
public final class GraphView {
    private static final double ZOOM_STEP = 1.25;
    private static final double MIN_VIEW = 0.01;
    private static final double MAX_VIEW = 1.5;
    private static final double LINK_RING_PX = 18;
    private static final javafx.css.PseudoClass VALID = javafx.css.PseudoClass.getPseudoClass("valid");

    private final GraphViewModel viewModel;
    private final Graph graph = new MultiGraph("mesh", false, false);
    private final FxViewer viewer;
    private final FxDefaultView panel;
    private final GraphSync sync = new GraphSync(graph);
    private final GraphStyles styles = new GraphStyles();
    private int styledFor = -1;
    private Selection highlighted = Selection.NONE;
    private GraphGestures gestures;
    private final javafx.scene.layout.Pane linkLayer = new javafx.scene.layout.Pane();
    private final javafx.scene.shape.Line linkLine = new javafx.scene.shape.Line();
    private final javafx.scene.shape.Circle linkTarget = new javafx.scene.shape.Circle(LINK_RING_PX);

    public GraphView(GraphViewModel viewModel) {
        assert Platform.isFxApplicationThread();
        this.viewModel = viewModel;
        System.setProperty("org.graphstream.ui", "javafx");
        graph.setAttribute("ui.antialias");
        graph.setAttribute("ui.quality");
        viewer = new FxViewer(graph, Viewer.ThreadingModel.GRAPH_IN_GUI_THREAD);
        viewer.disableAutoLayout();
        panel = (FxDefaultView) viewer.addDefaultView(false, new FxGraphRenderer());
        panel.setMouseManager(new Inert());
        panel.setShortcutManager(new Inert());
        panel.setId("graph-view");
        panel.setFocusTraversable(true);
        new GraphMouse(this, viewModel).install(panel);
        viewModel.visibleProperty().addListener((obs, old, now) -> apply(now));
        viewModel.positionsProperty().addListener((obs, old, now) -> relaid());
        viewModel.selectionProperty().addListener((obs, old, now) -> highlight(now));
        installLinkLayer();
        apply(viewModel.visibleProperty().get());
    }

    private void installLinkLayer() {
        linkLayer.setId("link-layer");
        linkLayer.setMouseTransparent(true);
        linkLine.getStyleClass().add("link-line");
        linkTarget.getStyleClass().add("link-target");
        linkLayer.getChildren().addAll(linkLine, linkTarget);
        drawLink(null);
        viewModel.linkDragProperty().addListener((obs, old, now) -> drawLink(now));
    }

    /** A layer to put over {@link #node()} in the same parent: the dashed line of a drag from a workload. */
    public Region linkLayer() {
        return linkLayer;
    }

    /** The feedback of a drag from a node: a dashed line to the pointer, and a ring around a node that takes it. */
    private void drawLink(LinkDrag drag) {
        javafx.geometry.Point2D from = drag == null ? null : pixelOf(drag.from());
        boolean shown = from != null;
        linkLine.setVisible(shown);
        linkTarget.setVisible(shown && drag.valid());
        if (!shown) {
            return;
        }
        javafx.geometry.Point2D start = toLayer(from);
        javafx.geometry.Point2D end = toLayer(new javafx.geometry.Point2D(drag.x(), drag.y()));
        linkLine.setStartX(start.getX());
        linkLine.setStartY(start.getY());
        linkLine.setEndX(end.getX());
        linkLine.setEndY(end.getY());
        linkLine.pseudoClassStateChanged(VALID, drag.valid());
        if (drag.valid()) {
            javafx.geometry.Point2D target = toLayer(pixelOf(drag.target()));
            linkTarget.setCenterX(target.getX());
            linkTarget.setCenterY(target.getY());
        }
    }

    private javafx.geometry.Point2D toLayer(javafx.geometry.Point2D panelPixel) {
        return linkLayer.sceneToLocal(panel.localToScene(panelPixel));
    }

    /** The JavaFX node to put in the window. */
    public Region node() {
        return panel;
    }

    private void apply(GraphModel model) {
        int size = model.nodes().size();
        if (bucket(size) != bucket(styledFor)) {
            graph.setAttribute("ui.stylesheet", styles.forSize(size));
            // Anti-aliasing costs most of a frame in the software pipeline once the graph is big.
            if (size > GraphStyles.LABELLED_NODES) {
                graph.removeAttribute("ui.antialias");
                graph.removeAttribute("ui.quality");
            } else {
                graph.setAttribute("ui.antialias");
                graph.setAttribute("ui.quality");
            }
            styledFor = size;
        }
        sync.apply(model, viewModel.positionsProperty().get());
        highlight(viewModel.selectionProperty().get());
    }

    private static int bucket(int nodes) {
        return nodes < 0 ? -1 : nodes <= GraphStyles.LABELLED_NODES ? 0 : nodes <= 1000 ? 1 : 2;
    }

    private void relaid() {
        apply(viewModel.visibleProperty().get());
        camera().resetView();
    }

    private void highlight(Selection selection) {
        Element previous = element(highlighted);
        if (previous != null) {
            previous.removeAttribute("ui.selected");
        }
        Element now = element(selection);
        if (now != null) {
            now.setAttribute("ui.selected");
        }
        highlighted = selection;
        sync.focus(selection.isNode() ? selection.id() : null);
    }

    private Element element(Selection selection) {
        return switch (selection.kind()) {
            case NODE -> graph.getNode(selection.id());
            case EDGE -> graph.getEdge(selection.id());
            case NONE -> null;
        };
    }

    public void zoomIn() {
        zoomBy(1 / ZOOM_STEP);
    }

    public void zoomOut() {
        zoomBy(ZOOM_STEP);
    }

    // TODO(#3): zooming redraws the whole graph per step (about 180 ms at 5,000 workloads in the software
    // pipeline); scale the drawn canvas while the wheel turns, as panning does, and redraw once.
    void zoomBy(double factor) {
        Camera camera = camera();
        camera.setViewPercent(Math.max(MIN_VIEW, Math.min(MAX_VIEW, camera.getViewPercent() * factor)));
    }

    /** Shows the whole graph again. */
    public void fit() {
        camera().resetView();
    }

    /** Moves the view so the node is in the middle, zooming in on big graphs so its label shows. */
    public void centreOn(String nodeId) {
        Point at = viewModel.positionsProperty().get().get(nodeId);
        if (at == null) {
            return;
        }
        Camera camera = camera();
        camera.setViewCenter(at.x(), at.y(), 0);
        int nodes = viewModel.visibleProperty().get().nodes().size();
        if (nodes > GraphStyles.LABELLED_NODES) {
            camera.setViewPercent(Math.min(camera.getViewPercent(), 0.9 * Math.sqrt(30.0 / nodes)));
        }
    }

    /**
     * Moves the view by a number of pixels while the user drags. The drawn canvas is only shifted (cheap: no
     * redraw of thousands of edges each frame); {@link #endPan()} turns the shift into a camera move and draws once.
     */
    public void panBy(double dxPixels, double dyPixels) {
        panel.setTranslateX(panel.getTranslateX() + dxPixels);
        panel.setTranslateY(panel.getTranslateY() + dyPixels);
    }

    /** Ends a drag: moves the camera by the accumulated shift and redraws. */
    public void endPan() {
        double dx = panel.getTranslateX();
        double dy = panel.getTranslateY();
        panel.setTranslateX(0);
        panel.setTranslateY(0);
        if (dx == 0 && dy == 0) {
            return;
        }
        Camera camera = camera();
        Point origin = toGraph(0, 0);
        Point moved = toGraph(dx, dy);
        var centre = camera.getViewCenter();
        camera.setViewCenter(centre.x - (moved.x() - origin.x()), centre.y - (moved.y() - origin.y()), 0);
    }

    /** Converts a pixel position in the panel to graph units. */
    Point toGraph(double x, double y) {
        var gu = camera().transformPxToGu(x, y);
        return new Point(gu.x, gu.y);
    }

    /** The pixel position of a node's centre in the panel, or null when it is not placed. */
    public javafx.geometry.Point2D pixelOf(String nodeId) {
        Point at = viewModel.positionsProperty().get().get(nodeId);
        if (at == null) {
            return null;
        }
        var px = camera().transformGuToPx(at.x(), at.y(), 0);
        return new javafx.geometry.Point2D(px.x, px.y);
    }

    /** Right-click menus and node-to-node drags; null turns them off (a drag from a node then pans). */
    public void setGestures(GraphGestures newGestures) {
        gestures = newGestures;
    }

    /** The current gestures, so a feature can add menu items to them; may be null. */
    public GraphGestures gestures() {
        return gestures;
    }

    public Camera camera() {
        return panel.getCamera();
    }

    /** The GraphStream graph (for tests and measurements). */
    public Graph graph() {
        return graph;
    }

    public void close() {
        viewer.close();
    }

    /** Replaces GraphStream's mouse and keyboard handling, which would drag nodes and select by rectangle. */
    private static final class Inert implements MouseManager, ShortcutManager {
        @Override
        public void init(GraphicGraph graph, View view) {
            // nothing: GraphMouse handles input
        }

        @Override
        public void release() {
            // nothing registered
        }

        @Override
        public EnumSet<InteractiveElement> getManagedTypes() {
            return EnumSet.noneOf(InteractiveElement.class);
        }
    }

    Map<String, Point> positions() {
        return viewModel.positionsProperty().get();
    }
}
