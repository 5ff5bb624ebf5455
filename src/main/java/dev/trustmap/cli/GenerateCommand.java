package dev.trustmap.cli;

import dev.trustmap.analysis.LeastPrivilege;
import dev.trustmap.engine.Engine;
import dev.trustmap.export.YamlWriter;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.source.folder.AssembledMesh;
import dev.trustmap.source.folder.FolderSource;
import dev.trustmap.source.folder.ManifestException;
import dev.trustmap.source.traffic.TrafficFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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
            "Traffic the current policies deny is not granted. Writes one YAML file per resource."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:policies written", "2:bad input or internal error"})
final class GenerateCommand extends BaseCommand {

    @Option(names = "--manifests", required = true, description = "Folder (or file) of manifests; repeatable.")
    List<Path> manifests;

    @Option(names = "--traffic", required = true, description = "Traffic file (see README: Traffic files).")
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
            names = {"-o", "--output"},
            required = true,
            description = "Folder to write the YAML files to.")
    Path output;

    @Override
    protected int run() throws ManifestException, BadInputException {
        AssembledMesh mesh = FolderSource.load(manifests);
        reportSkipped(mesh.skippedKinds());
        Traffic traffic = TrafficFile.read(trafficFile);
        LeastPrivilege.Result result = LeastPrivilege.generate(
                Engine.of(mesh.snapshot()),
                traffic,
                new LeastPrivilege.Options(Set.copyOf(namespaces), Set.copyOf(workloads), dryRun, !noStrict));
        List<Path> written;
        try {
            written = YamlWriter.writeFolder(result.policies(), output);
        } catch (UncheckedIOException e) {
            throw new BadInputException(e.getMessage() + "; choose a folder you can write to");
        }
        out().println("wrote " + written.size() + " resources to " + output);
        result.covered().forEach(line -> out().println("covered: " + line));
        result.notCovered().forEach(line -> out().println("not covered: " + line));
        return ExitCodes.OK;
    }
}
