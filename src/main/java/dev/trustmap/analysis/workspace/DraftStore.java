package dev.trustmap.analysis.workspace;

import dev.trustmap.export.YamlWriter;
import dev.trustmap.source.folder.ManifestException;
import dev.trustmap.source.folder.ManifestParser;
import dev.trustmap.source.folder.ParsedResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the draft in {@code draft.yaml} in the user's Trustmap folder, rewritten after every edit so a crash loses
 * nothing. The file is kubectl-style YAML a person can read: the draft's objects, deletions as the object annotated
 * {@code trustmap.dev/delete: "true"} (as {@code trustmap diff --draft} reads them) and intended edges as one
 * {@code IntendedTraffic} document.
 */
public final class DraftStore {
    /** The annotation that marks a deletion. */
    public static final String DELETE = "trustmap.dev/delete";

    private static final Logger LOG = LoggerFactory.getLogger(DraftStore.class);
    private static final String FILE = "draft.yaml";
    private static final String INTENDED_KIND = "IntendedTraffic";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final Path folder;

    /** A store in {@code folder} (created on first save). */
    public DraftStore(Path folder) {
        this.folder = folder;
    }

    /** The store in the user's Trustmap folder ({@code trustmap.home}, else {@code ~/.trustmap}). */
    public static DraftStore inUserFolder() {
        return new DraftStore(TrustmapFolder.path());
    }

    public Path file() {
        return folder.resolve(FILE);
    }

    /** Writes the draft (atomically: a half-written file never replaces a good one); an empty draft removes it. */
    public void save(Draft draft) {
        try {
            if (draft.isEmpty()) {
                Files.deleteIfExists(file());
                return;
            }
            Files.createDirectories(folder);
            Path temp = folder.resolve(FILE + ".tmp");
            Files.writeString(temp, toYaml(draft));
            Files.move(temp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.debug("draft of {} edits saved to {}", draft.size(), file());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the draft to " + file() + ": " + e.getMessage(), e);
        }
    }

    /** The saved draft, or empty when there is none. */
    public Optional<Draft> load() throws ManifestException {
        if (!Files.isRegularFile(file())) {
            return Optional.empty();
        }
        List<HasMetadata> objects = new ArrayList<>();
        List<HasMetadata> deleted = new ArrayList<>();
        List<IntendedEdge> intended = new ArrayList<>();
        for (ParsedResource resource : new ManifestParser().parseFile(file())) {
            HasMetadata object = resource.object();
            if (object instanceof GenericKubernetesResource generic && INTENDED_KIND.equals(generic.getKind())) {
                intended.addAll(intendedOf(generic));
            } else if (isDeletion(object)) {
                deleted.add(withoutDeleteMark(object));
            } else {
                objects.add(object);
            }
        }
        LOG.info("draft restored from {}: {} objects, {} deletions", file(), objects.size(), deleted.size());
        return Optional.of(Draft.of(objects, deleted, intended));
    }

    /** The draft as one multi-document YAML text. */
    public static String toYaml(Draft draft) {
        List<HasMetadata> documents = documents(draft);
        if (!draft.intended().isEmpty()) {
            documents.add(intendedDocument(draft.intended()));
        }
        return YamlWriter.toYaml(documents);
    }

    /** The draft's objects, then its deletions as the objects annotated {@code trustmap.dev/delete: "true"}. */
    public static List<HasMetadata> documents(Draft draft) {
        List<HasMetadata> documents = new ArrayList<>(draft.objects());
        draft.deleted().forEach(d -> documents.add(deleteMark(d)));
        return documents;
    }

    /** Whether an object read from YAML marks a deletion. */
    public static boolean isDeletion(HasMetadata object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        return annotations != null && "true".equals(annotations.get(DELETE));
    }

    /** The object without the deletion mark. */
    public static HasMetadata unmarked(HasMetadata object) {
        return withoutDeleteMark(object);
    }

    private static HasMetadata deleteMark(HasMetadata object) {
        HasMetadata copy = SERIALIZATION.clone(object);
        Map<String, String> annotations = new HashMap<>();
        if (copy.getMetadata().getAnnotations() != null) {
            annotations.putAll(copy.getMetadata().getAnnotations());
        }
        annotations.put(DELETE, "true");
        copy.getMetadata().setAnnotations(annotations);
        return copy;
    }

    private static HasMetadata withoutDeleteMark(HasMetadata object) {
        HasMetadata copy = SERIALIZATION.clone(object);
        copy.getMetadata().getAnnotations().remove(DELETE);
        return copy;
    }

    private static HasMetadata intendedDocument(List<IntendedEdge> edges) {
        GenericKubernetesResource document = new GenericKubernetesResource();
        document.setApiVersion("trustmap.dev/v1");
        document.setKind(INTENDED_KIND);
        document.setMetadata(new ObjectMetaBuilder().withName("intended").build());
        List<Map<String, Object>> items = new ArrayList<>();
        for (IntendedEdge edge : edges) {
            items.add(Map.of("from", edge.from(), "to", edge.to(), "service", edge.service(), "port", edge.port()));
        }
        document.setAdditionalProperty("edges", items);
        return document;
    }

    private static List<IntendedEdge> intendedOf(GenericKubernetesResource document) {
        Object edges = document.getAdditionalProperties().get("edges");
        List<IntendedEdge> intended = new ArrayList<>();
        if (edges instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> edge) {
                    intended.add(new IntendedEdge(
                            String.valueOf(edge.get("from")),
                            String.valueOf(edge.get("to")),
                            String.valueOf(edge.get("service")),
                            Integer.parseInt(String.valueOf(edge.get("port")))));
                }
            }
        }
        return intended;
    }
}
