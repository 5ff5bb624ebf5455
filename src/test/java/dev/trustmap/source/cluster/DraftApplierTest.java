package dev.trustmap.source.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustmap.source.cluster.ApplyPlan.Change;
import dev.trustmap.source.cluster.ApplyPlan.Operation;
import dev.trustmap.source.cluster.ApplyResult.Outcome;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.AuthorizationPolicyBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Applying drafts against the fabric8 mock API server (CRUD, with server-side apply and dry runs). */
class DraftApplierTest {
    private MockCluster cluster;
    private KubernetesClient client;
    private DraftApplier applier;

    @BeforeEach
    void start() throws IOException {
        cluster = new MockCluster().load(MockCluster.BOOKINFO);
        client = new KubernetesClientBuilder().withConfig(cluster.config()).build();
        applier = new DraftApplier(client, "mock");
    }

    @AfterEach
    void stop() {
        client.close();
        cluster.close();
    }

    private AuthorizationPolicy onCluster(String name) {
        return cluster.client()
                .resources(AuthorizationPolicy.class)
                .inNamespace("bookinfo")
                .withName(name)
                .get();
    }

    private static AuthorizationPolicy deny(String namespace, String name, String app) {
        return new AuthorizationPolicyBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withNewSpec()
                .withNewSelector()
                .addToMatchLabels("app", app)
                .endSelector()
                .withAction(AuthorizationPolicyAction.DENY)
                .addNewRule()
                .addNewTo()
                .withNewOperation()
                .withMethods("DELETE")
                .endOperation()
                .endTo()
                .endRule()
                .endSpec()
                .build();
    }

    /** The draft's edit of a policy read from the cluster: the read copy with another action. */
    private AuthorizationPolicy edited(AuthorizationPolicy read) {
        return new AuthorizationPolicyBuilder(read)
                .editSpec()
                .withAction(AuthorizationPolicyAction.AUDIT)
                .endSpec()
                .build();
    }

    /** A plan as the app builds it: the policies as the informers read them, and the draft's versions. */
    private ApplyPlan appPlan() {
        AuthorizationPolicy reviews = onCluster("reviews-viewer");
        AuthorizationPolicy details = onCluster("details-viewer");
        return new ApplyPlan(List.of(
                Change.of(null, deny("bookinfo", "deny-deletes", "ratings")),
                Change.of(reviews, edited(reviews)),
                Change.of(details, null)));
    }

    @Nested
    class DryRun {

        @Test
        void acceptsAValidPlanAndStoresNothing() throws Exception {
            ApplyPlan plan = appPlan();

            DryRunResult result = applier.dryRun(plan);

            assertThat(result.ok()).isTrue();
            assertThat(onCluster("deny-deletes")).isNull();
            assertThat(onCluster("reviews-viewer").getSpec().getAction()).isEqualTo(AuthorizationPolicyAction.ALLOW);
            assertThat(onCluster("details-viewer")).isNotNull();
        }

        @Test
        void reportsEachRefusedResourceWithTheServersMessage() throws Exception {
            ApplyPlan plan = new ApplyPlan(List.of(
                    Change.of(null, deny("payments", "deny-deletes", "ledger")),
                    Change.of(null, deny("bookinfo", "Deny_Deletes", "ratings")),
                    Change.of(null, deny("bookinfo", "deny-deletes", "ratings"))));

            DryRunResult result = applier.dryRun(plan);

            assertThat(result.ok()).isFalse();
            assertThat(result.errors())
                    .extracting(ResourceError::describe)
                    .containsExactly(
                            "create AuthorizationPolicy payments/deny-deletes: namespaces \"payments\" not found",
                            "create AuthorizationPolicy bookinfo/Deny_Deletes: AuthorizationPolicy \"Deny_Deletes\" is"
                                    + " invalid: metadata.name: Invalid value: \"Deny_Deletes\": a lowercase RFC 1123"
                                    + " subdomain must consist of lower case alphanumeric characters, '-' or '.'");
            assertThat(result.errors()).extracting(ResourceError::code).containsExactly(404, 422);
            assertThat(onCluster("deny-deletes")).isNull();
        }

