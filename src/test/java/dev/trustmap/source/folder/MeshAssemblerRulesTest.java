package dev.trustmap.source.folder;

import static dev.trustmap.source.folder.MeshAssemblerTest.assemble;
import static dev.trustmap.source.folder.MeshAssemblerTest.only;
import static dev.trustmap.source.folder.MeshAssemblerTest.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.trustmap.mesh.MeshConfig;
import dev.trustmap.mesh.MeshConfig.PathNormalization;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Namespace;
import dev.trustmap.mesh.ServicePort;
import dev.trustmap.mesh.Workload;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeshAssemblerRulesTest {

    /** A namespace with the given labels (flow mapping) and a pod in it with the given metadata and spec extras. */
    static String podIn(String namespaceLabels, String podMetadata, String podSpec) {
        return "apiVersion: v1\nkind: Namespace\nmetadata: {name: ns, labels: {" + namespaceLabels + "}}\n---\n"
                + "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ns" + podMetadata + "}\n"
                + "spec: {containers: [{name: app}]" + podSpec + "}\n";
    }

    @Nested
    class Sidecars {

        @ParameterizedTest(name = "[{index}] namespace {0}, pod {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "'' | '' | false",
                    "'istio-injection: enabled' | '' | true",
                    "'istio.io/rev: canary' | '' | true",
                    "'istio-injection: disabled, istio.io/rev: x' | '' | false",
                    "'istio-injection: enabled' | ', annotations: {sidecar.istio.io/inject: \"false\"}' | false",
                    "'' | ', annotations: {sidecar.istio.io/inject: \"true\"}' | true",
                    "'istio-injection: enabled' | ', labels: {sidecar.istio.io/inject: \"false\"}' | false",
                    "'' | ', labels: {sidecar.istio.io/inject: \"true\"}' | true",
                })
        void followsAnnotationThenLabelThenNamespace(String namespaceLabels, String podMetadata, boolean sidecar)
                throws Exception {
            Workload pod = only(podIn(namespaceLabels, podMetadata, ""));

            assertThat(pod.sidecar()).isEqualTo(sidecar);
            assertThat(pod.gateway()).isFalse();
        }

        @Test
        void letsTheAnnotationWinOverTheLabel() throws Exception {
            Workload pod = only(podIn(
                    "",
                    ", annotations: {sidecar.istio.io/inject: \"true\"}, labels: {sidecar.istio.io/inject: \"false\"}",
                    ""));

            assertThat(pod.sidecar()).isTrue();
        }

        @Test
        void seesAnInjectedProxyContainerWhateverTheLabelsSay() throws Exception {
            Workload pod = only(podIn(
                    "istio-injection: disabled", "", ", initContainers: [{name: istio-proxy, restartPolicy: Always}]"));

            assertThat(pod.sidecar()).isTrue();
        }

        @Test
        void seesAProxyInPodsOfATemplateWithoutOne() throws Exception {
            Workload web = only(MeshAssemblerTest.DEPLOYMENT
                    + MeshAssemblerTest.REPLICA_SET
                    + "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web-1\n  namespace: shop\n"
                    + "  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d8f, uid: r}]\n"
                    + "spec: {containers: [{name: web}, {name: istio-proxy}]}\n");

            assertThat(web.sidecar()).isTrue();
        }

        @Test
        void treatsUndeclaredNamespacesAsUnlabelled() throws Exception {
            Workload pod = only("apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: nowhere}\n"
                    + "spec: {containers: [{name: app}]}\n");

            assertThat(pod.sidecar()).isFalse();
        }
    }

    @Nested
    class Gateways {

        @ParameterizedTest
        @CsvSource({
            "istio: ingressgateway",
            "istio: egressgateway",
            "gateway.networking.k8s.io/gateway-name: public",
            "istio.io/gateway-name: public"
        })
        void recognisesGatewaysByLabel(String label) throws Exception {
            Workload gateway = only(podIn("", ", labels: {" + label + "}", ""));

            assertThat(gateway.gateway()).isTrue();
            assertThat(gateway.sidecar()).isTrue();
            assertThat(gateway.advertisesIstioMtls()).isFalse();
        }

        @Test
        void recognisesAProxyRunningAsRouter() throws Exception {
            Workload gateway =
                    only(podIn("", "", "").replace("{name: app}", "{name: istio-proxy, args: [proxy, router]}"));

            assertThat(gateway.gateway()).isTrue();
            assertThat(gateway.sidecar()).isTrue();
        }

        @Test
        void doesNotTakeASidecarProxyForAGateway() throws Exception {
            Workload pod =
                    only(podIn("", "", "").replace("{name: app}", "{name: istio-proxy, args: [proxy, sidecar]}"));

            assertThat(pod.gateway()).isFalse();
            assertThat(pod.sidecar()).isTrue();
        }
    }

    @Nested
    class ServicesAndAccounts {

        @Test
        void readsSelectorAndPortsDefaultingTargetPortToThePort() throws Exception {
            MeshSnapshot snapshot = snapshot("""
                    apiVersion: v1
                    kind: Service
                    metadata: {name: web, namespace: shop}
                    spec:
                      selector: {app: web}
                      ports:
                        - {name: http, port: 80, targetPort: http}
                        - {name: grpc, port: 9000, targetPort: 9001, appProtocol: grpc}
                        - {port: 8443}
                    """);

            assertThat(snapshot.services()).singleElement().satisfies(service -> {
                assertThat(service.fqdn()).isEqualTo("web.shop.svc.cluster.local");
                assertThat(service.selector()).isEqualTo(Map.of("app", "web"));
                assertThat(service.ports())
                        .containsExactly(
                                new ServicePort("http", 80, "http", null),
                                new ServicePort("grpc", 9000, "9001", "grpc"),
                                new ServicePort(null, 8443, "8443", null));
            });
        }

        @Test
        void listsDeclaredServiceAccountsAndThoseWorkloadsUse() throws Exception {
            MeshSnapshot snapshot = snapshot("""
                    apiVersion: v1
                    kind: ServiceAccount
                    metadata: {name: reader}
                    ---
                    """ + MeshAssemblerTest.DEPLOYMENT + "---\n" + podIn("", "", ""));

            assertThat(snapshot.serviceAccounts()).containsExactly("default/reader", "shop/web-sa", "ns/default");
        }

        @Test
        void listsDeclaredAndUsedNamespacesByName() throws Exception {
            MeshSnapshot snapshot = snapshot(podIn("istio-injection: enabled", "", "") + """
                    ---
                    apiVersion: v1
                    kind: Service
                    metadata: {name: web}
                    ---
                    apiVersion: networking.istio.io/v1
                    kind: Gateway
                    metadata: {name: gw, namespace: edge}
                    """);

            assertThat(snapshot.namespaces())
                    .containsExactly(
                            new Namespace("default", Map.of()),
                            new Namespace("edge", Map.of()),
                            new Namespace("ns", Map.of("istio-injection", "enabled")));
        }
    }

    @Nested
    class PoliciesAndSkippedKinds {

        @Test
        void keepsIstioPoliciesInInputOrderAndCountsSkippedKinds() throws Exception {
            AssembledMesh mesh = MeshAssembler.assemble(
                    new ManifestParser().parseFile(ManifestParserTest.fixture("shop/policies.yml")));

            assertThat(mesh.snapshot().policies())
                    .extracting(p -> (Object) p.getClass())
                    .containsExactly(AuthorizationPolicy.class, PeerAuthentication.class, DestinationRule.class);
            assertThat(mesh.skippedKinds()).isEqualTo(Map.of("VirtualService", 2, "Gateway", 1));
        }

        @Test
        void placesPoliciesWithoutNamespaceInDefault() throws Exception {
            MeshSnapshot snapshot = snapshot("apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\n"
                    + "metadata: {name: deny-all}\nspec: {}\n");

            assertThat(snapshot.policies())
                    .singleElement()
                    .satisfies(p -> assertThat(p.getMetadata().getNamespace()).isEqualTo("default"));
        }
    }

    @Nested
    class MeshSettings {

        @Test
        void readsTheMeshConfigMap() throws Exception {
            AssembledMesh mesh = MeshAssembler.assemble(
                    new ManifestParser().parseFile(ManifestParserTest.fixture("mesh-config.yaml")));

            assertThat(mesh.snapshot().meshConfig())
                    .isEqualTo(new MeshConfig(
                            "mesh-root",
                            "example.org",
                            List.of("old.example.org"),
                            false,
                            Map.of("opa", "envoyExtAuthzHttp", "grpc-authz", "envoyExtAuthzGrpc"),
                            PathNormalization.MERGE_SLASHES,
                            2));
        }

        @Test
        void usesIstiosDefaultsWithoutAConfigMap() throws Exception {
            assertThat(snapshot(podIn("", "", "")).meshConfig()).isEqualTo(MeshConfig.defaults());
        }

        @Test
        void prefersTheConfigMapInIstioSystem() throws Exception {
            AssembledMesh mesh = assemble(meshConfigMap("other", "trustDomain: wrong.example") + "---\n"
                    + meshConfigMap("istio-system", "trustDomain: right.example"));

            assertThat(mesh.snapshot().meshConfig().trustDomain()).isEqualTo("right.example");
            assertThat(mesh.snapshot().meshConfig().rootNamespace()).isEqualTo("istio-system");
            assertThat(mesh.warnings()).anySatisfy(w -> assertThat(w).contains("Several 'istio' ConfigMaps"));
        }

        @Test
        void namesTheConfigMapWhenItsMeshYamlIsBroken() {
            Throwable thrown = catchThrowable(() -> assemble("---\n" + meshConfigMap("istio-system", "a: [b")));

            assertThat(thrown).isInstanceOf(ManifestException.class);
            ManifestException error = (ManifestException) thrown;
            assertThat(error.file()).isEqualTo("mesh.yaml");
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.field()).isEqualTo("data.mesh");
            assertThat(error.problem()).startsWith("holds invalid YAML (line 1 of the mesh text)");
        }

        @Test
        void rejectsAnUnknownPathNormalization() {
            Throwable thrown = catchThrowable(
                    () -> assemble(meshConfigMap("istio-system", "pathNormalization: {normalization: SQUASH}")));

            assertThat(thrown).isInstanceOf(ManifestException.class);
            assertThat(((ManifestException) thrown).field()).isEqualTo("data.mesh.pathNormalization.normalization");
            assertThat(((ManifestException) thrown).problem()).contains("SQUASH");
        }

        private static String meshConfigMap(String namespace, String mesh) {
            return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: istio, namespace: " + namespace + "}\n"
                    + "data:\n  mesh: '" + mesh + "'\n";
        }
    }
}
