package dev.trustmap.analysis.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes the saved drafts from a test's Trustmap folder, so a window starts with an empty draft. */
public final class DraftFiles {
    private DraftFiles() {}

    /** Deletes {@code draft.yaml} and the {@code drafts} folder of every source. */
    public static void clear(Path home) throws IOException {
        Files.deleteIfExists(home.resolve(DraftStore.LEGACY_FILE));
        Path drafts = home.resolve(DraftStore.DRAFTS);
        if (Files.isDirectory(drafts)) {
            try (Stream<Path> files = Files.walk(drafts)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** The lab's draft file in {@code home}. */
    public static Path lab(Path home) {
        return new DraftStore(home).forSource(DraftSource.lab("Lab")).file();
    }
}
