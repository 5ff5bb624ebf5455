package dev.trustmap.source.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.trustmap.engine.Connection;
import dev.trustmap.engine.Decision;
import dev.trustmap.engine.Jwt;
import dev.trustmap.engine.Peer;
import dev.trustmap.engine.Request;
import dev.trustmap.engine.Tri;
import dev.trustmap.mesh.ContainerPort;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Namespace;
import dev.trustmap.mesh.Protocol;
import dev.trustmap.mesh.ServicePort;
import dev.trustmap.mesh.Workload;
import dev.trustmap.source.folder.ManifestException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioLoaderTest {
    private static Scenario scenario;

    @BeforeAll
    static void load() throws ManifestException {
        scenario = ScenarioLoader.load(TestFiles.resource("/scenarios/loader/short-form.yaml"));
    }

    private static Request request(int index) {
        return scenario.requests().get(index).request();
    }

    @Nested
    class ShortForm {
        @Test
        void expandsEachWorkloadIntoADeployment() {
            Workload echo = scenario.snapshot().workload("foo", "echo").orElseThrow();

            assertThat(echo.kind()).isEqualTo("Deployment");
            assertThat(echo.labels()).isEqualTo(Map.of("app", "echo", "version", "v1"));
            assertThat(echo.serviceAccount()).isEqualTo("echo");
            assertThat(echo.sidecar()).isTrue();
            assertThat(echo.gateway()).isFalse();
            assertThat(echo.ips()).containsExactly("10.0.0.7");
            assertThat(echo.ports())
                    .containsExactly(
                            new ContainerPort("http", 8080),
                            new ContainerPort("grpc", 17070),
                            new ContainerPort("tcp", 19000),
                            new ContainerPort("tcp-hidden", 19001));
        }

        @Test
        void givesEachWorkloadAServiceWithThePortsThatHaveAPort() {
            var service = scenario.snapshot().service("foo", "echo").orElseThrow();

            assertThat(service.selector()).isEqualTo(Map.of("app", "echo", "version", "v1"));
            assertThat(service.ports())
                    .containsExactly(
                            new ServicePort("http", 8000, "8080", "http"),
                            new ServicePort("grpc", 7070, "17070", "grpc"),
                            new ServicePort("tcp", 9000, "19000", "tcp"));
            assertThat(service.port(8000).orElseThrow().protocol()).isEqualTo(Protocol.HTTP);
        }

        @Test
        void keepsWorkloadsOfTheSameNameInDifferentNamespacesApart() {
            Workload inBar = scenario.snapshot().workload("bar", "sleep").orElseThrow();

            assertThat(scenario.snapshot().workload("foo", "sleep")).isPresent();
            assertThat(inBar.sidecar()).isFalse();
            assertThat(inBar.serviceAccount()).isEqualTo("default");
            assertThat(scenario.snapshot().service("bar", "sleep").orElseThrow().ports())
                    .isEmpty();
        }

        @Test
        void marksGateways() {
            assertThat(scenario.snapshot()
                            .workload("istio-system", "ingress")
                            .orElseThrow()
                            .gateway())
                    .isTrue();
        }

        @Test
        void mergesTheResourcesIntoTheSnapshot() {
            MeshSnapshot snapshot = scenario.snapshot();

            assertThat(snapshot.namespaces()).contains(new Namespace("foo", Map.of("istio-injection", "enabled")));
            assertThat(snapshot.namespaces()).extracting(Namespace::name).contains("bar", "istio-system");
            assertThat(snapshot.policies())
                    .extracting(p -> p.getMetadata().getName())
                    .containsExactly("ext");
            assertThat(snapshot.serviceAccounts()).contains("foo/echo", "bar/default", "istio-system/ingress-sa");
            assertThat(scenario.skippedKinds()).containsEntry("VirtualService", 1);
        }

        @Test
        void readsTheProse() {
            assertThat(scenario.source()).isEqualTo("test fixture");
            assertThat(scenario.summary()).startsWith("[docs]");
            assertThat(scenario.assume()).isEqualTo("nothing in front of the mesh");
        }
    }

    @Nested
    class Requests {
        @Test
        void dialsTheWorkloadsServiceByDefault() {
            Request request = request(0);

            assertThat(request.from())
                    .isEqualTo(new Peer.Pod(
                            scenario.snapshot().workload("foo", "sleep").orElseThrow()));
            assertThat(request.to().id()).isEqualTo("foo/echo");
            assertThat(request.service().name()).isEqualTo("echo");
            assertThat(request.port()).isEqualTo(8000);
            assertThat(request.protocol()).isNull();
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/admin");
            assertThat(request.host()).isEqualTo("echo.foo:8000");
            assertThat(request.headers()).isEqualTo(Map.of("x-ext-authz", "allow"));
            assertThat(request.jwt()).isEqualTo(Jwt.none());
        }

        @Test
        void dialsThePodIpWithoutAServiceAndTreatsEmptyTcpFieldsAsAbsent() {
            Request request = request(1);

            assertThat(request.viaPodIp()).isTrue();
            assertThat(request.port()).isEqualTo(19001);
            assertThat(request.protocol()).isEqualTo(Protocol.TCP);
            assertThat(request.method()).isNull();
            assertThat(request.path()).isNull();
            assertThat(request.host()).isNull();
        }

        @Test
        void readsExternalClientsAndBearerTokensWithoutClaims() {
            Request request = request(2);

            assertThat(request.from()).isEqualTo(new Peer.External("203.0.113.9"));
            assertThat(request.jwt()).isEqualTo(Jwt.unverifiable());
        }

        @Test
        void readsJwtClaimsAsASignedToken() {
            Request request = request(3);

            assertThat(request.protocol()).isEqualTo(Protocol.GRPC);
            assertThat(request.jwt().state()).isEqualTo(Jwt.State.SIGNED);
            assertThat(request.jwt().claims())
                    .containsEntry("iss", "issuer@example.com")
                    .containsEntry("groups", List.of("a", "b"))
                    .containsEntry("exp", 4715782722L);
        }

        @Test
        void readsExpectations() {
            Expectation first = scenario.requests().get(0).expect();
            Expectation third = scenario.requests().get(2).expect();

            assertThat(first)
                    .isEqualTo(new Expectation(Decision.ALLOW, true, Connection.MTLS, "200", "provider allows"));
            assertThat(third.mtls()).isNull();
            assertThat(third.connection()).isNull();
            assertThat(third.httpStatus()).isEqualTo("000 (curl exit 56)");
        }

        @Test
        void numbersRequestsAndKeepsTheirLines() {
            assertThat(scenario.requests()).extracting(ScenarioRequest::index).containsExactly(0, 1, 2, 3);
            assertThat(scenario.requests().get(0).line()).isEqualTo(58);
        }

        @Test
        void answersForListedExternalAuthorizersByHeader() {
            var authorizer = scenario.externalAuthorizer();
            Request allowed = request(0);
            Request other = new Request(
                    allowed.from(),
                    allowed.to(),
                    allowed.service(),
                    8000,
                    null,
                    "GET",
                    "/admin",
                    null,
                    Map.of("x-ext-authz", "deny"),
                    null);
            Request unknownHeaders = new Request(
                    allowed.from(), allowed.to(), allowed.service(), 8000, null, "GET", "/admin", null, null, null);

            assertThat(authorizer.allows("my-ext-authz", allowed)).isEqualTo(Tri.TRUE);
            assertThat(authorizer.allows("my-ext-authz", other)).isEqualTo(Tri.FALSE);
            assertThat(authorizer.allows("my-ext-authz", unknownHeaders)).isEqualTo(Tri.UNKNOWN);
            assertThat(authorizer.allows("someone-else", allowed)).isEqualTo(Tri.UNKNOWN);
            assertThat(authorizer.knows("my-ext-authz")).isTrue();
        }
    }

    @Nested
    class Errors {
        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "broken-yaml.yaml | 6 | | is not valid YAML or JSON at column 4: expected the end of the indented"
                            + " block, but found a key; fix the indentation or quoting.",
                    "unknown-top-key.yaml | 6 | requestz | unknown key 'requestz'",
                    "unknown-request-key.yaml | 9 | requests[0].verb | unknown key 'verb'",
                    "missing-workload.yaml | 13 | requests[2].to | no workload 'foo/bar' in workloads",
                    "bad-decision.yaml | 9 | requests[0].expect.decision | 'MAYBE' is not one of ALLOW, DENY",
                    "bad-protocol.yaml | 8 | requests[0].protocol | 'UDP' is not one of HTTP, GRPC, TCP",
                    "unexposed-port.yaml | 11 | requests[0].to.port | exposes port 8080; set viaPodIP: true"
                })
        void namesFileLineAndField(String file, int line, String field, String problem) {
            ManifestException error = loadBad(file);

            assertThat(error.file()).endsWith(file);
            assertThat(error.line()).isEqualTo(line);
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.getMessage()).contains(problem).doesNotContain("\n");
        }

        @Test
        void reportsTheMissingWorkloadAsTheBriefSaysIt() {
            assertThat(loadBad("missing-workload.yaml").getMessage())
                    .endsWith("missing-workload.yaml:13: field requests[2].to: no workload 'foo/bar' in workloads");
        }

        @Test
        void pointsResourceErrorsAtTheLineInTheScenarioFile() {
            ManifestException error = loadBad("bad-resource.yaml");

            assertThat(error.file()).endsWith("bad-resource.yaml");
            assertThat(error.line()).isEqualTo(10);
            assertThat(error.getMessage()).contains("kind");
        }

        @Test
        void rejectsAnOutsideClientWhoseIpIsNotAnAddress() {
            String text = """
                    workloads:
                      - {name: a, namespace: foo, ports: [{name: http, port: 80, targetPort: 80}]}
                    requests:
                      - from: {external: true, ip: not-an-ip}
                        to: {workload: a, namespace: foo, port: 80}
                        expect: {decision: ALLOW}
                    """;

            ManifestException error =
                    catchThrowableOfType(ManifestException.class, () -> ScenarioLoader.parse(text, "ip.yaml"));

            assertThat(error.getMessage())
                    .isEqualTo("ip.yaml:4: field requests[0].from.ip: 'not-an-ip' is not an IP address");
        }

        @Test
        void pointsAnUnclosedQuoteAtTheLineWhereItOpensInTheManifestWording() {
            String text = "source: x\nsummary: \"[docs] open\nworkloads: []\nrequests: []\n";

            ManifestException error =
                    catchThrowableOfType(ManifestException.class, () -> ScenarioLoader.parse(text, "quote.yaml"));

            assertThat(error.getMessage())
                    .startsWith("quote.yaml:2: is not valid YAML or JSON at column 10: ")
                    .endsWith("; fix the indentation or quoting.");
        }

        @Test
        void wordsLimitsAndLargeNumbersWithoutLibraryInternals() {
            String deep = "a: " + "[".repeat(1001) + "]".repeat(1001) + "\n";
            String big = "requests:\n  - to: {port: 99999999999999999999}\n";

            ManifestException deepError =
                    catchThrowableOfType(ManifestException.class, () -> ScenarioLoader.parse(deep, "deep.yaml"));
            ManifestException bigError =
                    catchThrowableOfType(ManifestException.class, () -> ScenarioLoader.parse(big, "big.yaml"));

            assertThat(deepError.getMessage())
                    .isEqualTo("deep.yaml: nests lists and mappings more than 1000 levels deep; Trustmap does not"
                            + " read deeper documents.");
            assertThat(bigError.getMessage()).doesNotContain("Numeric value").doesNotContain("out of range of long");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {"a scalar | just text", "a list | '- a\n- b\n'", "a bare document marker | ---"})
        void rejectsADocumentThatIsNotAMappingWithoutAnEmptyFieldName(String what, String text) {
            ManifestException error = catchThrowableOfType(
                    ManifestException.class, () -> ScenarioLoader.parse(text.replace("\\n", "\n"), "x.yaml"));

            assertThat(error.getMessage())
                    .isEqualTo(
                            "x.yaml:1: a scenario file must be a YAML mapping with workloads, resources and requests");
        }

        @Test
        void saysABinaryFileIsNotText(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
            java.nio.file.Path binary = dir.resolve("binary.yaml");
            java.nio.file.Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});

            ManifestException error = catchThrowableOfType(ManifestException.class, () -> ScenarioLoader.load(binary));

            assertThat(error.getMessage())
                    .isEqualTo(binary + ": the file is not UTF-8 text; a scenario is a YAML" + " file saved as UTF-8");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "duplicate key | 'to: {workload: a, namespace: foo, port: 80}' | 'method: GET' | 'method: POST'"
                            + " | 7 | requests[0].method | appears twice in the same mapping; keep only one of them.",
                    "negative port | 'to: {workload: a, namespace: foo, port: -80}' | 'method: GET' | ''"
                            + " | 5 | requests[0].to.port | expected a port number from 1 to 65535, found '-80'",
                    "text status | 'to: {workload: a, namespace: foo, port: 80}' | 'method: GET' | ''"
                            + " | 8 | requests[0].expect.httpStatus | expected a status code such as 403 or"
                            + " \"000 (curl exit 56)\", found 'forbidden'"
                })
        void rejectsBadRequestValuesNamingTheField(
                String what, String to, String line1, String line2, int line, String field, String problem) {
            String text = "workloads:\n"
                    + "  - {name: a, namespace: foo, labels: {app: a},"
                    + " ports: [{name: http, port: 80, targetPort: 80}]}\n"
                    + "requests:\n"
                    + "  - from: {external: true}\n"
                    + "    " + to + "\n"
                    + "    " + line1 + "\n"
                    + "    " + (line2.isEmpty() ? "path: /" : line2) + "\n"
                    + "    expect: {decision: DENY, httpStatus: " + (what.equals("text status") ? "forbidden" : "403")
                    + "}\n";

            ManifestException error =
                    catchThrowableOfType(ManifestException.class, () -> ScenarioLoader.parse(text, "r.yaml"));

            assertThat(error.getMessage()).isEqualTo("r.yaml:" + line + ": field " + field + ": " + problem);
        }

        @Test
        void listsConnectionsInTheLowerCaseTheFormatUses() {
            String text = "workloads:\n"
                    + "  - {name: a, namespace: foo, labels: {app: a},"
                    + " ports: [{name: http, port: 80, targetPort: 80}]}\n"
                    + "requests:\n"
                    + "  - from: {external: true}\n"
                    + "    to: {workload: a, namespace: foo, port: 80}\n"
                    + "    expect: {decision: DENY, connection: tls}\n";

            ManifestException error =
                    catchThrowableOfType(ManifestException.class, () -> ScenarioLoader.parse(text, "c.yaml"));

            assertThat(error.getMessage())
                    .isEqualTo("c.yaml:6: field requests[0].expect.connection: 'tls' is not one of mtls, plaintext,"
                            + " broken");
        }

        @Test
        void rejectsATargetPortOutOfRange() {
            String text = "workloads:\n"
                    + "  - {name: a, namespace: foo, ports: [{name: http, port: 80, targetPort: 99999}]}\n"
                    + "requests: []\n";

            ManifestException error =
                    catchThrowableOfType(ManifestException.class, () -> ScenarioLoader.parse(text, "p.yaml"));

            assertThat(error.getMessage())
                    .isEqualTo("p.yaml:2: field workloads[0].ports[0].targetPort: expected a port number from 1 to"
                            + " 65535, found 99999");
        }

        @Test
        void rejectsAScenarioWithoutRequests() {
            ManifestException error = catchThrowableOfType(
                    ManifestException.class, () -> ScenarioLoader.parse("source: x\nrequests: []\n", "empty.yaml"));

            assertThat(error.getMessage())
                    .isEqualTo("empty.yaml:2: field requests: a scenario needs at least one request");
        }

        private ManifestException loadBad(String name) {
            return catchThrowableOfType(
                    ManifestException.class, () -> ScenarioLoader.load(TestFiles.resource("/scenarios/bad/" + name)));
        }
    }
}
