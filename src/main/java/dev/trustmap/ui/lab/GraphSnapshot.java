package dev.trustmap.ui.lab;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.transform.Scale;
import javax.imageio.ImageIO;

/**
 * A PNG of the graph view as it is on screen, at twice the screen's size so labels stay readable, with the legend
 * strip (verdict colours, line patterns, node shapes) under it: "Export graph as PNG".
 */
final class GraphSnapshot implements Supplier<byte[]> {
    private static final double SCALE = 2;

    private final Node node;
    private final Supplier<Node> legend;

    /** {@code legend} finds the legend on screen; it may give null, and the PNG then has the graph alone. */
    GraphSnapshot(Node node, Supplier<Node> legend) {
        this.node = node;
        this.legend = legend;
    }

    @Override
    public byte[] get() {
        assert Platform.isFxApplicationThread();
        BufferedImage graph = snapshot(node);
        Node legendNode = legend.get();
        BufferedImage image = legendNode == null ? graph : stack(graph, snapshot(legendNode));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the graph as PNG", e);
        }
        return out.toByteArray();
    }

    private static BufferedImage snapshot(Node node) {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setTransform(new Scale(SCALE, SCALE));
        return SwingFXUtils.fromFXImage(node.snapshot(parameters, null), null);
    }

    /** The graph with the legend under it, on white. */
    private static BufferedImage stack(BufferedImage graph, BufferedImage legend) {
        int width = Math.max(graph.getWidth(), legend.getWidth());
        BufferedImage both =
                new BufferedImage(width, graph.getHeight() + legend.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = both.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, both.getWidth(), both.getHeight());
            g.drawImage(graph, 0, 0, null);
            g.drawImage(legend, 0, graph.getHeight(), null);
        } finally {
            g.dispose();
        }
        return both;
    }
}
