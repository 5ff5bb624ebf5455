package dev.trustmap.cli;

import dev.trustmap.engine.Engine;
import dev.trustmap.export.report.LabTraffic;
import dev.trustmap.export.report.LocatedManifests;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.source.folder.ManifestException;
import dev.trustmap.source.traffic.TrafficFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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

    LocatedManifests load() throws ManifestException {
        return source.lab ? LocatedManifests.lab() : LocatedManifests.load(source.manifests);
    }

    /** The traffic file's edges; without one, simulated traffic for the lab and none for manifests. */
    Traffic traffic(Engine engine) throws ManifestException {
        if (trafficFile != null) {
            return TrafficFile.read(trafficFile);
        }
        return source.lab ? LabTraffic.simulate(engine, LAB_SECONDS, Instant.now()) : Traffic.none();
    }

    /** What the mesh is called in titles. */
    String title() {
        return source.lab ? "built-in lab" : source.manifests.toString();
    }
}
