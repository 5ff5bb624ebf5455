package dev.trustmap.source.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.trustmap.engine.ExternalAuthorizer;
import dev.trustmap.source.folder.AssembledMesh;
import dev.trustmap.source.folder.ManifestException;
import dev.trustmap.source.folder.ManifestParser;
import dev.trustmap.source.folder.MeshAssembler;
import dev.trustmap.source.folder.ParsedResource;
import dev.trustmap.source.scenario.HeaderAuthorizer.HeaderRule;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one scenario file (see {@code scenarios/FORMAT.md}) into a {@link Scenario}. The short-form workloads are
 * expanded here; the {@code resources} go through the folder source's {@link ManifestParser} and
 * {@link MeshAssembler}, so a scenario and a folder of the same manifests give the same mesh.
 */
public final class ScenarioLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioLoader.class);
    private static final Set<String> TOP_KEYS =
            Fields.keys("source", "summary", "workloads", "resources", "requests", "assume", "externalAuthorizers");
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    private static final String NOT_TEXT = "the file is not UTF-8 text; a scenario is a YAML file saved as UTF-8";
    private static final String NOT_A_MAPPING =
            "a scenario file must be a YAML mapping with workloads, resources and requests";

    private ScenarioLoader() {}

    /** Reads the scenario in {@code file}; the file is named in errors and in the result as given. */
    public static Scenario load(Path file) throws ManifestException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            LOG.debug("{} is not UTF-8", file, e);
            throw new ManifestException(file.toString(), 0, null, NOT_TEXT);
        } catch (IOException e) {
            LOG.debug("cannot read {}", file, e);
            throw new ManifestException(file.toString(), 0, null, "cannot read the file: " + e.getMessage());
        }
        if (text.indexOf('\0') >= 0) {
            throw new ManifestException(file.toString(), 0, null, NOT_TEXT);
        }
        return parse(text, file.toString());
    }

    /** Reads a scenario from {@code text}; {@code file} names it in errors. */
    public static Scenario parse(String text, String file) throws ManifestException {
        YamlTree tree = YamlTree.parse(text, file);
        Fields fields = new Fields(tree);
        JsonNode root = tree.root();
        if (!root.isObject()) {
            throw new ManifestException(file, Math.max(1, tree.line("")), null, NOT_A_MAPPING);
        }
        fields.checkKeys(root, "", TOP_KEYS);

        WorkloadExpander.Expanded shortForm = new WorkloadExpander(fields).expand(fields.list(root, "", "workloads"));
        AssembledMesh assembled = MeshAssembler.assemble(resources(fields, root));
        MeshMerger merger = new MeshMerger(fields);
        var snapshot = merger.merge(shortForm, assembled.snapshot());

        List<JsonNode> requestNodes = fields.list(root, "", "requests");
        if (requestNodes.isEmpty()) {
            throw tree.error("requests", "a scenario needs at least one request");
        }
        return new Scenario(
                file,
                fields.text(root, "", "source", false),
                fields.text(root, "", "summary", false),
                fields.text(root, "", "assume", false),
                snapshot,
                new RequestReader(fields, snapshot).read(requestNodes),
                externalAuthorizer(fields, root),
                assembled.skippedKinds(),
                assembled.warnings());
    }

    private static List<ParsedResource> resources(Fields fields, JsonNode root) throws ManifestException {
        List<ParsedResource> parsed = new ArrayList<>();
        List<JsonNode> nodes = fields.list(root, "", "resources");
        for (int i = 0; i < nodes.size(); i++) {
            String path = "resources[" + i + "]";
            if (!nodes.get(i).isObject()) {
                throw fields.tree().error(path, "expected a Kubernetes object (a mapping)");
            }
            String yaml;
            try {
                yaml = YAML.writeValueAsString(nodes.get(i));
            } catch (IOException e) {
                throw fields.tree().error(path, "cannot re-serialize the object: " + e.getMessage());
            }
            parsed.addAll(new ManifestParser()
                    .parseText(yaml, fields.tree().file(), fields.tree().line(path)));
        }
        return parsed;
    }

    private static ExternalAuthorizer externalAuthorizer(Fields fields, JsonNode root) throws ManifestException {
        JsonNode providers = root.get("externalAuthorizers");
        if (providers == null || providers.isNull()) {
            return ExternalAuthorizer.unknown();
        }
        if (!providers.isObject()) {
            throw fields.tree().error("externalAuthorizers", "expected a mapping of provider names");
        }
        Map<String, HeaderRule> rules = new LinkedHashMap<>();
        for (String provider : iterableNames(providers)) {
            String path = "externalAuthorizers." + provider;
            JsonNode entry = providers.get(provider);
            fields.checkKeys(entry, path, Fields.keys("allowWhenHeader"));
            String headerPath = path + ".allowWhenHeader";
            JsonNode header = entry.get("allowWhenHeader");
            fields.checkKeys(header, headerPath, Fields.keys("name", "value"));
            rules.put(
                    provider,
                    new HeaderRule(
                            fields.text(header, headerPath, "name", true),
                            fields.text(header, headerPath, "value", true)));
        }
        return new HeaderAuthorizer(rules);
    }

    private static List<String> iterableNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
