package dev.trustmap.source.lab;

import dev.trustmap.source.folder.AssembledMesh;
import dev.trustmap.source.folder.ManifestException;
import dev.trustmap.source.folder.ManifestParser;
import dev.trustmap.source.folder.MeshAssembler;
import dev.trustmap.source.folder.ParsedResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in lab: a small fintech platform (an ingress gateway, a web app and API gateway, identity, payments,
 * messaging, analytics and a sidecar-less legacy adapter) as Kubernetes and Istio manifests shipped in the jar, with
 * deliberate policy weaknesses for training (listed in {@code lab/README.md}), and the platform's call graph for the
 * {@link TrafficSimulator}.
 */
public final class Lab {
    private static final Logger LOG = LoggerFactory.getLogger(Lab.class);
    private static final String FOLDER = "/lab/";
    private static final String INDEX = "index.txt";
    private static final String CALL_GRAPH = "callgraph.yaml";

    private Lab() {}

    /**
     * Reads the lab's manifests (the files listed in {@code lab/index.txt}, in that order) into a mesh.
     *
     * @throws IllegalStateException when the bundled manifests are missing or invalid (a packaging bug)
     */
    public static AssembledMesh load() {
        ManifestParser parser = new ManifestParser();
        List<ParsedResource> resources = new ArrayList<>();
        try {
            for (String file : manifestFiles()) {
                resources.addAll(parser.parseText(resource(file), "lab/" + file, 1));
            }
            AssembledMesh mesh = MeshAssembler.assemble(resources);
            LOG.info("Loaded the lab: {} workloads", mesh.snapshot().workloads().size());
            return mesh;
        } catch (ManifestException e) {
            throw new IllegalStateException("The built-in lab is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * The lab platform's calls ({@code lab/callgraph.yaml}).
     *
     * @throws IllegalStateException when the bundled call graph is missing or invalid (a packaging bug)
     */
    public static CallGraph callGraph() {
        try {
            return CallGraphReader.read(resource(CALL_GRAPH), "lab/" + CALL_GRAPH);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The built-in lab call graph is invalid: " + e.getMessage(), e);
        }
    }

    /** The manifest file names listed in the index: one a line, blank lines and {@code #} comments skipped. */
    static List<String> manifestFiles() {
        return resource(INDEX)
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    private static String resource(String name) {
        try (InputStream in = Lab.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("The built-in lab has no " + FOLDER + name + " on the classpath.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the built-in lab file " + name, e);
        }
    }
}
