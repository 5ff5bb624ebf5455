package dev.trustmap.cli;

import dev.trustmap.analysis.UnresolvedEdge;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.source.folder.ManifestException;
import dev.trustmap.source.traffic.TrafficFile;
import dev.trustmap.text.Plural;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Observed traffic for the commands that read manifests: where it comes from (the {@code --traffic} file, else the
 * traffic file of a manifest folder, as the app's Open folder does) and how it fits the manifests: edges naming a
 * workload or Service the manifests lack, and Service ports the Service does not expose.
 *
 * @param file the file read, or null when there is no traffic
 * @param found whether the file was found in a manifest folder rather than given with {@code --traffic}
 */
record ObservedTraffic(Traffic traffic, Path file, boolean found) {
    /** How many problem lines a message lists before "and N more". */
    static final int LISTED = 10;

    /** The {@code --traffic} file when given, else the one traffic file in the manifest folders, else none. */
    static ObservedTraffic read(Path given, List<Path> manifests) throws ManifestException, BadInputException {
        if (given != null) {
            return new ObservedTraffic(TrafficFile.read(given), given, false);
        }
        Optional<Path> found = inFolders(manifests);
        return found.isPresent()
                ? new ObservedTraffic(TrafficFile.read(found.get()), found.get(), true)
                : new ObservedTraffic(Traffic.none(), null, false);
    }

    /** The traffic file of the manifest folders (see {@link TrafficFile#locate}); several are bad input. */
    static Optional<Path> inFolders(List<Path> manifests) throws BadInputException {
        List<Path> found = manifests.stream()
                .filter(Files::isDirectory)
                .map(TrafficFile::locate)
                .flatMap(Optional::stream)
                .distinct()
                .toList();
        if (found.size() > 1) {
            throw new BadInputException("several traffic files: "
                    + found.stream().map(Path::toString).collect(Collectors.joining(", "))
                    + "; choose one with --traffic FILE");
        }
        return found.stream().findFirst();
    }

    /** Whether there is a traffic file at all. */
    boolean present() {
        return file != null;
    }

    /** Edges the manifests cannot resolve, one line each naming the file, e.g. {@code traffic.yaml: edge ...}. */
    List<String> unresolved(MeshSnapshot mesh) {
        return traffic.edges().stream()
                .map(edge -> UnresolvedEdge.of(mesh, edge))
                .flatMap(Optional::stream)
                .map(gap -> where() + gap.describe())
                .toList();
    }

    /**
     * Warns on {@code err} about the edges the manifests cannot resolve, which are left out; {@code advice} (may be
     * empty) says what that means for the command and what to do.
     */
    void warnUnresolved(PrintWriter err, MeshSnapshot mesh, String advice) {
        List<String> unresolved = unresolved(mesh);
        if (!unresolved.isEmpty()) {
            err.println("warning: " + Plural.of(unresolved.size(), "observed edge") + " left out, naming a workload or"
                    + " Service the manifests do not have" + advice + ":\n" + listed(unresolved));
        }
    }

    /** {@code file: } before a line about the traffic, or nothing for traffic that has no file (the lab's). */
    private String where() {
        return file == null ? "" : file + ": ";
    }

    /** Edges dialling a port their Service does not expose: most likely a typo, which a generated ALLOW would copy. */
    List<String> portsNotExposed(MeshSnapshot mesh) {
        return traffic.edges().stream()
                .filter(edge -> UnresolvedEdge.of(mesh, edge).isEmpty())
                .filter(edge -> notExposed(mesh, edge))
                .map(edge -> where() + "edge " + edge.sourceId() + " -> " + edge.destinationId() + ":" + edge.port()
                        + ": Service " + edge.destinationNamespace() + "/" + edge.service() + " has no port "
                        + edge.port())
                .toList();
    }

    private static boolean notExposed(MeshSnapshot mesh, TrafficEdge edge) {
        if (edge.service() == null) {
            return false;
        }
        Optional<Service> service = mesh.service(edge.destinationNamespace(), edge.service());
        return service.isPresent() && service.get().port(edge.port()).isEmpty();
    }

    /** The first {@link #LISTED} lines, indented, and how many more there are. */
    static String listed(List<String> lines) {
        String shown = lines.stream().limit(LISTED).map(l -> "  " + l).collect(Collectors.joining("\n"));
        return lines.size() > LISTED ? shown + "\n  ... and " + (lines.size() - LISTED) + " more" : shown;
    }
}
