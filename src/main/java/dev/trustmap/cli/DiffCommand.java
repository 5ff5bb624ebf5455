package dev.trustmap.cli;

import dev.trustmap.analysis.DraftDiff;
import dev.trustmap.analysis.ResourceKey;
import dev.trustmap.engine.Verdict;
import dev.trustmap.export.ResourceDiffText;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.source.folder.AssembledMesh;
import dev.trustmap.source.folder.FolderSource;
import dev.trustmap.source.folder.ManifestException;
import dev.trustmap.source.traffic.TrafficFile;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trustmap diff}: what a draft policy set would change; a gate for pipelines. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Shows what a draft changes against the current manifests: observed traffic it would deny, pairs of"
                    + " workloads it newly allows, and a YAML diff per resource.",
            "The draft folder's Istio objects are laid over the current ones by kind, namespace and name; an object"
                    + " annotated trustmap.dev/delete: \"true\" removes its namesake."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no observed traffic would be denied",
            "1:the draft would deny observed traffic",
            "2:bad input or internal error"
        })
final class DiffCommand extends BaseCommand {
    static final String DELETE = "trustmap.dev/delete";

    @Option(names = "--manifests", required = true, description = "Current manifests (folder or file); repeatable.")
    List<Path> manifests;

    @Option(names = "--draft", required = true, description = "Draft policies (folder or file); repeatable.")
    List<Path> drafts;

    @Option(names = "--traffic", description = "Traffic file; without it only resources and openings are shown.")
    Path trafficFile;

    @Override
    protected int run() throws ManifestException, BadInputException {
        AssembledMesh current = FolderSource.load(manifests);
        AssembledMesh draft = FolderSource.load(drafts);
        reportSkipped(current.skippedKinds());
        Traffic traffic = trafficFile == null ? Traffic.none() : TrafficFile.read(trafficFile);
        MeshSnapshot layered = current.snapshot().withPolicies(layer(current.snapshot(), draft.snapshot()));
        DraftDiff diff = DraftDiff.compare(current.snapshot(), layered, traffic);
        printBreaks(diff);
        printOpens(diff);
        printResources(diff);
        return diff.wouldBreak().isEmpty() ? ExitCodes.OK : 1;
    }

    private static List<HasMetadata> layer(MeshSnapshot current, MeshSnapshot draft) {
        Map<String, HasMetadata> byKey = new LinkedHashMap<>();
        current.policies().forEach(p -> byKey.put(ResourceKey.of(p), p));
        for (HasMetadata object : draft.policies()) {
            Map<String, String> annotations = object.getMetadata().getAnnotations();
            if (annotations != null && "true".equals(annotations.get(DELETE))) {
                byKey.remove(ResourceKey.of(object));
            } else {
                byKey.put(ResourceKey.of(object), object);
            }
        }
        return List.copyOf(byKey.values());
    }

    private void printBreaks(DraftDiff diff) {
        out().printf(
                        Locale.ROOT,
                        "would break: %d observed edge(s), %.1f requests/s%n",
                        diff.wouldBreak().size(),
                        diff.brokenRate());
        for (DraftDiff.EdgeChange change : diff.wouldBreak()) {
            Verdict after = change.after();
            out().printf(
                            Locale.ROOT,
                            "  %s -> %s:%d  %s -> DENY  %.1f rps  %s%n",
                            change.edge().sourceId(),
                            change.edge().destinationId(),
                            change.edge().port(),
                            change.before().decision(),
                            change.edge().requestsPerSecond(),
                            after.authz().reason());
        }
    }

    private void printOpens(DraftDiff diff) {
        out().println("opens: " + diff.opens().size() + " client/port pair(s) denied before, allowed after");
        diff.opens().stream()
                .limit(50)
                .forEach(o -> out().println("  " + o.from().id() + " -> "
                        + o.to().workload().id() + ":" + o.to().port() + "  "
                        + o.after().decision()));
        if (diff.opens().size() > 50) {
            out().println("  ... and " + (diff.opens().size() - 50) + " more");
        }
    }

    private void printResources(DraftDiff diff) {
        out().println("resources: " + diff.resources().size() + " changed");
        for (DraftDiff.ResourceChange change : diff.resources()) {
            String mark = change.before() == null ? "+" : change.after() == null ? "-" : "~";
            out().println("  " + mark + " " + change.key());
        }
        diff.resources().forEach(change -> out().print(ResourceDiffText.of(change)));
    }
}
