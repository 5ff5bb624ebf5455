package dev.trustmap.cli;

import dev.trustmap.analysis.DraftDiff;
import dev.trustmap.analysis.ResourceKey;
import dev.trustmap.engine.Verdict;
import dev.trustmap.export.ResourceDiffText;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.source.folder.AssembledMesh;
import dev.trustmap.source.folder.DraftObjects;
import dev.trustmap.source.folder.FolderSource;
import dev.trustmap.source.folder.ManifestException;
import dev.trustmap.source.traffic.TrafficFile;
import dev.trustmap.text.Plural;
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
            "The draft folder's policies (AuthorizationPolicy, PeerAuthentication, RequestAuthentication,"
                    + " DestinationRule) are laid over the current ones by kind, namespace and name; an object"
                    + " annotated trustmap.dev/delete: \"true\" removes its namesake. A draft policy without"
                    + " metadata.namespace is"
                    + " placed in namespace default (with a warning); objects of other kinds are ignored, each with a"
                    + " warning; a draft with no policy at all, or an object defined twice, is bad input.",
            "Without --traffic nothing can be found to break: the output says so and the exit code is 0."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no observed traffic would be denied",
            "1:the draft would deny observed traffic",
            "2:bad input (an empty draft, an object defined twice, invalid files) or internal error"
        })
final class DiffCommand extends BaseCommand {
    static final String DELETE = "trustmap.dev/delete";
    /** Where a draft policy without metadata.namespace goes when no cluster context says otherwise. */
    static final String DEFAULT_NAMESPACE = "default";

    @Option(names = "--manifests", required = true, description = "Current manifests (folder or file); repeatable.")
    List<Path> manifests;

    @Option(names = "--draft", required = true, description = "Draft policies (folder or file); repeatable.")
    List<Path> drafts;

    @Option(names = "--traffic", description = "Traffic file; without it only resources and openings are shown.")
    Path trafficFile;

    @Override
    protected int run() throws ManifestException, BadInputException {
        AssembledMesh current = FolderSource.load(manifests);
        DraftObjects draft = FolderSource.loadDraft(drafts, DEFAULT_NAMESPACE);
        reportSkipped(current.skippedKinds());
        draft.warnings().forEach(warning -> err().println("warning: " + warning));
        Traffic traffic = trafficFile == null ? Traffic.none() : TrafficFile.read(trafficFile);
        MeshSnapshot layered = current.snapshot().withPolicies(layer(current.snapshot(), draft.policies()));
        DraftDiff diff = DraftDiff.compare(current.snapshot(), layered, traffic);
        if (trafficFile == null) {
            out().println("would break: not assessed: no observed traffic was given (--traffic FILE), so nothing"
                    + " can be found to break");
        } else {
            printBreaks(diff);
        }
        printOpens(diff);
        printResources(diff);
        return diff.wouldBreak().isEmpty() ? ExitCodes.OK : 1;
    }

    private static List<HasMetadata> layer(MeshSnapshot current, List<HasMetadata> draft) {
        Map<String, HasMetadata> byKey = new LinkedHashMap<>();
        current.policies().forEach(p -> byKey.put(ResourceKey.of(p), p));
        for (HasMetadata object : draft) {
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
                        "would break: %s, %.1f requests/s%n",
                        Plural.of(diff.wouldBreak().size(), "observed edge"),
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
        out().println("opens: " + Plural.of(diff.opens().size(), "client/port pair") + " denied before, allowed after");
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
