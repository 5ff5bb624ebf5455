package dev.trustmap.source.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.source.folder.ManifestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A traffic file: observed traffic written by hand or exported from metrics, kept next to a folder of manifests.
 * It is one YAML or JSON document with {@code apiVersion: trustmap.dev/v1}, {@code kind: Traffic},
 * {@code metadata.name}, {@code window}, {@code observedAt} and {@code edges}; the README describes the fields.
 * Errors name the file, the line and the field.
 */
public final class TrafficFile {
    /** The apiVersion a traffic file carries. */
    public static final String API_VERSION = "trustmap.dev/v1";
    /** The kind a traffic file carries. */
    public static final String KIND = "Traffic";

    private static final Logger LOG = LoggerFactory.getLogger(TrafficFile.class);
    private static final List<String> NAMES = List.of("traffic.yaml", "traffic.yml", "traffic.json");
    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "metadata", "window", "observedAt", "edges");
    private static final Pattern WINDOW = Pattern.compile("[1-9][0-9]*(ms|s|m|h)");
    private static final Pattern KIND_LINE =
            Pattern.compile("(?m)^kind:\\s*[\"']?Traffic[\"']?\\s*(#.*)?$|\"kind\"\\s*:\\s*\"Traffic\"");

    private TrafficFile() {}

    /**
     * The traffic file at the top level of {@code folder}: {@code traffic.yaml}, {@code traffic.yml} or
     * {@code traffic.json}, else the first {@code .yaml}/{@code .yml}/{@code .json} file (by name) holding a
     * {@code kind: Traffic} document; sub-folders are not searched.
     */
    public static Optional<Path> locate(Path folder) {
        for (String name : NAMES) {
            Path candidate = folder.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(TrafficFile::hasManifestExtension)
                    .sorted()
                    .filter(TrafficFile::declaresTraffic)
                    .findFirst();
        } catch (IOException e) {
            LOG.warn("Cannot list {} to look for a traffic file", folder, e);
            return Optional.empty();
        }
    }

    /**
     * Reads the traffic file of {@code folder} (see {@link #locate(Path)}), or empty when it has none.
     *
     * @throws ManifestException when the file is there but invalid
     */
    public static Optional<Traffic> find(Path folder) throws ManifestException {
        Optional<Path> file = locate(folder);
        if (file.isEmpty()) {
            LOG.debug("No traffic file in {}", folder);
            return Optional.empty();
        }
        return Optional.of(read(file.get()));
    }

    /**
     * Reads a traffic file.
     *
     * @throws ManifestException naming the file, line and field when the file cannot be read or is invalid
     */
    public static Traffic read(Path file) throws ManifestException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ManifestException(
                    file.toString(), 0, null, "does not exist; check the path to the traffic file.");
        } catch (IOException e) {
            LOG.debug("Cannot read {}", file, e);
            String problem = Files.isDirectory(file)
                    ? "is a folder, not a traffic file; give the traffic file itself."
                    : "cannot be read as UTF-8 text; check that it is a readable traffic file.";
            throw new ManifestException(file.toString(), 0, null, problem);
        }
        Traffic traffic = parse(text, file.toString(), () -> modified(file));
        LOG.info("Read {} traffic edges from {}", traffic.edges().size(), file);
        return traffic;
    }

    /**
     * Reads traffic file text.
     *
     * @param origin the file name used in errors
     */
    public static Traffic parse(String text, String origin) throws ManifestException {
        return parse(text, origin, () -> Instant.EPOCH);
    }

    private static Traffic parse(String text, String origin, java.util.function.Supplier<Instant> defaultTime)
            throws ManifestException {
        List<LocatedTree> documents = LocatedTree.read(text, origin);
        if (documents.size() != 1) {
            throw new ManifestException(
                    origin,
                    0,
                    null,
                    "must hold exactly one document, not " + documents.size()
                            + "; put all edges under one 'edges:' list.");
        }
        LocatedTree tree = documents.get(0);
        JsonNode root = tree.root();
        if (!root.isObject()) {
            throw tree.error("", "must be a mapping with apiVersion, kind, metadata and edges.");
        }
        checkHeader(tree, root);
        Instant observedAt = root.has("observedAt") ? instant(tree, root.get("observedAt")) : defaultTime.get();
        return new Traffic(edges(tree, root.get("edges")), observedAt);
    }

    private static void checkHeader(LocatedTree tree, JsonNode root) throws ManifestException {
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw tree.error(name, "is not a field of a Traffic file; expected one of " + sorted(FIELDS) + ".");
            }
        }
        expectText(tree, root, "apiVersion", API_VERSION);
        expectText(tree, root, "kind", KIND);
        JsonNode name = root.path("metadata").path("name");
        if (!name.isTextual() || name.asText().isBlank()) {
            throw tree.error(
                    root.has("metadata") ? "metadata.name" : "metadata",
                    "is missing; add 'metadata: {name: ...}' (the folder loader reads this file as a manifest too).");
        }
        // TODO(#3): Traffic has no field for the window; it is checked here but not kept.
        JsonNode window = root.get("window");
        if (window != null
                && !(window.isTextual() && WINDOW.matcher(window.asText()).matches())) {
            throw tree.error("window", "must be a duration such as 30s, 5m or 1h, not '" + window.asText() + "'.");
        }
    }

    private static void expectText(LocatedTree tree, JsonNode root, String field, String expected)
            throws ManifestException {
        JsonNode value = root.get(field);
        if (value == null) {
            throw tree.error("", "has no " + field + "; add '" + field + ": " + expected + "'.");
        }
        if (!expected.equals(value.asText())) {
            throw tree.error(field, "must be '" + expected + "', not '" + value.asText() + "'.");
        }
    }

    private static Instant instant(LocatedTree tree, JsonNode value) throws ManifestException {
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw tree.error(
                    "observedAt",
                    "must be a date and time with offset such as 2025-01-15T10:00:00Z, not '" + value.asText() + "'.");
        }
    }

    private static List<TrafficEdge> edges(LocatedTree tree, JsonNode edges) throws ManifestException {
        if (edges == null || edges.isNull()) {
            throw tree.error("", "has no edges; add 'edges:' with one entry per observed edge (may be []).");
        }
        if (!edges.isArray()) {
            throw tree.error("edges", "must be a list of edges.");
        }
        List<TrafficEdge> result = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        EdgeReader reader = new EdgeReader(tree);
        for (int i = 0; i < edges.size(); i++) {
            String path = LocatedTree.index("edges", i);
            TrafficEdge edge = reader.read(edges.get(i), path);
            String key = edge.sourceId() + " -> " + edge.destinationId() + " via "
                    + (edge.service() == null ? "pod IP" : "Service " + edge.service()) + " port " + edge.port();
            Integer first = seen.putIfAbsent(key, i);
            if (first != null) {
                throw tree.error(
                        path, "repeats edges[" + first + "] (" + key + "); give each edge once, with its total rate.");
            }
            result.add(edge);
        }
        return result;
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            LOG.debug("No modification time for {}", file, e);
            return Instant.EPOCH;
        }
    }

    private static boolean hasManifestExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
    }

    private static boolean declaresTraffic(Path file) {
        try {
            return KIND_LINE
                    .matcher(Files.readString(file, StandardCharsets.UTF_8))
                    .find();
        } catch (IOException e) {
            LOG.debug("Cannot read {} while looking for a traffic file", file, e);
            return false;
        }
    }

    static String sorted(Set<String> names) {
        return names.stream().sorted().toList().toString();
    }
}
