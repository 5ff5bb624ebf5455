package dev.trustmap.cli;

import dev.trustmap.analysis.DraftDiff;
import dev.trustmap.analysis.ResourceKey;
import dev.trustmap.analysis.workspace.DraftStore;
import dev.trustmap.engine.Connection;
import dev.trustmap.engine.Verdict;
import dev.trustmap.export.ResourceDiffText;
import dev.trustmap.istio.DryRunMark;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.source.folder.AssembledMesh;
import dev.trustmap.source.folder.DraftObjects;
import dev.trustmap.source.folder.FolderSource;
import dev.trustmap.source.folder.ManifestException;
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
            "Without --traffic the traffic file of a manifests folder is used (see README: Traffic files); with"
                    + " neither, nothing can be found to break: the output says so and the exit code is 0. Observed"
                    + " edges that name a workload or Service the manifests do not have cannot be checked: they are"
                    + " bad input unless --skip-unknown-traffic.",
            "Draft AuthorizationPolicies marked istio.io/dry-run are not enforced, so they break nothing; the"
                    + " output also says what they would break once the mark is removed."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no observed traffic would be denied",
            "1:the draft would deny observed traffic",
            "2:bad input (an empty draft, an object defined twice, invalid files, traffic naming workloads the"
                    + " manifests lack) or internal error"
        })
final class DiffCommand extends BaseCommand {
    static final String DELETE = DraftStore.DELETE;
    /** Where a draft policy without metadata.namespace goes when no cluster context says otherwise. */
    static final String DEFAULT_NAMESPACE = "default";

    @Option(names = "--manifests", required = true, description = "Current manifests (folder or file); repeatable.")
    List<Path> manifests;

    @Option(names = "--draft", required = true, description = "Draft policies (folder or file); repeatable.")
    List<Path> drafts;

    @Option(
            names = "--traffic",
            description = "Traffic file; default: the traffic file in the manifests folder; with neither, only"
                    + " resources and openings are shown.")
    Path trafficFile;

    @Option(
            names = "--skip-unknown-traffic",
            description = "Check the draft against the observed edges the manifests can resolve, with a warning for"
                    + " the others, instead of refusing traffic that names workloads or Services they lack.")
    boolean skipUnknownTraffic;

    @Override
    protected int run() throws ManifestException, BadInputException {
        AssembledMesh current = FolderSource.load(manifests);
        DraftObjects draft = FolderSource.loadDraft(drafts, DEFAULT_NAMESPACE);
        reportSkipped(current.skippedKinds());
        draft.warnings().forEach(warning -> err().println("warning: " + warning));
        ObservedTraffic observed = ObservedTraffic.read(trafficFile, manifests);
        checkResolved(observed, current.snapshot());
        MeshSnapshot layered = current.snapshot().withPolicies(layer(current.snapshot(), draft.policies()));
        DraftDiff diff = DraftDiff.compare(current.snapshot(), layered, observed.traffic());
        if (!observed.present()) {
            out().println("would break: not assessed: no observed traffic was given (--traffic FILE), so nothing"
                    + " can be found to break");
        } else {
            printBreaks("would break", diff);
            printOnceEnforced(current.snapshot(), draft.policies(), observed.traffic());
        }
        printOpens(diff);
        printResources(diff);
        return diff.wouldBreak().isEmpty() ? ExitCodes.OK : 1;
    }

    /**
     * A gate must not pass on traffic it could not check: edges naming a workload or Service the manifests lack are
     * bad input, or with {@code --skip-unknown-traffic} a warning.
     */
    private void checkResolved(ObservedTraffic observed, MeshSnapshot mesh) throws BadInputException {
        if (observed.found()) {
            err().println("traffic: " + observed.file() + " (found in the manifests folder)");
        }
        List<String> unresolved = observed.unresolved(mesh);
        if (unresolved.isEmpty()) {
            return;
        }
        String what = Plural.of(unresolved.size(), "observed edge")
                + (unresolved.size() == 1 ? " names" : " name")
                + " a workload or Service the manifests do not have, so the draft cannot be checked against"
                + (unresolved.size() == 1 ? " it" : " them");
        if (!skipUnknownTraffic) {
            throw new BadInputException(what + ":\n" + ObservedTraffic.listed(unresolved)
                    + "\nFix the traffic file or add the missing manifests; --skip-unknown-traffic checks the rest.");
        }
        err().println("warning: " + what + " (skipped):\n" + ObservedTraffic.listed(unresolved));
    }

    /**
     * What the draft's dry-run AuthorizationPolicies would break once enforced: they change nothing now (Istio only
     * logs their verdict), which is the point of rolling them out that way, so the gate's exit code ignores this.
     */
    private void printOnceEnforced(MeshSnapshot current, List<HasMetadata> draft, Traffic traffic) {
        List<HasMetadata> enforced = DryRunMark.removed(draft);
        if (enforced == draft) {
            return;
        }
        MeshSnapshot layered = current.withPolicies(layer(current, enforced));
        printBreaks(
                "once enforced (istio.io/dry-run removed), would break", DraftDiff.compare(current, layered, traffic));
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

    private void printBreaks(String title, DraftDiff diff) {
        out().printf(
                        Locale.ROOT,
                        "%s: %s, %.1f requests/s%n",
                        title,
                        Plural.of(diff.wouldBreak().size(), "observed edge"),
                        diff.brokenRate());
        for (DraftDiff.EdgeChange change : diff.wouldBreak()) {
            Verdict after = change.after();
            boolean broken = after.connection().connection() == Connection.BROKEN;
            out().printf(
                            Locale.ROOT,
                            "  %s -> %s:%d  %s -> %s  %.1f rps  %s%n",
                            change.edge().sourceId(),
                            change.edge().destinationId(),
                            change.edge().port(),
                            change.before().decision(),
                            broken ? "broken TLS" : "DENY",
                            change.edge().requestsPerSecond(),
                            broken ? after.connection().reason() : after.authz().reason());
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
