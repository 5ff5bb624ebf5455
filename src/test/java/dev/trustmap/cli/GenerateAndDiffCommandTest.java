package dev.trustmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateAndDiffCommandTest {
    private static final String BOOKINFO = "src/test/resources/traffic/bookinfo";
    private static final String TRAFFIC = BOOKINFO + "/traffic.yaml";

    @Nested
    class Generate {
        @Test
        void writesOneFilePerResourceAndReportsCoverage(@TempDir Path out) throws Exception {
            CliRun run = CliRun.of("generate", "--manifests", BOOKINFO, "--traffic", TRAFFIC, "-o", out.toString());

            assertThat(run.exitCode()).isZero();
            try (Stream<Path> files = Files.list(out)) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .contains("bookinfo-peerauthentication-trustmap-strict-details-v1.yaml")
                        .as("bookinfo already has an allow-nothing")
                        .doesNotContain("bookinfo-authorizationpolicy-trustmap-allow-nothing.yaml");
            }
            assertThat(run.out())
                    .contains("namespace bookinfo already has an allow-nothing (allow-nothing): no second one drafted");
            assertThat(Files.readString(out.resolve("bookinfo-authorizationpolicy-trustmap-allow-details-v1.yaml")))
                    .contains("cluster.local/ns/bookinfo/sa/bookinfo-productpage")
                    .contains("/details/{*}");
            assertThat(run.out()).contains("not covered: namespace istio-system is the root namespace");
            assertThat(run.out())
                    .contains("covered: bookinfo/details-v1: 1 caller on container port [9080]")
                    .doesNotContain("(s)");
        }

        @Test
        void draftsChosenWorkloadsOnlyAndStrictOnRequest(@TempDir Path out) throws Exception {
            CliRun run = CliRun.of(
                    "generate",
                    "--manifests",
                    BOOKINFO,
                    "--traffic",
                    TRAFFIC,
                    "--workload",
                    "bookinfo/details-v1",
                    "--no-strict",
                    "-o",
                    out.toString());

            assertThat(run.exitCode()).isZero();
            try (Stream<Path> files = Files.list(out)) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .containsExactly("bookinfo-authorizationpolicy-trustmap-allow-details-v1.yaml");
            }
        }

        @Test
        void refusesAFolderWithOtherManifestsUnlessClean(@TempDir Path out) throws Exception {
            Files.writeString(out.resolve("stale-1.yaml"), "kind: x\n");
            Files.createDirectories(out.resolve("sub"));
            Files.writeString(out.resolve("sub/stale-2.yml"), "kind: x\n");
            Files.writeString(out.resolve("notes.txt"), "kept\n");

            CliRun refused = CliRun.of("generate", "--manifests", BOOKINFO, "--traffic", TRAFFIC, "-o", out.toString());

            assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(refused.err())
                    .isEqualTo("trustmap: " + out + " already holds 2 other YAML or JSON files (e.g. stale-1.yaml) that"
                            + " trustmap apply --draft would read too; choose an empty folder, or pass --clean to"
                            + " delete them first.\n");
            assertThat(out.resolve("stale-1.yaml")).exists();

            CliRun cleaned = CliRun.of(
                    "generate", "--manifests", BOOKINFO, "--traffic", TRAFFIC, "--clean", "-o", out.toString());

            assertThat(cleaned.exitCode()).as(cleaned.err()).isZero();
            assertThat(out.resolve("stale-1.yaml")).doesNotExist();
            assertThat(out.resolve("sub/stale-2.yml")).doesNotExist();
            assertThat(out.resolve("notes.txt")).exists();

            CliRun again = CliRun.of("generate", "--manifests", BOOKINFO, "--traffic", TRAFFIC, "-o", out.toString());
            assertThat(again.exitCode()).as("its own files are not stale").isZero();
        }

        @Test
        void anOutputThatIsAFileIsNamedAsSuch(@TempDir Path dir) throws Exception {
            Path file = Files.writeString(dir.resolve("passwd"), "root:x:0:0\n");

            CliRun run = CliRun.of("generate", "--manifests", BOOKINFO, "--traffic", TRAFFIC, "-o", file.toString());

            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err())
                    .isEqualTo("trustmap: -o " + file + " is a file, not a folder; choose a folder to write the YAML"
                            + " files to.\n");
        }

        @Test
        void anOutputThatCannotBeMadeIsOneMessageWithoutRepeats(@TempDir Path dir) throws Exception {
            Path under = Files.writeString(dir.resolve("plain"), "text\n").resolve("out");

            CliRun run = CliRun.of("generate", "--manifests", BOOKINFO, "--traffic", TRAFFIC, "-o", under.toString());

            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err())
                    .isEqualTo("trustmap: cannot write to " + under + ": Not a directory; choose a folder you can"
                            + " write to.\n");
        }

        @Test
        void anOutputWhereNoFolderCanBeMadeSaysWhyOnce(@TempDir Path dir) {
            Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux's /proc");

            CliRun run = CliRun.of("generate", "--manifests", BOOKINFO, "--traffic", TRAFFIC, "-o", "/proc/x");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err())
                    .isEqualTo("trustmap: cannot write to /proc/x: no such file or folder; choose a folder you can"
                            + " write to.\n");
        }

        @Test
        void aNamespaceOrWorkloadNotInTheMeshIsBadInput(@TempDir Path out) {
            CliRun namespace = CliRun.of(
                    "generate",
                    "--manifests",
                    BOOKINFO,
                    "--traffic",
                    TRAFFIC,
                    "--namespace",
                    "nope",
                    "-o",
                    out.toString());
            CliRun workload = CliRun.of(
                    "generate",
                    "--manifests",
                    BOOKINFO,
                    "--traffic",
                    TRAFFIC,
                    "--workload",
                    "bookinfo/nope",
                    "-o",
                    out.toString());

            assertThat(namespace.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(namespace.err())
                    .startsWith("trustmap: --namespace nope is not a namespace of the manifests; known: ")
                    .contains("bookinfo");
            assertThat(workload.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(workload.err())
                    .startsWith("trustmap: --workload bookinfo/nope is not a workload of the manifests")
                    .contains("bookinfo/details-v1");
            assertThat(out).isEmptyDirectory();
        }

        @Test
        void aMissingTrafficFileIsSaidToNotExist(@TempDir Path out) {
            CliRun run = CliRun.of(
                    "generate",
                    "--manifests",
                    BOOKINFO,
                    "--traffic",
                    out.resolve("nope.yaml").toString(),
                    "-o",
                    out.toString());

            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err())
                    .isEqualTo("trustmap: " + out.resolve("nope.yaml")
                            + ": does not exist; check the path to the traffic file.\n");
        }

        @Test
        void reportsOneResourceInTheSingular(@TempDir Path out) {
            CliRun run = CliRun.of(
                    "generate",
                    "--manifests",
                    BOOKINFO,
                    "--traffic",
                    TRAFFIC,
                    "--workload",
                    "bookinfo/details-v1",
                    "--no-strict",
                    "-o",
                    out.toString());

            assertThat(run.out()).startsWith("wrote 1 resource to " + out + "\n");
        }

        @Test
        void warnsAboutTrafficTheManifestsCannotResolveAndPortsNoServiceExposes(@TempDir Path dir) throws Exception {
            Path manifests = Files.createDirectories(dir.resolve("manifests"));
            Files.copy(Path.of(BOOKINFO, "bookinfo.yaml"), manifests.resolve("bookinfo.yaml"));
            Path traffic = Files.writeString(
                    dir.resolve("traffic.yaml"),
                    Files.readString(Path.of(TRAFFIC))
                            .replaceFirst("(to: bookinfo/details-v1\\n.*\\n    port:) 9080", "$1 9999"));

            CliRun run = CliRun.of(
                    "generate",
                    "--manifests",
                    manifests.toString(),
                    "--traffic",
                    traffic.toString(),
                    "-o",
                    dir.resolve("out").toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err())
                    .contains("warning: 2 observed edges left out, naming a workload or Service the manifests do not"
                            + " have")
                    .contains(traffic + ": edge istio-system/istio-ingressgateway -> bookinfo/productpage-v1:9080:"
                            + " no workload istio-system/istio-ingressgateway")
                    .contains("warning: 1 observed edge on a port its Service does not expose")
                    .contains(traffic + ": edge bookinfo/productpage-v1 -> bookinfo/details-v1:9999: Service"
                            + " bookinfo/details has no port 9999");
        }

        @Test
        void manifestsWithoutWorkloadsAreBadInput(@TempDir Path dir) throws Exception {
            Path empty = Files.createDirectories(dir.resolve("empty"));
            Files.writeString(empty.resolve("ns.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n");

            CliRun run = CliRun.of(
                    "generate",
                    "--manifests",
                    empty.toString(),
                    "--traffic",
                    TRAFFIC,
                    "-o",
                    dir.resolve("out").toString());

            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).contains(empty + ": no workloads");
            assertThat(dir.resolve("out")).doesNotExist();
        }

        @Test
        void withoutTrafficUsesTheManifestsFoldersOrSaysThereIsNone(@TempDir Path dir) {
            CliRun found = CliRun.of(
                    "generate", "--manifests", BOOKINFO, "-o", dir.resolve("a").toString());
            CliRun none = CliRun.of(
                    "generate",
                    "--manifests",
                    BOOKINFO + "/bookinfo.yaml",
                    "-o",
                    dir.resolve("b").toString());

            assertThat(found.exitCode()).as(found.err()).isZero();
            assertThat(found.err()).contains("traffic: " + TRAFFIC + " (found in the manifests folder)");
            assertThat(found.out()).contains("covered: bookinfo/details-v1");
            assertThat(none.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(none.err()).startsWith("trustmap: no observed traffic: give --traffic FILE");
        }

        @Test
        void generatedDraftBreaksNoObservedTraffic(@TempDir Path out) {
            CliRun.of("generate", "--manifests", BOOKINFO, "--traffic", TRAFFIC, "-o", out.toString());

            CliRun diff = CliRun.of("diff", "--manifests", BOOKINFO, "--draft", out.toString(), "--traffic", TRAFFIC);

            assertThat(diff.exitCode()).isZero();
            assertThat(diff.out()).contains("would break: 0 observed edges");
        }
    }

    @Nested
    class Diff {
        @Test
        void failsWhenTheDraftDeniesObservedTraffic() {
            CliRun run = CliRun.of(
                    "diff",
                    "--manifests",
                    BOOKINFO,
                    "--draft",
                    "src/test/resources/drafts/bookinfo-break",
                    "--traffic",
                    TRAFFIC);

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out())
                    .contains("would break: 1 observed edge,")
                    .contains("bookinfo/productpage-v1 -> bookinfo/details-v1:9080  ALLOW -> DENY")
                    .contains("~ AuthorizationPolicy bookinfo/details-viewer")
                    .contains("-              - GET")
                    .contains("+              - POST");
        }

        @Test
        void listsPairsADeletionOpens() {
            CliRun run = CliRun.of(
                    "diff",
                    "--manifests",
                    BOOKINFO,
                    "--draft",
                    "src/test/resources/drafts/bookinfo-open",
                    "--traffic",
                    TRAFFIC);

            assertThat(run.exitCode()).isZero();
            assertThat(run.out())
                    .contains("- AuthorizationPolicy bookinfo/allow-nothing")
                    .contains("bookinfo/ratings-v1 -> bookinfo/details-v1:9080  ALLOW");
        }

        @Test
        void withoutTrafficSaysNothingWasAssessed() {
            CliRun run = CliRun.of(
                    "diff",
                    "--manifests",
                    BOOKINFO + "/bookinfo.yaml",
                    "--manifests",
                    BOOKINFO + "/policies.yaml",
                    "--draft",
                    "src/test/resources/drafts/bookinfo-break");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out())
                    .startsWith("would break: not assessed: no observed traffic was given (--traffic FILE), so"
                            + " nothing can be found to break\n")
                    .doesNotContain("would break: 0")
                    .contains("~ AuthorizationPolicy bookinfo/details-viewer");
        }

        @Test
        void withoutTrafficUsesTheTrafficFileOfTheManifestsFolder() {
            CliRun run =
                    CliRun.of("diff", "--manifests", BOOKINFO, "--draft", "src/test/resources/drafts/bookinfo-break");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("traffic: " + TRAFFIC + " (found in the manifests folder)");
            assertThat(run.out())
                    .contains("would break: 1 observed edge, 20.0 requests/s")
                    .contains("bookinfo/productpage-v1 -> bookinfo/details-v1:9080  ALLOW -> DENY");
        }

        @Test
        void trafficNamingAWorkloadTheManifestsLackIsBadInputUnlessSkipped(@TempDir Path dir) throws Exception {
            Path traffic = Files.writeString(
                    dir.resolve("traffic.yaml"),
                    Files.readString(Path.of(TRAFFIC)).replace("to: bookinfo/details-v1", "to: bookinfo/detials-v1"));
            String[] args = {
                "diff",
                "--manifests",
                BOOKINFO,
                "--draft",
                "src/test/resources/drafts/bookinfo-break",
                "--traffic",
                traffic.toString()
            };

            CliRun refused = CliRun.of(args);
            CliRun skipped = CliRun.of(Stream.concat(Stream.of(args), Stream.of("--skip-unknown-traffic"))
                    .toArray(String[]::new));

            assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(refused.err())
                    .startsWith("trustmap: 1 observed edge names a workload or Service the manifests do not have")
                    .contains(traffic + ": edge bookinfo/productpage-v1 -> bookinfo/detials-v1:9080: no workload"
                            + " bookinfo/detials-v1")
                    .contains("--skip-unknown-traffic checks the rest");
            assertThat(refused.out()).isEmpty();
            assertThat(skipped.exitCode()).isZero();
            assertThat(skipped.err()).contains("warning: 1 observed edge names").contains("bookinfo/detials-v1");
            assertThat(skipped.out()).contains("would break: 0 observed edges");
        }

        @Test
        void saysWhatDryRunPoliciesWouldBreakOnceEnforcedWithoutFailingTheGate(@TempDir Path draft) throws Exception {
            Files.writeString(draft.resolve("deny.yaml"), """
                    apiVersion: security.istio.io/v1
                    kind: AuthorizationPolicy
                    metadata:
                      name: deny-details
                      namespace: bookinfo
                      annotations: {istio.io/dry-run: "true"}
                    spec:
                      selector: {matchLabels: {app: details}}
                      action: DENY
                      rules: [{}]
                    """);

            CliRun run = CliRun.of("diff", "--manifests", BOOKINFO, "--draft", draft.toString());

            assertThat(run.exitCode()).isZero();
            assertThat(run.out())
                    .contains("would break: 0 observed edges, 0.0 requests/s\n")
                    .contains("once enforced (istio.io/dry-run removed), would break: 1 observed edge, 20.0"
                            + " requests/s\n  bookinfo/productpage-v1 -> bookinfo/details-v1:9080  ALLOW -> DENY");
            assertThat(Files.readString(draft.resolve("deny.yaml"))).contains("istio.io/dry-run");
        }

        @Test
        void withoutDryRunPoliciesSaysNothingAboutEnforcing() {
            CliRun run =
                    CliRun.of("diff", "--manifests", BOOKINFO, "--draft", "src/test/resources/drafts/bookinfo-break");

            assertThat(run.out()).doesNotContain("once enforced");
        }

        @Test
        void anObjectDefinedTwiceInTheDraftIsBadInputNamingBothFiles(@TempDir Path draft) throws Exception {
            Path details = Path.of("src/test/resources/drafts/bookinfo-break/details.yaml");
            Files.copy(details, draft.resolve("a.yaml"));
            Files.copy(details, draft.resolve("b.yaml"));

            CliRun run = CliRun.of("diff", "--manifests", BOOKINFO, "--draft", draft.toString());

            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err())
                    .startsWith("trustmap: " + draft.resolve("b.yaml") + ":")
                    .contains("AuthorizationPolicy bookinfo/details-viewer is defined twice, here and at "
                            + draft.resolve("a.yaml") + ":");
            assertThat(run.out()).isEmpty();
        }

        @Test
        void anObjectDefinedTwiceInTheManifestsIsBadInput(@TempDir Path manifests) throws Exception {
            Files.copy(Path.of(BOOKINFO, "policies.yaml"), manifests.resolve("a.yaml"));
            Files.copy(Path.of(BOOKINFO, "policies.yaml"), manifests.resolve("b.yaml"));

            CliRun run = CliRun.of(
                    "diff", "--manifests", manifests.toString(), "--draft", "src/test/resources/drafts/bookinfo-break");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).contains("b.yaml:").contains("is defined twice, here and at ");
        }

        @Test
        void namesEachIgnoredObjectAndTheAssumedNamespace(@TempDir Path draft) throws Exception {
            Files.writeString(
                    draft.resolve("draft.yaml"),
                    String.join(
                            "\n",
                            "apiVersion: networking.istio.io/v1",
                            "kind: VirtualService",
                            "metadata: {name: reviews, namespace: bookinfo}",
                            "spec: {hosts: [reviews]}",
                            "---",
                            "apiVersion: security.istio.io/v1",
                            "kind: AuthorizationPolicy",
                            "metadata: {name: allow-nothing-here}",
                            "spec: {}",
                            ""));

            CliRun run = CliRun.of("diff", "--manifests", BOOKINFO, "--draft", draft.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err())
                    .contains(
                            "warning: " + draft.resolve("draft.yaml") + ":1: VirtualService bookinfo/reviews is"
                                    + " ignored: Trustmap drafts only AuthorizationPolicy, PeerAuthentication,"
                                    + " RequestAuthentication and DestinationRule.",
                            "warning: " + draft.resolve("draft.yaml") + ":6: AuthorizationPolicy allow-nothing-here"
                                    + " has no metadata.namespace; assumed namespace 'default'.");
            assertThat(run.out()).contains("+ AuthorizationPolicy default/allow-nothing-here");
        }

        @Test
        void aPolicyInTheWrongIstioGroupIsBadInputNamingTheGroupToUse(@TempDir Path draft) throws Exception {
            Files.writeString(
                    draft.resolve("draft.yaml"),
                    "apiVersion: networking.istio.io/v1\nkind: AuthorizationPolicy\n"
                            + "metadata: {name: x, namespace: bookinfo}\nspec: {}\n");

            CliRun run = CliRun.of("diff", "--manifests", BOOKINFO, "--draft", draft.toString());

            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err())
                    .isEqualTo("trustmap: " + draft.resolve("draft.yaml") + ":1: field apiVersion: unsupported"
                            + " apiVersion networking.istio.io/v1 for AuthorizationPolicy; use security.istio.io/v1 or"
                            + " v1beta1\n");
        }

        @Test
        void aClusterScopedObjectIsNamedWithoutANamespace(@TempDir Path draft) throws Exception {
            Files.writeString(
                    draft.resolve("ns.yaml"),
                    "apiVersion: v1\nkind: Namespace\nmetadata: {name: bookinfo}\n---\n"
                            + "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\n"
                            + "metadata: {name: reader}\n");

            CliRun onlyThose = CliRun.of("diff", "--manifests", BOOKINFO, "--draft", draft.toString());
            Files.writeString(
                    draft.resolve("policy.yaml"),
                    "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\n"
                            + "metadata: {name: allow-nothing, namespace: bookinfo}\nspec: {}\n");
            CliRun withAPolicy = CliRun.of("diff", "--manifests", BOOKINFO, "--draft", draft.toString());

            assertThat(onlyThose.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(onlyThose.err())
                    .contains("(only Namespace bookinfo at " + draft.resolve("ns.yaml") + ":1, ClusterRole reader at ")
                    .doesNotContain("default/");
            assertThat(withAPolicy.err())
                    .contains(draft.resolve("ns.yaml") + ":1: Namespace bookinfo is ignored")
                    .contains(draft.resolve("ns.yaml") + ":5: ClusterRole reader is ignored")
                    .doesNotContain("default/");
        }

        @Test
        void aMissingPathIsNamedAsTheDraftTheManifestsOrTheTrafficFile(@TempDir Path dir) {
            String missing = dir.resolve("missing").toString();

            CliRun draft = CliRun.of("diff", "--manifests", BOOKINFO, "--draft", missing);
            CliRun manifests = CliRun.of("diff", "--manifests", missing, "--draft", BOOKINFO);
            CliRun traffic = CliRun.of("diff", "--manifests", BOOKINFO, "--draft", BOOKINFO, "--traffic", missing);

            assertThat(List.of(draft.exitCode(), manifests.exitCode(), traffic.exitCode()))
                    .containsOnly(ExitCodes.BAD_INPUT);
            assertThat(draft.err())
                    .isEqualTo("trustmap: " + missing + ": does not exist; check the path to the draft file or"
                            + " folder.\n");
            assertThat(manifests.err())
                    .isEqualTo("trustmap: " + missing + ": does not exist; check the path to the manifest file or"
                            + " folder.\n");
            assertThat(traffic.err())
                    .endsWith("trustmap: " + missing + ": does not exist; check the path to the" + " traffic file.\n");
        }

        @Test
        void anEmptyDraftFolderIsBadInput(@TempDir Path draft) {
            CliRun run = CliRun.of("diff", "--manifests", BOOKINFO, "--draft", draft.toString());

            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err())
                    .isEqualTo("trustmap: " + draft + ": holds no .yaml, .yml or .json files; check the path to the"
                            + " draft.\n");
        }
    }
}
