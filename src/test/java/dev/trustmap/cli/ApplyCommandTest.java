package dev.trustmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.analysis.workspace.AuditEntry;
import dev.trustmap.analysis.workspace.AuditLog;
import dev.trustmap.source.cluster.MockCluster;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trustmap apply} against the fabric8 mock API server, with the audit log in a temporary Trustmap folder. */
class ApplyCommandTest {
    private static final String DENY_DELETES = String.join(
            "\n",
            "apiVersion: security.istio.io/v1",
            "kind: AuthorizationPolicy",
            "metadata:",
            "  name: deny-deletes",
            "  namespace: %s",
            "spec:",
            "  selector:",
            "    matchLabels:",
            "      app: ratings",
            "  action: DENY",
            "  rules:",
            "    - to:",
            "        - operation:",
            "            methods: [\"DELETE\"]",
            "");
    private static final String REMOVE_RATINGS = String.join(
            "\n",
            "apiVersion: security.istio.io/v1",
            "kind: AuthorizationPolicy",
            "metadata:",
            "  name: ratings-viewer",
            "  namespace: bookinfo",
            "  annotations:",
            "    trustmap.dev/delete: \"true\"",
            "spec: {}",
            "");

    @TempDir
    Path dir;

    private MockCluster cluster;
    private Path kubeconfig;
    private Path draft;
    private String home;

    @BeforeEach
    void start() throws IOException {
        cluster = new MockCluster().load(MockCluster.BOOKINFO);
        kubeconfig = cluster.kubeconfig(dir.resolve("config"), "mock");
        draft = Files.createDirectories(dir.resolve("draft"));
        home = System.getProperty("trustmap.home");
        System.setProperty("trustmap.home", dir.resolve("home").toString());
    }

    @AfterEach
    void stop() {
        cluster.close();
        if (home == null) {
            System.clearProperty("trustmap.home");
        } else {
            System.setProperty("trustmap.home", home);
        }
    }

    private void draftFiles(String namespace) throws IOException {
        Files.writeString(draft.resolve("deny-deletes.yaml"), String.format(DENY_DELETES, namespace));
        Files.copy(Path.of("src/test/resources/drafts/bookinfo-break/details.yaml"), draft.resolve("details.yaml"));
        Files.writeString(draft.resolve("remove-ratings.yaml"), REMOVE_RATINGS);
    }

    private CliRun apply(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "apply", "--context", "mock", "--kubeconfig", kubeconfig.toString(), "--draft", draft.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private AuthorizationPolicy onCluster(String name) {
        return cluster.client()
                .resources(AuthorizationPolicy.class)
                .inNamespace("bookinfo")
                .withName(name)
                .get();
    }

    private List<AuditEntry> audit() throws IOException {
        return new AuditLog(dir.resolve("home").resolve(AuditLog.FILE)).recent(10);
    }

    @Test
    void withoutYesPrintsThePlanAndTheDryRunAndWritesNothing() throws Exception {
        draftFiles("bookinfo");

        CliRun run = apply();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "plan for context mock: 1 create, 1 update, 1 delete",
                        "  create AuthorizationPolicy bookinfo/deny-deletes",
                        "  update AuthorizationPolicy bookinfo/details-viewer",
                        "  delete AuthorizationPolicy bookinfo/ratings-viewer",
                        "dry run: the API server accepts all 3 changes",
                        "not applied: run again with --yes to apply");
        assertThat(onCluster("deny-deletes")).isNull();
        assertThat(onCluster("ratings-viewer")).isNotNull();
        assertThat(audit())
                .extracting(AuditEntry::action, AuditEntry::context, AuditEntry::kubeUser)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dry-run", "mock", "tester"));
    }

