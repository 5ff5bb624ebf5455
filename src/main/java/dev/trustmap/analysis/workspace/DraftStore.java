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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a draft in a file in the user's Trustmap folder, rewritten after every edit so a crash loses nothing. Each
 * source has its own file, {@code drafts/<safe-id>.yaml} (see {@link #forSource}), whose first lines record the
 * source; the older single {@code draft.yaml} is read once, as the lab's draft. The file is kubectl-style YAML a
 * person can read: the draft's objects, deletions as the object annotated {@code trustmap.dev/delete: "true"} (as
 * {@code trustmap diff --draft} reads them) and intended edges as one {@code IntendedTraffic} document. A file that
 * cannot be read is moved aside before anything can overwrite it.
 */
public final class DraftStore {
    /** The annotation that marks a deletion. */
    public static final String DELETE = "trustmap.dev/delete";
    /** The folder, under the Trustmap folder, of the drafts per source. */
    public static final String DRAFTS = "drafts";
    /** The single draft file of earlier versions. */
    public static final String LEGACY_FILE = "draft.yaml";

    private static final Logger LOG = LoggerFactory.getLogger(DraftStore.class);
    private static final String SOURCE_LINE = "# source: ";
    private static final String INTENDED_KIND = "IntendedTraffic";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path folder;
    private final Path file;
    private final DraftSource source;

    /** The single-file store {@code draft.yaml} in {@code folder} (created on first save), tied to no source. */
    public DraftStore(Path folder) {
        this(folder, folder.resolve(LEGACY_FILE), null);
    }

    private DraftStore(Path folder, Path file, DraftSource source) {
        this.folder = folder;
        this.file = file;
        this.source = source;
    }

    /** The store in the user's Trustmap folder ({@code trustmap.home}, else {@code ~/.trustmap}). */
    public static DraftStore inUserFolder() {
        return new DraftStore(TrustmapFolder.path());
    }

    /** The store of {@code draftSource}'s draft: {@code drafts/<safe-id>.yaml} in this store's folder. */
    public DraftStore forSource(DraftSource draftSource) {
        return new DraftStore(folder, folder.resolve(DRAFTS).resolve(draftSource.fileName()), draftSource);
    }

    public Path file() {
        return file;
    }

    /** The source this store keeps the draft of, or null for the single-file store. */
    public DraftSource source() {
        return source;
    }

    /** Writes the draft (atomically: a half-written file never replaces a good one); an empty draft removes it. */
    public void save(Draft draft) {
        try {
            if (draft.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, header() + toYaml(draft));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.debug("draft of {} edits saved to {}", draft.size(), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the draft to " + file + ": " + e.getMessage(), e);
        }
    }

    private String header() {
        if (source == null) {
            return "";
        }
        return "# Trustmap draft for " + source.label().replace('\n', ' ') + "\n" + SOURCE_LINE + source.id() + "\n";
    }

    /**
     * The saved draft, or empty when there is none. The lab's store also takes over the single {@code draft.yaml} of
     * earlier versions (once: it is renamed {@code draft.migrated.yaml}). A file that cannot be read is first moved
     * aside, so the next edit cannot overwrite it.
     *
     * @throws UnreadableDraftException when the file cannot be read; it names where the file went
     */
    public Optional<Draft> load() throws UnreadableDraftException {
        if (!Files.isRegularFile(file)) {
            return source != null && source.isLab() ? migrateLegacy() : Optional.empty();
        }
        try {
            return Optional.of(read(file));
        } catch (ManifestException | RuntimeException e) {
            throw new UnreadableDraftException(file, problemOf(e), moveAside(file));
        }
    }

    private Optional<Draft> migrateLegacy() throws UnreadableDraftException {
        DraftStore legacy = new DraftStore(folder);
        Optional<Draft> old = legacy.load();
        if (old.isPresent()) {
            save(old.get());
            Path kept = folder.resolve("draft.migrated.yaml");
            try {
                Files.move(legacy.file(), kept, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot rename " + legacy.file() + ": " + e.getMessage(), e);
            }
            LOG.info(
                    "the draft of {} is now the lab's draft in {}; the old file is kept as {}",
                    legacy.file(),
                    file,
                    kept);
        }
        return old;
    }

    private static ManifestException problemOf(Exception e) {
        if (e instanceof ManifestException manifest) {
            return manifest;
        }
        return new ManifestException(String.valueOf(e.getMessage()), 0, null, e.toString());
    }

    private static Path moveAside(Path broken) throws UnreadableDraftException {
        String name = broken.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        Path copy = broken.resolveSibling(name + ".broken-" + STAMP.format(Instant.now()) + ".yaml");
        try {
            Files.move(broken, copy, StandardCopyOption.REPLACE_EXISTING);
            LOG.warn("the saved draft {} cannot be read; moved it to {}", broken, copy);
            return copy;
        } catch (IOException e) {
            LOG.error("the saved draft {} cannot be read nor moved aside", broken, e);
            return null;
        }
    }

    /** The source id a draft file records ({@code # source: ...}), or empty for a file without one. */
    public static Optional<String> recordedSource(Path draftFile) throws IOException {
        try (var lines = Files.lines(draftFile)) {
            return lines.limit(5)
                    .filter(line -> line.startsWith(SOURCE_LINE))
                    .map(line -> line.substring(SOURCE_LINE.length()).strip())
                    .findFirst();
        }
    }

    /** The file's text; bytes that are not UTF-8 are named as such (no line: the text cannot be decoded at all). */
    private static String text(Path from) throws ManifestException {
        try {
            return Files.readString(from, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            LOG.debug("the saved draft {} is not UTF-8", from, e);
            throw new ManifestException(
                    from.toString(), 0, null, "holds bytes that are not UTF-8 text, so it is damaged or not a draft");
        } catch (IOException e) {
            LOG.debug("cannot read the saved draft {}", from, e);
            throw new ManifestException(from.toString(), 0, null, "cannot be read: " + e.getMessage());
        }
    }

    private static Draft read(Path from) throws ManifestException {
        List<HasMetadata> objects = new ArrayList<>();
        List<HasMetadata> deleted = new ArrayList<>();
        List<IntendedEdge> intended = new ArrayList<>();
        for (ParsedResource resource : new ManifestParser().parseText(text(from), from.toString(), 1)) {
            HasMetadata object = resource.object();
            if (object instanceof GenericKubernetesResource generic && INTENDED_KIND.equals(generic.getKind())) {
                intended.addAll(intendedOf(generic));
            } else if (isDeletion(object)) {
                deleted.add(withoutDeleteMark(object));
            } else {
                objects.add(object);
            }
        }
        LOG.info("draft restored from {}: {} objects, {} deletions", from, objects.size(), deleted.size());
        return Draft.of(objects, deleted, intended);
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

    /** A copy of the object marked for deletion ({@code trustmap.dev/delete: "true"}), as a draft file holds it. */
    public static HasMetadata markedForDeletion(HasMetadata object) {
        return deleteMark(object);
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
