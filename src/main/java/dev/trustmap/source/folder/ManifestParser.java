package dev.trustmap.source.folder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Kubernetes and Istio manifests (multi-document YAML or JSON, with {@code List} kinds expanded) into typed
 * fabric8 objects. It rejects what Kubernetes would reject, naming the file, line and field: broken syntax, missing
 * {@code apiVersion}/{@code kind}/{@code metadata.name}, unknown fields and values of the wrong type. Kinds it does
 * not read come back as {@link GenericKubernetesResource} so callers can count them.
 */
public final class ManifestParser {
    private static final Logger LOG = LoggerFactory.getLogger(ManifestParser.class);

    private final KubernetesSerialization serialization;

    /** A parser with fabric8's default serialization. */
    public ManifestParser() {
        this(new KubernetesSerialization());
    }

    /** A parser that converts with the given fabric8 serialization. */
    public ManifestParser(KubernetesSerialization serialization) {
        this.serialization = serialization;
    }

    /** Reads every object in a UTF-8 YAML or JSON file. */
    public List<ParsedResource> parseFile(Path file) throws ManifestException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ManifestException(file.toString(), 0, null, "does not exist; check the path.");
        } catch (IOException e) {
            LOG.debug("Cannot read {}", file, e);
            throw new ManifestException(
                    file.toString(), 0, null, "cannot be read as UTF-8 text; check that it is a readable manifest.");
        }
        return parseText(text, file.toString(), 1);
    }

    /**
     * Reads every object in {@code text}.
     *
     * @param origin the file name used in results and errors
     * @param firstLine the line of {@code origin} where {@code text} starts, so embedded text reports true lines
     */
    public List<ParsedResource> parseText(String text, String origin, int firstLine) throws ManifestException {
        List<ParsedResource> resources = new ArrayList<>();
        for (LocatedDocument document : LocatedTreeReader.read(text, origin, firstLine)) {
            new DocumentReader(document, origin).read(document.root(), "", resources);
        }
        LOG.debug("Read {} objects from {}", resources.size(), origin);
        return resources;
    }

    /** Reads the objects of one document; items of a List are read at paths {@code items[i]}. */
    private final class DocumentReader {
        private final LocatedDocument document;
        private final String origin;

        DocumentReader(LocatedDocument document, String origin) {
            this.document = document;
            this.origin = origin;
        }

        void read(JsonNode node, String base, List<ParsedResource> out) throws ManifestException {
            if (!node.isObject()) {
                throw error(base, "is not a mapping of fields; each document must be one Kubernetes object.");
            }
            String apiVersion = requireText(node, base, "apiVersion");
            String kind = requireText(node, base, "kind");
            if (kind.endsWith("List")) {
                readItems(node, base, apiVersion, kind, out);
            } else if (isToolConfig(apiVersion)) {
                LOG.info(
                        "{}:{}: skipped {} {}: a tool's file, not a cluster object",
                        origin,
                        document.lineOf(base),
                        apiVersion,
                        kind);
            } else {
                out.add(toResource((ObjectNode) node, base, apiVersion, kind));
            }
        }

        /** A kustomize file (Kustomization, Component) under another name: kustomize's, never sent to a cluster. */
        private static boolean isToolConfig(String apiVersion) {
            return apiVersion.startsWith("kustomize.config.k8s.io/");
        }

        private void readItems(JsonNode list, String base, String apiVersion, String kind, List<ParsedResource> out)
                throws ManifestException {
            JsonNode items = list.get("items");
            String itemsPath = FieldPaths.field(base, "items");
            if (items == null || items.isNull()) {
                return;
            }
            if (!items.isArray()) {
                throw error(itemsPath, "must be a list of objects.");
            }
            String itemKind = kind.equals("List") ? null : kind.substring(0, kind.length() - "List".length());
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                if (itemKind != null && item.isObject() && !item.hasNonNull("kind")) {
                    ((ObjectNode) item).put("kind", itemKind);
                    ((ObjectNode) item).put("apiVersion", apiVersion);
                }
                read(item, FieldPaths.index(itemsPath, i), out);
            }
        }

        private ParsedResource toResource(ObjectNode node, String base, String apiVersion, String kind)
                throws ManifestException {
            Class<? extends HasMetadata> type =
                    KnownKinds.classOf(apiVersion, kind).orElse(GenericKubernetesResource.class);
            List<String> versions = KnownKinds.otherVersions(apiVersion, kind);
            if (!versions.isEmpty()) {
                throw error(
                        FieldPaths.field(base, "apiVersion"),
                        "unsupported apiVersion " + apiVersion + " for " + kind + "; use " + alternatives(versions));
            }
            List<String> pruned = type == GenericKubernetesResource.class ? List.of() : checkFields(node, type, base);
            requireName(node, base);
            try {
                return new ParsedResource(
                        serialization.convertValue(node, type),
                        origin,
                        document.lineOf(base),
                        fieldLines(base),
                        pruned.stream().map(p -> relative(base, p)).toList());
            } catch (RuntimeException e) {
                LOG.debug("Conversion of {} {} failed", kind, base, e);
                String path = ConversionErrors.pathOf(e, base);
                throw error(path, ConversionErrors.describe(e));
            }
        }

        /** {@code security.istio.io/v1 or v1beta1}: the first in full, the others by version. */
        private static String alternatives(List<String> versions) {
            List<String> names = new ArrayList<>(List.of(versions.get(0)));
            versions.stream()
                    .skip(1)
                    .map(v -> v.substring(v.lastIndexOf('/') + 1))
                    .forEach(names::add);
            if (names.size() == 1) {
                return names.get(0);
            }
            return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        }

        /** Rejects the first field that does not fit; returns the fields the API server would prune instead. */
        private List<String> checkFields(JsonNode node, Class<?> type, String base) throws ManifestException {
            SchemaChecker.Result result = SchemaChecker.check(node, type, base);
            SchemaChecker.Problem first = result.problems().stream()
                    .min(Comparator.comparingInt(problem -> document.lineOf(problem.path())))
                    .orElse(null);
            if (first != null) {
                throw error(first.path(), first.message());
            }
            result.pruned()
                    .forEach(p -> LOG.debug("{}:{}: {} is pruned by the API server", origin, document.lineOf(p), p));
            return result.pruned();
        }

        /** The lines of the object's fields, keyed by their path inside the object. */
        private Map<String, Integer> fieldLines(String base) {
            Map<String, Integer> lines = new HashMap<>();
            document.lines().forEach((path, line) -> {
                if (base.isEmpty() || path.startsWith(base + ".")) {
                    lines.put(relative(base, path), line);
                }
            });
            return lines;
        }

        private static String relative(String base, String path) {
            return base.isEmpty() ? path : path.substring(base.length() + 1);
        }

        private String requireText(JsonNode node, String base, String field) throws ManifestException {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw error(base, "has no " + field + "; add '" + field + ":' to the object.");
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                throw error(FieldPaths.field(base, field), "must be a non-empty text value.");
            }
            return value.asText();
        }

        private void requireName(JsonNode node, String base) throws ManifestException {
            JsonNode metadata = node.get("metadata");
            String metadataPath = FieldPaths.field(base, "metadata");
            if (metadata == null || metadata.isNull()) {
                throw error(base, "has no metadata; add 'metadata:' with a 'name:'.");
            }
            if (!metadata.isObject()) {
                throw error(metadataPath, "must be a mapping with at least a 'name:'.");
            }
            JsonNode name = metadata.get("name");
            if (name == null
                    || name.isNull()
                    || !name.isValueNode()
                    || name.asText().isBlank()) {
                throw error(FieldPaths.field(metadataPath, "name"), "is missing or empty; give the object a name.");
            }
        }

        private ManifestException error(String path, String problem) {
            return new ManifestException(origin, document.lineOf(path), FieldPaths.display(path), problem);
        }
    }
}
