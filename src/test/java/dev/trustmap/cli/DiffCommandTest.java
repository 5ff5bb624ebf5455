package dev.trustmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trustmap diff}: the gate on the bookinfo sample and on bad input. */
class DiffCommandTest {
    private static final String BOOKINFO = "src/test/resources/traffic/bookinfo";
    private static final String TRAFFIC = BOOKINFO + "/traffic.yaml";

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
        CliRun run = CliRun.of("diff", "--manifests", BOOKINFO, "--draft", "src/test/resources/drafts/bookinfo-break");

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
        CliRun run = CliRun.of("diff", "--manifests", BOOKINFO, "--draft", "src/test/resources/drafts/bookinfo-break");

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
