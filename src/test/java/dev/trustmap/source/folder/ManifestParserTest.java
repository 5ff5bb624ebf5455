package dev.trustmap.source.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.istio.api.security.v1.RequestAuthentication;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ManifestParserTest {
    private final ManifestParser parser = new ManifestParser();

    static Path fixture(String name) {
        try {
            return Path.of(
                    ManifestParserTest.class.getResource("/manifests/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ParsedResource> parse(String text) throws ManifestException {
        return parser.parseText(text, "test.yaml", 1);
    }

    private ManifestException failure(String text, String origin, int firstLine) {
        Throwable thrown = catchThrowable(() -> parser.parseText(text, origin, firstLine));
        assertThat(thrown).isInstanceOf(ManifestException.class);
        return (ManifestException) thrown;
    }

    @Nested
    class Documents {

        @Test
        void readsEveryDocumentOfAMultiDocumentFileSkippingEmptyOnes() throws Exception {
            List<ParsedResource> resources = parser.parseFile(fixture("shop/namespaces.yaml"));

            assertThat(resources)
                    .extracting(r -> r.object().getMetadata().getName())
                    .containsExactly("shop", "legacy");
            assertThat(resources).extracting(ParsedResource::line).containsExactly(2, 10);
            assertThat(resources.get(0).file()).endsWith("namespaces.yaml");
        }

        @Test
        void expandsTheItemsOfAList() throws Exception {
            List<ParsedResource> resources = parser.parseFile(fixture("shop/apps/db/list.yaml"));

            assertThat(resources).extracting(r -> r.object().getKind()).containsExactly("StatefulSet", "Service");
            assertThat(resources).extracting(ParsedResource::line).containsExactly(4, 24);
        }

        @Test
        void expandsATypedListFromJsonGivingItemsTheListsKind() throws Exception {
            List<ParsedResource> resources = parser.parseFile(fixture("shop/apps/pods.json"));

            assertThat(resources).singleElement().satisfies(r -> {
                assertThat(r.object()).isInstanceOf(Pod.class);
                assertThat(((Pod) r.object()).getStatus().getPodIP()).isEqualTo("10.0.3.7");
                assertThat(r.line()).isEqualTo(5);
            });
        }

        @Test
        void readsFlowStyleYamlThatStartsLikeJson() throws Exception {
            List<ParsedResource> resources = parser.parseText(
                    "{apiVersion: security.istio.io/v1, kind: AuthorizationPolicy,\n"
                            + " metadata: {name: x, namespace: y}, spec: {}}\n"
                            + "---\n"
                            + "{apiVersion: v1, kind: Namespace, metadata: {name: y}}\n",
                    "draft.yaml",
                    1);

            assertThat(resources)
                    .extracting(r -> r.object().getKind())
                    .containsExactly("AuthorizationPolicy", "Namespace");
            assertThat(resources.get(0).object().getMetadata().getNamespace()).isEqualTo("y");
            assertThat(resources).extracting(ParsedResource::line).containsExactly(1, 4);
        }

        @Test
        void namesTheLineOfAFieldProblemInFlowStyleYaml() {
            ManifestException error = failure(
                    "{apiVersion: security.istio.io/v1, kind: AuthorizationPolicy,\n"
                            + " metadata: {name: x, namespace: y},\n spec: {action: MAYBE}}\n",
                    "draft.yaml",
                    1);

            assertThat(error.line()).isEqualTo(3);
            assertThat(error.field()).isEqualTo("spec.action");
        }

        @Test
        void reportsLinesOfEmbeddedTextRelativeToItsOrigin() {
            ManifestException error =
                    failure("apiVersion: v1\nkind: Service\nmetadata:\n  nme: x\n", "scenario.yaml", 41);

            assertThat(error.file()).isEqualTo("scenario.yaml");
            assertThat(error.line()).isEqualTo(44);
        }
    }

    @Nested
    class Kinds {

        @Test
        void readsKubernetesKindsAsTypedObjects() throws Exception {
            List<ParsedResource> resources = parser.parseFile(fixture("shop/apps/web.yaml"));

            assertThat(resources)
                    .extracting(r -> r.object().getClass().getSimpleName())
                    .containsExactly("Deployment", "Service", "ServiceAccount");
            Deployment web = (Deployment) resources.get(0).object();
            assertThat(web.getSpec().getTemplate().getSpec().getServiceAccountName())
                    .isEqualTo("web");
        }

        @Test
        void normalizesOlderIstioVersionsToTheV1ClassesKeepingTheirApiVersion() throws Exception {
            List<ParsedResource> resources = parser.parseFile(fixture("shop/policies.yml"));

            assertThat(resources.get(0).object()).isInstanceOf(AuthorizationPolicy.class);
            assertThat(resources.get(0).object().getApiVersion()).isEqualTo("security.istio.io/v1beta1");
            assertThat(((AuthorizationPolicy) resources.get(0).object())
                            .getSpec()
                            .getRules())
                    .hasSize(1);
            assertThat(resources.get(1).object()).isInstanceOf(PeerAuthentication.class);
            assertThat(resources.get(2).object()).isInstanceOf(DestinationRule.class);
            assertThat(((DestinationRule) resources.get(2).object()).getSpec().getHost())
                    .isEqualTo("db.shop.svc.cluster.local");
        }

        @Test
        void readsRequestAuthenticationOfV1beta1AndDestinationRuleOfV1beta1() throws Exception {
            List<ParsedResource> resources = parse("""
                    apiVersion: security.istio.io/v1beta1
                    kind: RequestAuthentication
                    metadata: {name: jwt}
                    spec:
                      jwtRules:
                        - issuer: https://issuer.example
                    ---
                    apiVersion: networking.istio.io/v1beta1
                    kind: DestinationRule
                    metadata: {name: dr}
                    spec: {host: web}
                    """);

            assertThat(resources.get(0).object()).isInstanceOf(RequestAuthentication.class);
            assertThat(resources.get(1).object()).isInstanceOf(DestinationRule.class);
        }

        @Test
        void returnsUnknownKindsAsGenericResourcesThatAreNotSupported() throws Exception {
            List<ParsedResource> resources = parser.parseFile(fixture("shop/policies.yml"));

            assertThat(resources.subList(3, 6)).allSatisfy(r -> {
                assertThat(r.object()).isInstanceOf(GenericKubernetesResource.class);
                assertThat(r.supported()).isFalse();
            });
            assertThat(resources.get(0).supported()).isTrue();
        }

        @Test
        void doesNotCheckFieldsOfUnknownKinds() throws Exception {
            List<ParsedResource> resources = parse("""
                    apiVersion: networking.k8s.io/v1
                    kind: NetworkPolicy
                    metadata: {name: deny}
                    spec: {whatever: [1, 2]}
                    """);

            assertThat(resources)
                    .singleElement()
                    .extracting(r -> r.object().getKind())
                    .isEqualTo("NetworkPolicy");
        }

        @Test
        void readsCronJobsAndConfigMaps() throws Exception {
            List<ParsedResource> resources = parse("""
                    apiVersion: batch/v1
                    kind: CronJob
                    metadata: {name: nightly}
                    spec:
                      schedule: "0 3 * * *"
                      jobTemplate:
                        spec:
                          template:
                            spec:
                              restartPolicy: Never
                              containers: [{name: job, image: busybox}]
                    ---
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: settings}
                    data: {key: value}
                    """);

            assertThat(resources.get(0).object()).isInstanceOf(CronJob.class);
            assertThat(((ConfigMap) resources.get(1).object()).getData()).containsEntry("key", "value");
        }

        @Test
        void ignoresStatusAndManagedFields() throws Exception {
            List<ParsedResource> resources = parse("""
                    apiVersion: v1
                    kind: Service
                    metadata:
                      name: web
                      managedFields:
                        - manager: kubectl
                          somethingNew: true
                    spec:
                      ports: [{port: 80}]
                    status:
                      loadBalancer: {}
                      futureField: 1
                    """);

            assertThat(resources).singleElement().extracting(r -> r.object()).isInstanceOf(Service.class);
        }
    }
}
