package dev.trustmap.cli;

import dev.trustmap.engine.Engine;
import dev.trustmap.export.report.LabTraffic;
import dev.trustmap.export.report.LocatedManifests;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.source.folder.ManifestException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The mesh a command works on, shared by {@code lint} and {@code report}: manifests or the lab, plus traffic. */
final class MeshInput {
    /** Seconds of simulated traffic for the lab. */
    private static final int LAB_SECONDS = 5;

    @ArgGroup(multiplicity = "1")
    Source source;

    /** Where the mesh comes from: manifests, or the built-in lab. */
    static final class Source {
        @Option(names = "--manifests", arity = "1..*", description = "Folders or files of manifests; repeatable.")
        List<Path> manifests;

        @Option(names = "--lab", description = "The built-in lab, with a few seconds of simulated traffic.")
        boolean lab;
    }

    @Option(names = "--traffic", description = "Traffic file (see README: Traffic files).")
    Path trafficFile;

    /** The mesh; manifests that hold no workload at all are bad input (a wrong folder, most likely). */
    LocatedManifests load() throws ManifestException, BadInputException {
        if (source.lab) {
            return LocatedManifests.lab();
        }
        LocatedManifests manifests = LocatedManifests.load(source.manifests);
        requireWorkloads(manifests.mesh().snapshot(), source.manifests);
        return manifests;
    }

    /** Manifests that hold no workload at all are bad input: a wrong folder, most likely. */
    static void requireWorkloads(MeshSnapshot mesh, List<Path> manifests) throws BadInputException {
        if (mesh.workloads().isEmpty()) {
            throw new BadInputException(manifests.stream().map(Path::toString).collect(Collectors.joining(", "))
                    + ": no workloads (Deployments, StatefulSets, DaemonSets, Jobs or Pods) found;"
                    + " name the folder or files that hold the mesh's manifests");
        }
    }

    /**
     * The traffic: the {@code --traffic} file; else, like the app's Open folder, the traffic file of a manifest
     * folder (see {@link ObservedTraffic#read}); else simulated traffic for the lab and none for manifests.
     */
    ObservedTraffic traffic(Engine engine) throws ManifestException, BadInputException {
        if (trafficFile == null && source.lab) {
            return new ObservedTraffic(LabTraffic.simulate(engine, LAB_SECONDS, Instant.now()), null, false);
        }
        return ObservedTraffic.read(trafficFile, source.lab ? List.of() : source.manifests);
    }

    /**
     * The kinds skipped in the manifests, to warn about; none for the built-in lab, whose Gateway is there for the
     * gateway workload and which the user cannot change anyway.
     */
    Map<String, Integer> skippedKinds(LocatedManifests manifests) {
        return source.lab ? Map.of() : manifests.mesh().skippedKinds();
    }

    /** What the mesh is called in titles. */
    String title() {
        return source.lab
                ? "built-in lab"
                : source.manifests.stream().map(Path::toString).collect(Collectors.joining(", "));
    }
}
