package dev.trustmap.export.report;

import dev.trustmap.analysis.findings.Finding;
import dev.trustmap.analysis.findings.ResourceRefs;
import dev.trustmap.source.folder.AssembledMesh;
import dev.trustmap.source.folder.FolderSource;
import dev.trustmap.source.folder.ManifestException;
import dev.trustmap.source.folder.ManifestParser;
import dev.trustmap.source.folder.MeshAssembler;
import dev.trustmap.source.folder.ParsedResource;
import dev.trustmap.source.lab.Lab;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Manifests read into a mesh, remembering where each object came from, so findings can point at file and line. Reads
 * folders with {@link FolderSource#readObjects} (yaml, yml and json files, hidden ones skipped, sorted by path).
 */
public final class LocatedManifests {
    private final AssembledMesh mesh;
    private final Map<String, ParsedResource> byResource = new HashMap<>();

    private LocatedManifests(AssembledMesh mesh, List<ParsedResource> resources) {
        this.mesh = mesh;
        resources.forEach(r -> byResource.putIfAbsent(ResourceRefs.of(r.object()), r));
    }

    /** Where a manifest object starts. */
    public record Location(String file, int line) {}

    /**
     * Reads the manifests under {@code paths} (files, or folders walked recursively) as the app opens a folder: a file
     * reached twice is read once, and an object defined twice is bad input.
     */
    public static LocatedManifests load(List<Path> paths) throws ManifestException {
        List<ParsedResource> resources = FolderSource.readObjects(paths);
        return new LocatedManifests(MeshAssembler.assemble(resources), resources);
    }

    /** Reads the built-in lab's manifests, located as {@code lab/FILE}. */
    public static LocatedManifests lab() {
        ManifestParser parser = new ManifestParser();
        List<ParsedResource> resources = new ArrayList<>();
        try {
            for (String file :
                    labResource("index.txt").lines().map(String::strip).toList()) {
                if (!file.isEmpty() && !file.startsWith("#")) {
                    resources.addAll(parser.parseText(labResource(file), "lab/" + file, 1));
                }
            }
            return new LocatedManifests(MeshAssembler.assemble(resources), resources);
        } catch (ManifestException e) {
            throw new IllegalStateException("The built-in lab is invalid: " + e.getMessage(), e);
        }
    }

    public AssembledMesh mesh() {
        return mesh;
    }

    /** Where the object a finding names ({@code Kind namespace/name}) was read, if it was read from a manifest. */
    public Optional<Location> locate(String resource) {
        ParsedResource parsed = byResource.get(resource);
        return parsed == null ? Optional.empty() : Optional.of(new Location(parsed.file(), parsed.line()));
    }

    /** Where a finding's field (its resource and path) was read: the line of the path, else of the object. */
    public Optional<Location> locate(Finding finding) {
        ParsedResource parsed = byResource.get(finding.resource());
        return parsed == null
                ? Optional.empty()
                : Optional.of(new Location(parsed.file(), parsed.lineOf(finding.path())));
    }

    private static String labResource(String name) {
        try (InputStream in = Lab.class.getResourceAsStream("/lab/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The built-in lab has no /lab/" + name + " on the classpath.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the built-in lab file " + name, e);
        }
    }
}
