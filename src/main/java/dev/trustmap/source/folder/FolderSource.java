package dev.trustmap.source.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder source: reads manifest files and folders (nested folders too) into a mesh. Only {@code .yaml},
 * {@code .yml} and {@code .json} files are read; hidden files and folders are ignored; files are read in path order
 * so the result does not depend on the file system.
 */
public final class FolderSource {
    private static final Logger LOG = LoggerFactory.getLogger(FolderSource.class);
    private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json");
    /** kustomize's file, which lists manifests and is never sent to a cluster; read when given by name. */
    private static final Set<String> KUSTOMIZATION = Set.of("kustomization.yaml", "kustomization.yml");

    private FolderSource() {}

    /**
     * Reads every manifest under {@code paths} (in the order given; a folder's files sorted by path) and assembles
     * the mesh.
     *
     * @throws ManifestException when a path is missing or a manifest is invalid
     */
    public static AssembledMesh load(List<Path> paths) throws ManifestException {
        return loadFiles(manifestFiles(paths));
    }

    /** Reads these manifest files, in the order given (see {@link #manifestFiles}), and assembles the mesh. */
    public static AssembledMesh loadFiles(List<Path> files) throws ManifestException {
        List<ParsedResource> resources = parse(files);
        DuplicateCheck.check(resources);
        return MeshAssembler.assemble(resources);
    }

    /**
     * The objects of every manifest under {@code paths}, each with the file and line it starts at, as {@link #load}
     * reads them (a file reached twice is read once), for callers that assemble the mesh and also locate objects.
     *
     * @throws ManifestException when a path is missing, a manifest is invalid or an object is defined twice
     */
    public static List<ParsedResource> readObjects(List<Path> paths) throws ManifestException {
        List<ParsedResource> resources = parse(manifestFiles(paths));
        DuplicateCheck.check(resources);
        return resources;
    }

    /**
     * Reads a policy draft (as {@code trustmap diff --draft} and {@code trustmap apply --draft} take it): its
     * AuthorizationPolicies, PeerAuthentications, RequestAuthentications and DestinationRules; a policy without
     * {@code metadata.namespace} is placed in {@code defaultNamespace}, with a warning.
     *
     * @throws ManifestException when a path is missing, a manifest is invalid, an object is defined twice, or the
     *     paths hold no policy at all (an empty or mistyped folder)
     */
    public static DraftObjects loadDraft(List<Path> paths, String defaultNamespace) throws ManifestException {
        List<Path> files = manifestFiles(paths, "the draft file or folder");
        String origin = paths.stream().map(Path::toString).collect(Collectors.joining(", "));
        if (files.isEmpty()) {
            throw new ManifestException(
                    origin, 0, null, "holds no .yaml, .yml or .json files; check the path to the draft.");
        }
        return DraftObjects.of(parse(files), defaultNamespace, origin);
    }

    private static List<ParsedResource> parse(List<Path> files) throws ManifestException {
        ManifestParser parser = new ManifestParser();
        List<ParsedResource> resources = new ArrayList<>();
        for (Path file : files) {
            resources.addAll(parser.parseFile(file));
        }
        LOG.info("Read {} objects from {} manifest files", resources.size(), files.size());
        return resources;
    }

    /**
     * The manifest files under {@code paths}: files as given, folders walked and sorted; a file reached twice (the
     * same folder given twice, or a file inside a folder also given) is read once.
     *
     * @throws ManifestException when a path is missing or a folder cannot be listed
     */
    public static List<Path> manifestFiles(List<Path> paths) throws ManifestException {
        return manifestFiles(paths, "the manifest file or folder");
    }

    /** The files under {@code paths}; a missing one is refused naming {@code what} it should have been. */
    private static List<Path> manifestFiles(List<Path> paths, String what) throws ManifestException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new ManifestException(
                        path.toString(), 0, null, "does not exist; check the path to " + what + ".");
            }
            if (Files.isDirectory(path)) {
                files.addAll(walk(path));
            } else {
                files.add(path);
            }
        }
        return distinct(files);
    }

    /** Each file once, however it was reached ({@code a}, {@code ./a}, {@code a/x.yaml}): the first naming wins. */
    private static List<Path> distinct(List<Path> files) {
        Set<Path> seen = new HashSet<>();
        return files.stream()
                .filter(file -> seen.add(file.toAbsolutePath().normalize()))
                .toList();
    }

    private static List<Path> walk(Path folder) throws ManifestException {
        try (Stream<Path> tree = Files.walk(folder)) {
            return tree.filter(Files::isRegularFile)
                    .filter(file -> isManifest(file) && !isHidden(folder, file))
                    .sorted()
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.debug("Cannot list {}", folder, e);
            throw new ManifestException(
                    folder.toString(), 0, null, "cannot be listed; check that the folder is readable.");
        }
    }

    /** A YAML or JSON file in a folder, but not kustomize's kustomization file, which lists manifests. */
    private static boolean isManifest(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith) && !KUSTOMIZATION.contains(name);
    }

    /** Whether the file, or a folder between {@code root} and it, starts with a dot. */
    private static boolean isHidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
