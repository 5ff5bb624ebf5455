package dev.trustmap.ui.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** A PNG of a node as it is on screen (the graph view), for the report and "Export graph as PNG". */
final class GraphSnapshot implements Supplier<byte[]> {
    private final Node node;

    GraphSnapshot(Node node) {
        this.node = node;
    }

    @Override
    public byte[] get() {
        assert Platform.isFxApplicationThread();
        WritableImage image = node.snapshot(null, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the graph as PNG", e);
        }
        return out.toByteArray();
    }
}
