package dev.trustmap.analysis.workspace;

import dev.trustmap.source.folder.ManifestException;
import java.nio.file.Path;

/**
 * A saved draft that cannot be read. The file was moved aside first, so no later edit overwrites it; {@link #copy()}
 * says where it went.
 */
public final class UnreadableDraftException extends Exception {
    private final transient Path file;
    private final transient Path copy;
    private final ManifestException problem;

    /**
     * @param file the draft file as it was named
     * @param problem what is wrong, with its line
     * @param copy where the file was moved, or null when it could not be moved (it is then still at {@code file})
     */
    public UnreadableDraftException(Path file, ManifestException problem, Path copy) {
        super(
                file + (problem.line() > 0 ? ":" + problem.line() : "") + ": " + problem.problem()
                        + (copy == null ? "" : " (moved to " + copy + ")"),
                problem);
        this.file = file;
        this.problem = problem;
        this.copy = copy;
    }

    public Path file() {
        return file;
    }

    /** The line (1-based), or 0 when unknown. */
    public int line() {
        return problem.line();
    }

    /** What is wrong, with the field when known. */
    public String problem() {
        return problem.field() == null ? problem.problem() : "field " + problem.field() + ": " + problem.problem();
    }

    /** Where the unreadable file is now, or null when it could not be moved. */
    public Path copy() {
        return copy;
    }
}