    @Test
    void withYesAppliesWithFieldManagerTrustmapAndAudits() throws Exception {
        draftFiles("bookinfo");

        CliRun run = apply("--yes");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("applied 3 changes with field manager trustmap");
        AuthorizationPolicy created = onCluster("deny-deletes");
        assertThat(created.getSpec().getAction()).isEqualTo(AuthorizationPolicyAction.DENY);
        assertThat(created.getMetadata().getManagedFields())
                .extracting(ManagedFieldsEntry::getManager)
                .containsExactly("trustmap");
        assertThat(onCluster("details-viewer")
                        .getSpec()
                        .getRules()
                        .get(0)
                        .getTo()
                        .get(0)
                        .getOperation()
                        .getMethods())
                .containsExactly("POST");
        assertThat(onCluster("ratings-viewer")).isNull();
        List<AuditEntry> entries = audit();
        assertThat(entries).extracting(AuditEntry::action).containsExactly("apply", "dry-run");
        assertThat(entries.get(0).outcome()).isEqualTo("ok");
        assertThat(entries.get(0).resources()).contains("create AuthorizationPolicy bookinfo/deny-deletes");
        assertThat(entries.get(0).digest()).startsWith("sha256:");

        CliRun again = apply("--yes");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("nothing to apply: the cluster already matches the draft");
    }

