package dev.trustmap.cli;

import dev.trustmap.analysis.LeastPrivilege;
import dev.trustmap.analysis.workspace.DraftStore;
import dev.trustmap.engine.Engine;
import dev.trustmap.export.YamlWriter;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.source.folder.AssembledMesh;
import dev.trustmap.source.folder.FolderSource;
import dev.trustmap.source.folder.ManifestException;
import dev.trustmap.text.IoReasons;
import dev.trustmap.text.Plural;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trustmap generate}: drafts least-privilege policies from observed traffic. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Drafts least-privilege policies from observed traffic: per destination an ALLOW naming the observed"
                    + " callers and ports (methods and paths when the traffic file knows them), an allow-nothing per"
                    + " namespace, and STRICT mTLS where every caller already uses it.",
            "Traffic the current policies deny is not granted. Writes one YAML file per resource. An output folder"
                    + " that already holds other YAML or JSON files is refused (trustmap apply --draft would apply"
                    + " them too) unless --clean deletes them first."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:policies written",
            "2:bad input (a namespace or workload not in the mesh, an output folder with other manifests, files) or"
                    + " internal error"
        })
final class GenerateCommand extends BaseCommand {
    private static final Logger LOG = LoggerFactory.getLogger(GenerateCommand.class);

    @Option(names = "--manifests", required = true, description = "Folder (or file) of manifests; repeatable.")
    List<Path> manifests;

    @Option(
            names = "--traffic",
            description =
                    "Traffic file (see README: Traffic files); default: the traffic file in the manifests" + " folder.")
    Path trafficFile;

    @Option(
            names = "--namespace",
            description =
                    "Namespace to draft for; repeatable. Default: every namespace" + " that receives observed traffic.")
    List<String> namespaces = List.of();

    @Option(
            names = "--workload",
            description = "Workload (namespace/name) to draft an ALLOW for; repeatable. With workloads, no namespace"
                    + " allow-nothing is drafted.")
    List<String> workloads = List.of();

    @Option(names = "--dry-run", description = "Mark the AuthorizationPolicies istio.io/dry-run: \"true\".")
    boolean dryRun;

    @Option(names = "--no-strict", description = "Draft no STRICT PeerAuthentication.")
    boolean noStrict;

    @Option(
            names = "--replace-allows",
            description = "Also delete, in the draft (trustmap.dev/delete: \"true\"), the existing ALLOW policies with"
                    + " rules that select drafted destinations only, so that only what was observed stays allowed; one"
                    + " that also selects other workloads is kept and named.")
    boolean replaceAllows;

    @Option(
            names = {"-o", "--output"},
            required = true,
            description = "Folder to write the YAML files to.")
    Path output;

    @Option(
            names = "--clean",
            description = "Delete the YAML and JSON files already in the output folder (and its subfolders) that this"
                    + " run does not write; without it such a folder is refused.")
    boolean clean;

    @Override
    protected int run() throws ManifestException, BadInputException {
        AssembledMesh mesh = FolderSource.load(manifests);
        reportSkipped(mesh.skippedKinds());
        MeshInput.requireWorkloads(mesh.snapshot(), manifests);
        checkNames(mesh.snapshot());
        ObservedTraffic observed = ObservedTraffic.read(trafficFile, manifests);
        if (!observed.present()) {
            throw new BadInputException("no observed traffic: give --traffic FILE (see README: Traffic files), or put"
                    + " a traffic.yaml in the manifests folder");
        }
        warnAbout(observed, mesh.snapshot());
        LeastPrivilege.Result result = LeastPrivilege.generate(
                Engine.of(mesh.snapshot()),
                observed.traffic(),
                new LeastPrivilege.Options(
                        Set.copyOf(namespaces), Set.copyOf(workloads), dryRun, !noStrict, replaceAllows));
        List<HasMetadata> draft = new ArrayList<>(result.policies());
        result.deletions().forEach(existing -> draft.add(DraftStore.markedForDeletion(existing)));
        List<Path> written = write(draft);
        out().println("wrote " + Plural.of(written.size(), "resource") + " to " + output);
        result.covered().forEach(line -> out().println("covered: " + line));
        result.notCovered().forEach(line -> out().println("not covered: " + line));
        return ExitCodes.OK;
    }

    /**
     * Traffic that does not fit the manifests is drafted from as it is, so say so: an ALLOW generated without a
     * caller the manifests lack would deny it, and one naming a port the Service lacks copies the typo.
     */
    private void warnAbout(ObservedTraffic observed, MeshSnapshot mesh) {
        if (observed.found()) {
            err().println("traffic: " + observed.file() + " (found in the manifests folder)");
        }
        observed.warnUnresolved(
                err(), mesh, "; no policy grants such traffic, so fix the traffic file or add the manifests");
        List<String> ports = observed.portsNotExposed(mesh);
        if (!ports.isEmpty()) {
            err().println("warning: " + Plural.of(ports.size(), "observed edge") + " on a port its Service does not"
                    + " expose; the ALLOWs name the port as observed, so check the traffic file:\n"
                    + ObservedTraffic.listed(ports));
        }
    }

    /** Every --namespace and --workload must be in the mesh: a typo would otherwise draft nothing, quietly. */
    private void checkNames(MeshSnapshot mesh) throws BadInputException {
        Set<String> known = new TreeSet<>();
        mesh.namespaces().forEach(n -> known.add(n.name()));
        for (String namespace : namespaces) {
            if (!known.contains(namespace)) {
                throw new BadInputException("--namespace " + namespace + " is not a namespace of the manifests; known: "
                        + String.join(", ", known) + ".");
            }
        }
        Set<String> workloadIds = new TreeSet<>();
        mesh.workloads().forEach(w -> workloadIds.add(w.id()));
        for (String workload : workloads) {
            if (!workloadIds.contains(workload)) {
                throw new BadInputException("--workload " + workload + " is not a workload of the manifests"
                        + " (namespace/name); known: " + String.join(", ", workloadIds) + ".");
            }
        }
    }

    private List<Path> write(List<? extends HasMetadata> policies) throws ManifestException, BadInputException {
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new BadInputException(
                    "-o " + output + " is a file, not a folder; choose a folder to write the YAML files to.");
        }
        Set<Path> fresh = new HashSet<>();
        policies.forEach(p -> fresh.add(
                output.resolve(YamlWriter.fileName(p)).toAbsolutePath().normalize()));
        List<Path> stale = Files.isDirectory(output)
                ? FolderSource.manifestFiles(List.of(output)).stream()
                        .filter(f -> !fresh.contains(f.toAbsolutePath().normalize()))
                        .toList()
                : List.of();
        if (!stale.isEmpty() && !clean) {
            throw new BadInputException(output + " already holds " + Plural.of(stale.size(), "other YAML or JSON file")
                    + " (e.g. " + stale.get(0).getFileName() + ") that trustmap apply --draft would read too; choose an"
                    + " empty folder, or pass --clean to delete them first.");
        }
        for (Path file : stale) {
            try {
                Files.delete(file);
            } catch (IOException e) {
                LOG.debug("cannot delete {}", file, e);
                throw new BadInputException("--clean cannot delete " + file + ": " + IoReasons.of(e, file)
                        + "; delete it yourself or choose another folder.");
            }
        }
        try {
            return YamlWriter.writeFolder(policies, output);
        } catch (UncheckedIOException e) {
            LOG.debug("cannot write {}", output, e);
            throw new BadInputException(e.getMessage() + "; choose a folder you can write to.");
        }
    }
}
