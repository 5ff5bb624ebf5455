package dev.trustmap.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Pictures of windows under target/screenshots, which the UI tests write for reading by eye. */
public final class Screenshots {
    /** Where the pictures go. */
    public static final Path FOLDER = Path.of("target", "screenshots");

    private Screenshots() {}

    /** Takes the scene on the FX thread and writes it as {@code name} (a PNG); returns the file. */
    public static Path write(Scene scene, String name) throws Exception {
        Files.createDirectories(FOLDER);
        Path file = FOLDER.resolve(name);
        WritableImage image =
                WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot write " + file, e);
        }
        return file;
    }
}