    @Test
    void aRefusedDryRunListsTheResourceAndWritesNothing() throws Exception {
        draftFiles("payments");

        CliRun run = apply("--yes");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.MISMATCH_OR_DENY);
        assertThat(run.out())
                .contains(
                        "dry run: 1 of 3 refused",
                        "  ! create AuthorizationPolicy payments/deny-deletes: namespaces \"payments\" not found");
        assertThat(run.out()).doesNotContain("applied");
        assertThat(onCluster("ratings-viewer")).isNotNull();
        assertThat(audit()).extracting(AuditEntry::action).containsExactly("dry-run");
        assertThat(audit().get(0).outcome()).startsWith("1 refused: create AuthorizationPolicy payments/deny-deletes");
    }

    @Test
    void aFieldOwnedByKubectlIsReportedWithTheHintAndWritesNothing() throws Exception {
        draftFiles("bookinfo");
        cluster.managedBy(onCluster("details-viewer"), "kubectl-client-side-apply");

        CliRun run = apply("--yes");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.MISMATCH_OR_DENY);
        assertThat(run.out())
                .contains(
                        "dry run: 1 of 3 change fields another field manager owns",
                        "  ! update AuthorizationPolicy bookinfo/details-viewer: fields owned by"
                                + " kubectl-client-side-apply: .spec.rules",
                        "to take these fields over, run again with --force-conflicts");
        assertThat(run.out()).doesNotContain("applied");
        assertThat(onCluster("deny-deletes")).isNull();
        assertThat(onCluster("ratings-viewer")).isNotNull();
        assertThat(audit().get(0).outcome())
                .isEqualTo("1 in conflict with other field managers: update AuthorizationPolicy"
                        + " bookinfo/details-viewer: fields owned by kubectl-client-side-apply: .spec.rules");
    }

    @Test
    void forceConflictsTakesOverTheFieldsAndAuditsIt() throws Exception {
        draftFiles("bookinfo");
        cluster.managedBy(onCluster("details-viewer"), "kubectl-client-side-apply");

        CliRun run = apply("--yes", "--force-conflicts");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "  taking over (--force-conflicts): update AuthorizationPolicy bookinfo/details-viewer:"
                                + " fields owned by kubectl-client-side-apply: .spec.rules",
                        "dry run: the API server accepts all 3 changes",
                        "applied 3 changes with field manager trustmap (took over fields from"
                                + " kubectl-client-side-apply)");
        AuthorizationPolicy details = onCluster("details-viewer");
        assertThat(details.getSpec()
                        .getRules()
                        .get(0)
                        .getTo()
                        .get(0)
                        .getOperation()
                        .getMethods())
                .containsExactly("POST");
        assertThat(details.getMetadata().getManagedFields())
                .extracting(ManagedFieldsEntry::getManager)
                .containsExactly("kubectl-client-side-apply", "trustmap");
        assertThat(audit())
                .extracting(AuditEntry::action, AuditEntry::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "apply", "ok (took over fields from kubectl-client-side-apply)"),
                        org.assertj.core.groups.Tuple.tuple(
                                "dry-run", "ok (taking over fields from kubectl-client-side-apply)"),
                        org.assertj.core.groups.Tuple.tuple(
                                "dry-run",
                                "1 in conflict with other field managers: update AuthorizationPolicy"
                                        + " bookinfo/details-viewer: fields owned by kubectl-client-side-apply:"
                                        + " .spec.rules"));
    }

    @Test
    void helpDocumentsForceConflicts() {
        CliRun run = CliRun.of("apply", "--help");

        assertThat(run.out()).contains("--force-conflicts").contains("kubectl-client-side-apply");
    }

    @Test
    void aDeadClusterIsOneSentenceAndExitCode4() throws Exception {
        draftFiles("bookinfo");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.writeString(
                kubeconfig,
                Files.readString(kubeconfig).replaceAll("server: '[^']*'", "server: 'http://127.0.0.1:" + port + "'"));

        CliRun run = apply("--yes");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CLUSTER);
        assertThat(run.err()).startsWith("trustmap: Cannot reach the API server at http://127.0.0.1:" + port);
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void aClusterWithoutIstiosResourcesSaysSoOnceAndWritesNothing() throws Exception {
        draftFiles("bookinfo");
        // CRUD mode serves every path, so the fault wrapper answers Istio's groups with 404 as a cluster without
        // Istio's CRDs does: reads, dry-run writes and discovery alike.
        cluster.faults().failEveryMethod("/apis/(security|networking)\\.istio\\.io(/.*)?", 404);

        CliRun run = apply("--yes");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.CLUSTER);
        assertThat(run.err())
                .startsWith("trustmap: Istio's resources are not installed on context 'mock': its API server does not"
                        + " serve security.istio.io/v1 AuthorizationPolicy; install Istio")
                .hasLineCount(1);
        assertThat(run.out())
                .doesNotContain("Not Found")
                .doesNotContain("refused")
                .doesNotContain("applied");
        assertThat(audit())
                .singleElement()
                .satisfies(entry -> assertThat(entry.action()).isEqualTo("dry-run"));
    }

    @Test
    void aBadDraftFileNamesTheFileAndLine() throws Exception {
        Files.writeString(draft.resolve("broken.yaml"), "apiVersion: security.istio.io/v1\nkind: [\n");

        CliRun run = apply("--yes");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("broken.yaml:3:").contains("is not valid YAML");
    }

    @Test
    void anUnknownContextIsBadInput() throws Exception {
        draftFiles("bookinfo");

        CliRun run = CliRun.of(
                "apply", "--context", "nope", "--kubeconfig", kubeconfig.toString(), "--draft", draft.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("has no context 'nope'");
    }

    @Test
    void aConflictBeforeTheDryRunIsReportedAsAClusterChangeWithItsDiff() throws Exception {
        draftFiles("bookinfo");
        cluster.api().raceBeforeNextDryRun(stored -> {
            stored.with("metadata").with("labels").put("owner", "ops");
            return stored;
        });

        CliRun run = apply("--yes");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.MISMATCH_OR_DENY);
        assertThat(run.out())
                .contains(
                        "dry run stopped: resources changed on the cluster since the plan read them; nothing was"
                                + " written",
                        "  ! AuthorizationPolicy bookinfo/details-viewer was modified on the cluster since it was read",
                        "--- read/AuthorizationPolicy bookinfo/details-viewer",
                        "+++ cluster/AuthorizationPolicy bookinfo/details-viewer",
                        "+    owner: ops",
                        "read the changes above, update the draft, then apply again")
                .doesNotContain("refused");
        assertThat(onCluster("deny-deletes")).isNull();
        assertThat(audit()).extracting(AuditEntry::action).containsExactly("dry-run");
        assertThat(audit().get(0).outcome())
                .isEqualTo("stopped: changed on the cluster since read: AuthorizationPolicy bookinfo/details-viewer");
    }

    @Test
    void thePlanShowsTheYamlDiffOfEachUpdate() throws Exception {
        draftFiles("bookinfo");

        CliRun run = apply("--dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out)
                .contains(
                        "--- cluster/AuthorizationPolicy bookinfo/details-viewer",
                        "+++ draft/AuthorizationPolicy bookinfo/details-viewer",
                        "-              - GET",
                        "+              - POST")
                .doesNotContain("resourceVersion", "creationTimestamp", "managedFields");
        assertThat(out.indexOf("+++ draft/AuthorizationPolicy bookinfo/details-viewer"))
                .isLessThan(out.indexOf("dry run: the API server accepts all 3 changes"));
    }

    @Test
    void aDraftPolicyWithoutNamespaceGoesToTheContextsNamespace() throws Exception {
        Files.writeString(
                draft.resolve("deny-deletes.yaml"),
                String.format(DENY_DELETES, "x").replace("  namespace: x\n", ""));

        CliRun run = apply("--yes");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "plan for context mock: 1 create, 0 update, 0 delete",
                        "  1 draft object without metadata.namespace goes to namespace bookinfo, the context's"
                                + " namespace",
                        "  create AuthorizationPolicy bookinfo/deny-deletes",
                        "dry run: the API server accepts the 1 change",
                        "applied 1 change with field manager trustmap");
        assertThat(run.err())
                .contains("deny-deletes.yaml:1: AuthorizationPolicy deny-deletes has no metadata.namespace");
        assertThat(onCluster("deny-deletes")).isNotNull();
    }

    @Test
    void anObjectDefinedTwiceIsBadInputNamingBothFiles() throws Exception {
        Path details = Path.of("src/test/resources/drafts/bookinfo-break/details.yaml");
        Files.copy(details, draft.resolve("a.yaml"));
        Files.copy(details, draft.resolve("b.yaml"));

        CliRun run = apply("--dry-run");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err())
                .containsPattern("b\\.yaml:\\d+: AuthorizationPolicy bookinfo/details-viewer is defined twice, here"
                        + " and at .*a\\.yaml:\\d+");
        assertThat(run.out()).doesNotContain("plan for");
    }

    @Test
    void otherKindsAreNamedOneByOneAndADraftWithoutPoliciesIsBadInput() throws Exception {
        Files.writeString(
                draft.resolve("other.yaml"),
                String.join(
                        "\n",
                        "apiVersion: networking.istio.io/v1",
                        "kind: VirtualService",
                        "metadata: {name: reviews, namespace: bookinfo}",
                        "spec: {hosts: [reviews]}",
                        "---",
                        "apiVersion: v1",
                        "kind: ConfigMap",
                        "metadata: {name: settings, namespace: bookinfo}",
                        ""));

        CliRun run = apply("--dry-run");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err())
                .contains("holds no AuthorizationPolicy, PeerAuthentication, RequestAuthentication or DestinationRule"
                        + " (only VirtualService bookinfo/reviews at ")
                .contains("other.yaml:1, ConfigMap bookinfo/settings at ")
                .contains("other.yaml:6); there is nothing to draft. Check the path to the draft.");

        draftFiles("bookinfo");
        CliRun withPolicies = apply("--dry-run");
        assertThat(withPolicies.exitCode()).as(withPolicies.err()).isZero();
        assertThat(withPolicies.err())
                .contains(
                        "other.yaml:1: VirtualService bookinfo/reviews is ignored: Trustmap drafts only"
                                + " AuthorizationPolicy, PeerAuthentication, RequestAuthentication and"
                                + " DestinationRule.",
                        "other.yaml:6: ConfigMap bookinfo/settings is ignored");
    }

    @Test
    void anEmptyDraftFolderIsBadInput() {
        CliRun run = apply("--dry-run");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("holds no .yaml, .yml or .json files; check the path to the draft.");
    }

    @Test
    void anEmptyOrForeignKubeconfigIsNamedAsNoKubeconfig() throws Exception {
        draftFiles("bookinfo");

        for (String text : List.of("", "garbage:\n")) {
            Files.writeString(kubeconfig, text);

            CliRun run = CliRun.of(
                    "apply", "--context", "dead", "--kubeconfig", kubeconfig.toString(), "--draft", draft.toString());

            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err())
                    .startsWith("trustmap: The kubeconfig " + kubeconfig
                            + " has no clusters or contexts; is it a kubeconfig? Point KUBECONFIG or --kubeconfig at")
                    .doesNotContain("has no context 'dead'")
                    .doesNotContain("null")
                    .hasLineCount(1);
        }
    }

    @Test
    void aMissingKubeconfigFileIsNamed() throws Exception {
        draftFiles("bookinfo");

        CliRun run = CliRun.of(
                "apply",
                "--context",
                "mock",
                "--kubeconfig",
                dir.resolve("nokc").toString(),
                "--draft",
                draft.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err())
                .isEqualTo("trustmap: the kubeconfig " + dir.resolve("nokc")
                        + " given with --kubeconfig does not exist;" + " check the path.\n");
    }
}
