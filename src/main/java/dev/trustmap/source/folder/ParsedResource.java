package dev.trustmap.source.folder;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One object read from a manifest, with where it came from.
 *
 * @param object the typed fabric8 object; a {@link GenericKubernetesResource} for kinds Trustmap does not read
 * @param file the file (or other origin) it was read from
 * @param line the 1-based line where the object starts
 */
public record ParsedResource(HasMetadata object, String file, int line) {

    /** Whether Trustmap reads this kind; other kinds are skipped and only counted. */
    public boolean supported() {
        return !(object instanceof GenericKubernetesResource);
    }

    /** {@code file:line}, for messages. */
    public String location() {
        return file + ":" + line;
    }
}
