package dev.trustmap.source.folder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.trustmap.mesh.MeshConfig;
import dev.trustmap.mesh.MeshConfig.PathNormalization;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the mesh settings from Istio's {@code istio} ConfigMap (its {@code mesh} key holds YAML), preferring the one
 * in {@code istio-system}; missing settings keep Istio's defaults.
 */
final class MeshConfigReader {
    static final String CONFIG_MAP = "istio";
    static final String ISTIO_SYSTEM = "istio-system";
    private static final String MESH_KEY = "mesh";

    private final ParsedResource source;
    private final MeshConfig defaults = MeshConfig.defaults();

    private MeshConfigReader(ParsedResource source) {
        this.source = source;
    }

    /** The mesh config of these resources, or the defaults when there is no {@code istio} ConfigMap. */
    static MeshConfig read(List<ParsedResource> resources, List<String> warnings) throws ManifestException {
        List<ParsedResource> candidates = resources.stream()
                .filter(r -> r.object() instanceof ConfigMap
                        && CONFIG_MAP.equals(r.object().getMetadata().getName()))
                .toList();
        if (candidates.isEmpty()) {
            return MeshConfig.defaults();
        }
        ParsedResource chosen = candidates.stream()
                .filter(r -> ISTIO_SYSTEM.equals(MeshAssembler.namespaceOf(r.object())))
                .findFirst()
                .orElse(candidates.get(0));
        if (candidates.size() > 1) {
            warnings.add(String.format(
                    "Several 'istio' ConfigMaps found; mesh settings come from the one at %s.", chosen.location()));
        }
        return new MeshConfigReader(chosen).read();
    }

    // TODO(#2): misspelt mesh settings are ignored, not reported; the mesh config has no fabric8 model to check.
    private MeshConfig read() throws ManifestException {
        Map<String, String> data = ((ConfigMap) source.object()).getData();
        String text = data == null ? null : data.get(MESH_KEY);
        if (text == null || text.isBlank()) {
            return defaults;
        }
        JsonNode mesh = parse(text);
        return new MeshConfig(
                text(mesh, "rootNamespace").orElse(defaults.rootNamespace()),
                text(mesh, "trustDomain").orElse(defaults.trustDomain()),
                aliases(mesh),
                bool(mesh, "enableAutoMtls").orElse(defaults.autoMtls()),
                providers(mesh),
                normalization(mesh),
                trustedProxies(mesh));
    }

    private JsonNode parse(String text) throws ManifestException {
        List<LocatedDocument> documents;
        try {
            documents = LocatedTreeReader.read(text, source.file(), 1);
        } catch (ManifestException e) {
            throw error("", "holds invalid YAML (line " + e.line() + " of the mesh text): " + e.problem());
        }
        if (documents.isEmpty()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (documents.size() > 1 || !documents.get(0).root().isObject()) {
            throw error("", "must hold one YAML mapping of mesh settings.");
        }
        return documents.get(0).root();
    }

    private List<String> aliases(JsonNode mesh) throws ManifestException {
        JsonNode node = mesh.get("trustDomainAliases");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw error("trustDomainAliases", "must be a list of trust domains.");
        }
        List<String> aliases = new ArrayList<>();
        for (JsonNode alias : node) {
            if (!alias.isTextual()) {
                throw error("trustDomainAliases", "must hold text values only.");
            }
            aliases.add(alias.asText());
        }
        return aliases;
    }

    private Map<String, String> providers(JsonNode mesh) throws ManifestException {
        JsonNode node = mesh.get("extensionProviders");
        Map<String, String> providers = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return providers;
        }
        if (!node.isArray()) {
            throw error("extensionProviders", "must be a list of providers, each with a name.");
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "extensionProviders[" + i + "]";
            JsonNode provider = node.get(i);
            String name = provider.path("name").asText("");
            if (!provider.isObject() || name.isBlank()) {
                throw error(path, "needs a 'name:' and one provider kind such as envoyExtAuthzHttp.");
            }
            providers.put(name, providerKind(provider, path));
        }
        return providers;
    }

    private String providerKind(JsonNode provider, String path) throws ManifestException {
        for (Iterator<String> names = provider.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!field.equals("name")) {
                return field;
            }
        }
        throw error(path, "names no provider kind; add one such as envoyExtAuthzHttp or envoyExtAuthzGrpc.");
    }

    private PathNormalization normalization(JsonNode mesh) throws ManifestException {
        Optional<String> value = text(mesh.path("pathNormalization"), "normalization");
        if (value.isEmpty()) {
            return defaults.pathNormalization();
        }
        try {
            return PathNormalization.valueOf(value.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(
                    "pathNormalization.normalization",
                    "must be NONE, BASE, MERGE_SLASHES or " + "DECODE_AND_MERGE_SLASHES, not '" + value.get() + "'.");
        }
    }

    private int trustedProxies(JsonNode mesh) throws ManifestException {
        JsonNode node = mesh.path("defaultConfig").path("gatewayTopology").path("numTrustedProxies");
        if (node.isMissingNode() || node.isNull()) {
            return defaults.trustedProxies();
        }
        if (node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 0) {
            return node.intValue();
        }
        if (node.isTextual() && node.asText().matches("\\d{1,9}")) {
            return Integer.parseInt(node.asText());
        }
        throw error("defaultConfig.gatewayTopology.numTrustedProxies", "must be a whole number of 0 or more.");
    }

    private Optional<String> text(JsonNode parent, String field) throws ManifestException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isValueNode()) {
            throw error(field, "must be a single text value.");
        }
        return Optional.of(node.asText());
    }

    private Optional<Boolean> bool(JsonNode parent, String field) throws ManifestException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        if (node.isTextual() && node.asText().matches("(?i)true|false")) {
            return Optional.of(Boolean.parseBoolean(node.asText()));
        }
        throw error(field, "must be true or false.");
    }

    private ManifestException error(String meshPath, String problem) {
        String field = meshPath.isEmpty() ? "data.mesh" : "data.mesh." + meshPath;
        return new ManifestException(source.file(), source.line(), field, problem);
    }
}
