package dev.trustmap.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.trustmap.text.IoReasons;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes Kubernetes objects as kubectl would show them: no document marker, quotes only where YAML needs them,
 * empty fields left out, keys in the model's order.
 */
public final class YamlWriter {
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .build();

    private YamlWriter() {}

    /** One object as YAML. */
    public static String toYaml(HasMetadata object) {
        try {
            return MAPPER.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + object.getKind() + " as YAML", e);
        }
    }

    /** Several objects as one multi-document YAML text. */
    public static String toYaml(List<? extends HasMetadata> objects) {
        List<String> documents = new ArrayList<>();
        for (HasMetadata object : objects) {
            documents.add(toYaml(object));
        }
        return String.join("---\n", documents);
    }

    /** The file name for an object: {@code namespace-kind-name.yaml}, lower case. */
    public static String fileName(HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        String base = (namespace == null ? "" : namespace + "-") + object.getKind() + "-"
                + object.getMetadata().getName();
        return base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-") + ".yaml";
    }

    /**
     * Writes a file per object into {@code folder} (created if needed); returns the files written.
     *
     * @throws UncheckedIOException when it cannot, with a message for people: {@code cannot write to FOLDER: why}
     */
    public static List<Path> writeFolder(List<? extends HasMetadata> objects, Path folder) {
        try {
            Files.createDirectories(folder);
            List<Path> written = new ArrayList<>();
            for (HasMetadata object : objects) {
                Path file = folder.resolve(fileName(object));
                Files.writeString(file, toYaml(object));
                written.add(file);
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + folder + ": " + IoReasons.of(e, folder), e);
        }
    }
}
