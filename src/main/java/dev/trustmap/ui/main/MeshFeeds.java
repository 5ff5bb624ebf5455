package dev.trustmap.ui.main;

import dev.trustmap.ui.common.Messages;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Makes the feeds the toolbar can switch to. Tests pass their own.
 *
 * @param lab the built-in lab
 * @param folder a folder of manifests
 */
public record MeshFeeds(Supplier<MeshFeed> lab, Function<Path, MeshFeed> folder) {

    /** The real lab and folder sources. */
    public static MeshFeeds standard(Messages messages) {
        return new MeshFeeds(
                () -> new LabFeed(messages.get("source.lab"), messages),
                path -> new FolderFeed(path, messages.get("source.folder", path.getFileName()), messages));
    }
}