        @Test
        void failsWithOneSentenceWhenTheClusterIsGone() throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            try (KubernetesClient dead = new KubernetesClientBuilder()
                    .withConfig(new ConfigBuilder()
                            .withMasterUrl("http://127.0.0.1:" + port)
                            .withRequestRetryBackoffLimit(0)
                            .build())
                    .build()) {
                DraftApplier deadApplier = new DraftApplier(dead, "gone");

                assertThatThrownBy(() -> deadApplier.dryRun(appPlan()))
                        .isInstanceOf(ClusterException.class)
                        .hasMessageStartingWith("Cannot reach the API server at http://127.0.0.1:" + port);
            }
        }
    }

    @Nested
    class Apply {

        @Test
        void createsUpdatesAndDeletesWithFieldManagerTrustmap() throws Exception {
            ApplyPlan plan = appPlan();

            ApplyResult result = applier.apply(plan);

            assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
            assertThat(result.applied())
                    .extracting(Change::operation)
                    .containsExactly(Operation.CREATE, Operation.UPDATE, Operation.DELETE);
            AuthorizationPolicy created = onCluster("deny-deletes");
            assertThat(created.getSpec().getAction()).isEqualTo(AuthorizationPolicyAction.DENY);
            assertThat(created.getMetadata().getManagedFields())
                    .extracting(ManagedFieldsEntry::getManager, ManagedFieldsEntry::getOperation)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("trustmap", "Apply"));
            AuthorizationPolicy updated = onCluster("reviews-viewer");
            assertThat(updated.getSpec().getAction()).isEqualTo(AuthorizationPolicyAction.AUDIT);
            assertThat(updated.getSpec().getRules()).hasSize(1);
            assertThat(updated.getMetadata().getManagedFields())
                    .extracting(ManagedFieldsEntry::getManager)
                    .contains("trustmap");
            assertThat(onCluster("details-viewer")).isNull();
        }

        @Test
        void stopsWithoutWritingWhenAResourceChangedSinceItWasRead() throws Exception {
            ApplyPlan plan = appPlan();
            AuthorizationPolicy read = onCluster("reviews-viewer");
            cluster.client()
                    .resource(new AuthorizationPolicyBuilder(read)
                            .editSpec()
                            .withAction(AuthorizationPolicyAction.DENY)
                            .endSpec()
                            .build())
                    .update();
            AuthorizationPolicy theirs = onCluster("reviews-viewer");

            ApplyResult result = applier.apply(plan);

            assertThat(result.outcome()).isEqualTo(Outcome.STOPPED);
            assertThat(result.applied()).isEmpty();
            assertThat(result.drifts()).hasSize(1);
            Drift drift = result.drifts().get(0);
            assertThat(drift.change().key()).isEqualTo("AuthorizationPolicy bookinfo/reviews-viewer");
            assertThat(drift.read().getMetadata().getResourceVersion())
                    .isEqualTo(read.getMetadata().getResourceVersion());
            assertThat(((AuthorizationPolicy) drift.live()).getSpec().getAction())
                    .isEqualTo(AuthorizationPolicyAction.DENY);
            assertThat(drift.describe()).startsWith("AuthorizationPolicy bookinfo/reviews-viewer was modified");
            assertThat(onCluster("deny-deletes")).isNull();
            assertThat(onCluster("details-viewer")).isNotNull();
            assertThat(onCluster("reviews-viewer").getMetadata().getResourceVersion())
                    .isEqualTo(theirs.getMetadata().getResourceVersion());
        }

        @Test
        void stopsWhenAResourceAppearedOrDisappeared() throws Exception {
            ApplyPlan plan = appPlan();
            cluster.client()
                    .resource(deny("bookinfo", "deny-deletes", "details"))
                    .create();
            cluster.client().resource(onCluster("details-viewer")).delete();

            ApplyResult result = applier.apply(plan);

            assertThat(result.outcome()).isEqualTo(Outcome.STOPPED);
            assertThat(result.drifts())
                    .extracting(Drift::describe)
                    .containsExactly(
                            "AuthorizationPolicy bookinfo/deny-deletes was created on the cluster since it was read",
                            "AuthorizationPolicy bookinfo/details-viewer was deleted on the cluster since it was read");
            assertThat(onCluster("reviews-viewer").getSpec().getAction()).isEqualTo(AuthorizationPolicyAction.ALLOW);
        }

        @Test
        void aChangeBetweenTheCheckAndTheWriteIsRefusedAndReportedAsDrift() throws Exception {
            AuthorizationPolicy reviews = onCluster("reviews-viewer");
            ApplyPlan plan = new ApplyPlan(List.of(
                    Change.of(reviews, edited(reviews)), Change.of(null, deny("bookinfo", "deny-deletes", "ratings"))));
            cluster.api().raceBeforeNextApply(stored -> {
                stored.with("spec").put("action", "DENY");
                return stored;
            });

            ApplyResult result = applier.apply(plan);

            assertThat(result.outcome()).isEqualTo(Outcome.STOPPED);
            assertThat(result.applied()).isEmpty();
            assertThat(result.drifts()).hasSize(1);
            Drift drift = result.drifts().get(0);
            assertThat(drift.read().getMetadata().getResourceVersion())
                    .isEqualTo(reviews.getMetadata().getResourceVersion());
            assertThat(((AuthorizationPolicy) drift.live()).getSpec().getAction())
                    .isEqualTo(AuthorizationPolicyAction.DENY);
            assertThat(onCluster("reviews-viewer").getSpec().getAction()).isEqualTo(AuthorizationPolicyAction.DENY);
            assertThat(onCluster("deny-deletes"))
                    .as("nothing after the conflict is written")
                    .isNull();
        }

        @Test
        void aRefusedWriteStopsThereAndSaysWhatWasWritten() throws Exception {
            ApplyPlan plan = new ApplyPlan(List.of(
                    Change.of(null, deny("bookinfo", "deny-deletes", "ratings")),
                    Change.of(null, deny("bookinfo", "Not_Valid", "ratings")),
                    Change.of(onCluster("details-viewer"), null)));

            ApplyResult result = applier.apply(plan);

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.applied())
                    .extracting(Change::describe)
                    .containsExactly("create AuthorizationPolicy bookinfo/deny-deletes");
            assertThat(result.error().code()).isEqualTo(422);
            assertThat(result.error().describe())
                    .startsWith("create AuthorizationPolicy bookinfo/Not_Valid: AuthorizationPolicy \"Not_Valid\" is"
                            + " invalid");
            assertThat(onCluster("deny-deletes")).isNotNull();
            assertThat(onCluster("details-viewer"))
                    .as("nothing after the refusal")
                    .isNotNull();
        }

        @Test
        void theResourceVersionIsAPreconditionOfTheWrite() {
            AuthorizationPolicy read = onCluster("reviews-viewer");
            cluster.client()
                    .resource(new AuthorizationPolicyBuilder(read)
                            .editSpec()
                            .withAction(AuthorizationPolicyAction.DENY)
                            .endSpec()
                            .build())
                    .update();
            AuthorizationPolicy stale = edited(read);
            stale.getMetadata().setManagedFields(null);

            assertThatThrownBy(() -> client.resource(stale)
                            .fieldManager(DraftApplier.FIELD_MANAGER)
                            .serverSideApply())
                    .isInstanceOf(io.fabric8.kubernetes.client.KubernetesClientException.class)
                    .hasMessageContaining("the object has been modified");
            assertThatThrownBy(() -> client.resource(read)
                            .lockResourceVersion(read.getMetadata().getResourceVersion())
                            .delete())
                    .hasMessageContaining("the object has been modified");
            assertThat(onCluster("reviews-viewer").getSpec().getAction()).isEqualTo(AuthorizationPolicyAction.DENY);
        }
    }

    @Nested
    class FieldsOwnedByAnotherManager {
        private static final String KUBECTL = "kubectl-client-side-apply";

        /** reviews-viewer as kubectl apply leaves it, and the draft's edit of its action, as the app plans it. */
        private ApplyPlan kubectlOwnedPlan() {
            AuthorizationPolicy read = cluster.managedBy(onCluster("reviews-viewer"), KUBECTL);
            return new ApplyPlan(List.of(
                    Change.of(read, edited(read)), Change.of(null, deny("bookinfo", "deny-deletes", "ratings"))));
        }

        @Test
        void theDryRunReportsTheOtherManagerAndFieldTypedNotAsAnError() throws Exception {
            ApplyPlan plan = kubectlOwnedPlan();

            DryRunResult result = applier.dryRun(plan);

            assertThat(result.ok()).isFalse();
            assertThat(result.errors()).isEmpty();
            assertThat(result.conflicts()).hasSize(1);
            FieldConflict conflict = result.conflicts().get(0);
            assertThat(conflict.change().key()).isEqualTo("AuthorizationPolicy bookinfo/reviews-viewer");
            assertThat(conflict.claims()).containsExactly(new FieldConflict.Claim(KUBECTL, ".spec.action"));
            assertThat(conflict.describe())
                    .isEqualTo("update AuthorizationPolicy bookinfo/reviews-viewer: fields owned by " + KUBECTL
                            + ": .spec.action");
            assertThat(onCluster("reviews-viewer").getSpec().getAction()).isEqualTo(AuthorizationPolicyAction.ALLOW);
        }

        @Test
        void withoutTakingOverTheApplyWritesNothingOverTheOtherManager() throws Exception {
            ApplyPlan plan = kubectlOwnedPlan();

            ApplyResult result = applier.apply(plan);

            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.drifts()).as("a field conflict is not drift").isEmpty();
            assertThat(result.error().code()).isEqualTo(409);
            assertThat(result.error().message())
                    .isEqualTo("Apply failed with 1 conflict: conflict with \"" + KUBECTL
                            + "\" using security.istio.io/v1: .spec.action");
            assertThat(onCluster("reviews-viewer").getSpec().getAction()).isEqualTo(AuthorizationPolicyAction.ALLOW);
        }

        @Test
        void takingOverForcesOnlyThoseResourcesAndMovesTheFieldsToTrustmap() throws Exception {
            ApplyPlan plan = kubectlOwnedPlan();
            ApplyPlan takingOver = plan.takingOver(applier.dryRun(plan).conflicts());

            DryRunResult forcedCheck = applier.dryRun(takingOver);
            ApplyResult result = applier.apply(takingOver);

            assertThat(forcedCheck.ok()).isTrue();
            assertThat(takingOver.takenFrom()).containsExactly(KUBECTL);
            assertThat(takingOver.takesOver(plan.changes().get(1))).isFalse();
            assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
            AuthorizationPolicy updated = onCluster("reviews-viewer");
            assertThat(updated.getSpec().getAction()).isEqualTo(AuthorizationPolicyAction.AUDIT);
            assertThat(updated.getMetadata().getManagedFields())
                    .extracting(ManagedFieldsEntry::getManager)
                    .containsExactly(KUBECTL, "trustmap");
            AuthorizationPolicy next = edited(updated);
            next.getSpec().setAction(AuthorizationPolicyAction.DENY);
            DryRunResult again = applier.dryRun(new ApplyPlan(List.of(Change.of(updated, next))));
            assertThat(again.ok()).as("trustmap owns the action now").isTrue();
        }

        @Test
        void aTakeOverStillStopsOnDriftAndWritesNothing() throws Exception {
            ApplyPlan plan = kubectlOwnedPlan();
            ApplyPlan takingOver = plan.takingOver(applier.dryRun(plan).conflicts());
            cluster.api().raceBeforeNextApply(stored -> {
                stored.with("spec").put("action", "DENY");
                return stored;
            });

            ApplyResult result = applier.apply(takingOver);

            assertThat(result.outcome()).isEqualTo(Outcome.STOPPED);
            assertThat(result.applied()).isEmpty();
            assertThat(result.drifts())
                    .extracting(d -> d.change().key())
                    .containsExactly("AuthorizationPolicy bookinfo/reviews-viewer");
            assertThat(onCluster("reviews-viewer").getSpec().getAction()).isEqualTo(AuthorizationPolicyAction.DENY);
            assertThat(onCluster("deny-deletes")).isNull();
        }

        @Test
        void aTakeOverOfAResourceThatChangedBeforeTheApplyStopsBeforeWriting() throws Exception {
            ApplyPlan plan = kubectlOwnedPlan();
            ApplyPlan takingOver = plan.takingOver(applier.dryRun(plan).conflicts());
            AuthorizationPolicy theirs = onCluster("reviews-viewer");
            theirs.getSpec().setAction(AuthorizationPolicyAction.DENY);
            cluster.client().resource(theirs).update();

            ApplyResult result = applier.apply(takingOver);

            assertThat(result.outcome()).isEqualTo(Outcome.STOPPED);
            assertThat(result.drifts()).hasSize(1);
            assertThat(onCluster("reviews-viewer").getSpec().getAction()).isEqualTo(AuthorizationPolicyAction.DENY);
            assertThat(onCluster("deny-deletes")).isNull();
        }
    }

    @Nested
    class PlanFromTheCluster {

        @Test
        void leavesOutUnchangedObjectsAndDeletionsOfAbsentOnes() throws Exception {
            AuthorizationPolicy reviews = onCluster("reviews-viewer");
            AuthorizationPolicy same = new AuthorizationPolicyBuilder(reviews)
                    .editMetadata()
                    .withResourceVersion(null)
                    .withManagedFields(List.of())
                    .endMetadata()
                    .build();

            ApplyPlan plan = applier.plan(
                    List.of(same, deny("bookinfo", "deny-deletes", "ratings"), edited(onCluster("details-viewer"))),
                    List.of(deny("bookinfo", "never-there", "x"), onCluster("ratings-viewer")));

            assertThat(plan.described())
                    .containsExactly(
                            "create AuthorizationPolicy bookinfo/deny-deletes",
                            "update AuthorizationPolicy bookinfo/details-viewer",
                            "delete AuthorizationPolicy bookinfo/ratings-viewer");
            assertThat(plan.changes().get(1).read().getMetadata().getResourceVersion())
                    .isNotNull();
        }
    }
}
