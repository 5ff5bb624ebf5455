package dev.trustmap.export.report;

import dev.trustmap.analysis.findings.Finding;
import dev.trustmap.analysis.findings.ResourceRefs;
import dev.trustmap.source.folder.AssembledMesh;
import dev.trustmap.source.folder.ManifestException;
import dev.trustmap.source.folder.ManifestParser;
import dev.trustmap.source.folder.MeshAssembler;
import dev.trustmap.source.folder.ParsedResource;
import dev.trustmap.source.lab.Lab;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Manifests read into a mesh, remembering where each object came from, so findings can point at file and line. Reads
 * folders the way {@code FolderSource} does (yaml, yml and json files, hidden ones skipped, sorted by path).
 */
public final class LocatedManifests {
    private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json");

    private final AssembledMesh mesh;
    private final Map<String, ParsedResource> byResource = new HashMap<>();

    private LocatedManifests(AssembledMesh mesh, List<ParsedResource> resources) {
        this.mesh = mesh;
        resources.forEach(r -> byResource.putIfAbsent(ResourceRefs.of(r.object()), r));
    }

    /** Where a manifest object starts. */
    public record Location(String file, int line) {}

    /** Reads the manifests under {@code paths} (files, or folders walked recursively). */
    public static LocatedManifests load(List<Path> paths) throws ManifestException {
        ManifestParser parser = new ManifestParser();
        List<ParsedResource> resources = new ArrayList<>();
        for (Path file : files(paths)) {
            resources.addAll(parser.parseFile(file));
        }
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

    private static List<Path> files(List<Path> paths) throws ManifestException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new ManifestException(
                        path.toString(), 0, null, "does not exist; check the path to the manifest file or folder.");
            }
            if (!Files.isDirectory(path)) {
                files.add(path);
                continue;
            }
            try (Stream<Path> tree = Files.walk(path)) {
                tree.filter(Files::isRegularFile)
                        .filter(f -> manifest(f) && !hidden(path, f))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException | UncheckedIOException e) {
                throw new ManifestException(
                        path.toString(), 0, null, "cannot be listed; check that the folder is readable.");
            }
        }
        return files;
    }

    private static boolean manifest(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static boolean hidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
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
