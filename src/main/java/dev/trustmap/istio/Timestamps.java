package dev.trustmap.istio;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads {@code metadata.creationTimestamp}, which decides among competing policies. */
final class Timestamps {
    private Timestamps() {}

    /** The creation time, or null when absent or unreadable (then input order decides). */
    static Instant created(ObjectMeta meta) {
        String text = meta == null ? null : meta.getCreationTimestamp();
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
