package dev.trustmap.ui.common;

import java.nio.file.Path;
import java.util.Optional;

/** Every dialog the app shows goes through here, so tests can replace them. */
public interface DialogService {

    /** Shows an error: what failed and what to do next; {@code details} (may be null) goes into an expandable area. */
    void showError(String title, String message, Throwable details);

    /** Asks for a folder; empty when the user cancels. */
    Optional<Path> chooseFolder(String title);

    /**
     * Asks for a file to open, offering those matching {@code patterns} (e.g. {@code *.yaml}) under the name
     * {@code filterName}; empty when the user cancels.
     */
    default Optional<Path> chooseFile(String title, String filterName, java.util.List<String> patterns) {
        return Optional.empty();
    }

    /** Asks where to save a file, suggesting {@code initialName}; empty when the user cancels. */
    default Optional<Path> chooseSaveFile(String title, String initialName) {
        return Optional.empty();
    }
}
