package dev.trustmap.text;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * What a file operation's failure means, in words. The JDK gives some exceptions (access denied, no such file) only
 * the path as their message, which repeats the path a message already names.
 */
public final class IoReasons {
    private IoReasons() {}

    /**
     * The reason, e.g. {@code permission denied} or {@code Read-only file system}; names the file the failure was
     * on when it is not {@code named}, the path the message around it names already.
     */
    public static String of(IOException e, Path named) {
        String reason = words(e);
        if (e instanceof FileSystemException fs
                && fs.getFile() != null
                && !Path.of(fs.getFile()).equals(named)) {
            return reason + " (" + fs.getFile() + ")";
        }
        return reason;
    }

    private static String words(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return "a file is in the way";
        }
        if (e instanceof FileSystemException fs) {
            return fs.getReason() == null ? "the file system refused" : fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
