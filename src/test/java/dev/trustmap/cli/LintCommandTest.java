package dev.trustmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LintCommandTest {
    @TempDir
    static Path labFolder;

    /** The lab's manifests as a folder (the files {@code lab/index.txt} lists; the call graph is not a manifest). */
    @BeforeAll
    static void copyLab() throws IOException {
        for (String file : read("index.txt").lines().map(String::strip).toList()) {
            if (!file.isEmpty() && !file.startsWith("#")) {
                Files.writeString(labFolder.resolve(file), read(file));
            }
        }
    }

    private static String read(String name) throws IOException {
        try (InputStream in = LintCommandTest.class.getResourceAsStream("/lab/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Nested
    class OnTheLab {
        @Test
        void listsTheDeliberateWeaknesses() {
            CliRun run = CliRun.of("lint", "--manifests", labFolder.toString());

            assertThat(run.out())
                    .contains("WARNING TM106 AuthorizationPolicy payments/fraud-check-callers"
                            + " spec.rules[0].from[0].source.namespaces")
                    .contains("WARNING TM107 AuthorizationPolicy analytics/audit-log-writers spec.rules[0]")
                    .contains("WARNING TM206 AuthorizationPolicy messaging/notifications-no-admin"
                            + " spec.rules[0].to[0].operation.notPaths")
                    .contains("WARNING TM101 Namespace messaging")
                    .contains("WARNING TM104 Deployment legacy/core-banking-adapter")
                    .contains("WARNING TM103 PeerAuthentication frontend/default spec.mtls.mode");
            assertThat(run.out().lines().reduce((a, b) -> b))
                    .hasValueSatisfying(
                            last -> assertThat(last).matches("\\d+ findings: 0 errors, \\d+ warnings, \\d+ info"));
            assertThat(run.exitCode()).isZero();
        }

        @Test
        void withSimulatedTrafficAlsoListsThePlaintextHopAndTheBrokenEdge() {
            CliRun run = CliRun.of("lint", "--lab");

            assertThat(run.out())
                    .contains("TM104 Deployment legacy/core-banking-adapter: legacy/core-banking-adapter has no sidecar"
                            + " but receives traffic from payments/ledger")
                    .contains("TM105 Deployment payments/ledger: observed traffic legacy/core-banking-adapter ->"
                            + " payments/ledger:80 breaks");
        }

        @Test
        void writesSarifWithRulesResultsAndManifestLocations() throws IOException {
            CliRun run = CliRun.of("lint", "--manifests", labFolder.toString(), "--format", "sarif");

            JsonNode log = new ObjectMapper().readTree(run.out());
            assertThat(log.path("version").asText()).isEqualTo("2.1.0");
            JsonNode sarifRun = log.path("runs").get(0);
            assertThat(sarifRun.at("/tool/driver/name").asText()).isEqualTo("trustmap");
            assertThat(sarifRun.at("/tool/driver/rules/0/id").asText()).isEqualTo("TM101");
            JsonNode notPaths = findResult(sarifRun.path("results"), "TM206");
            assertThat(notPaths.path("level").asText()).isEqualTo("warning");
            assertThat(notPaths.at("/locations/0/physicalLocation/artifactLocation/uri")
                            .asText())
                    .endsWith("messaging.yaml");
            assertThat(notPaths.at("/locations/0/physicalLocation/region/startLine")
                            .asInt())
                    .isGreaterThan(1);
        }

        @Test
        void writesJsonAndFiltersBySeverity() throws IOException {
            CliRun run = CliRun.of(
                    "lint", "--manifests", labFolder.toString(), "--format", "json", "--min-severity", "warning");

            JsonNode array = new ObjectMapper().readTree(run.out());
            assertThat(array.isArray()).isTrue();
            assertThat(array)
                    .allSatisfy(f -> assertThat(f.path("severity").asText()).isNotEqualTo("INFO"));
            assertThat(array).anySatisfy(f -> {
                assertThat(f.path("code").asText()).isEqualTo("TM107");
                assertThat(f.path("file").asText()).endsWith("analytics.yaml");
            });
            assertThat(run.err()).contains("findings:");
        }
    }

    @Test
    void exitsOneOnErrors() {
        Path base = fixture("base.yaml");
        Path rootSelector = fixture("TM202/trigger");

        CliRun run = CliRun.of("lint", "--manifests", base.toString(), rootSelector.toString());

        assertThat(run.out()).contains("ERROR TM202 PeerAuthentication istio-system/web spec.selector");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    /** Every checker reachable from the command line: the reader must not reject its trigger fixture first. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("checkerCodes")
    void reportsEveryCheckersTriggerFixture(String code) {
        CliRun run = CliRun.of(
                "lint",
                "--manifests",
                fixture("base.yaml").toString(),
                fixture(code + "/trigger").toString());

        assertThat(run.err()).doesNotContain("is not a known field");
        assertThat(run.exitCode()).as("exit code, stderr: %s", run.err()).isIn(0, 1);
        assertThat(run.out()).contains(" " + code + " ");
    }

    static List<String> checkerCodes() throws IOException {
        try (Stream<Path> cases = Files.list(fixture(""))) {
            return cases.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith("TM"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void pointsTm204AtTheLineOfMatchExpressions() {
        Path trigger = fixture("TM204/trigger");

        CliRun run = CliRun.of("lint", "--manifests", fixture("base.yaml").toString(), trigger.toString());

        assertThat(run.out())
                .contains(trigger.resolve("manifests.yaml") + ":8: ERROR TM204 AuthorizationPolicy shop/web"
                        + " spec.selector.matchExpressions")
                .contains("selects every workload of shop");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void usesTheFoldersTrafficFileAndNeverCallsItAnUnknownKind() throws Exception {
        Path bookinfo = fixture("../traffic/bookinfo");

        CliRun withFolderTraffic = CliRun.of("lint", "--manifests", bookinfo.toString(), "--format", "json");
        CliRun withoutTraffic = CliRun.of(
                "lint",
                "--manifests",
                bookinfo.resolve("bookinfo.yaml").toString(),
                bookinfo.resolve("gateway.yaml").toString(),
                bookinfo.resolve("policies.yaml").toString(),
                "--format",
                "json");
        CliRun withExplicitTraffic = CliRun.of(
                "lint",
                "--manifests",
                bookinfo.toString(),
                "--traffic",
                bookinfo.resolve("traffic.yaml").toString(),
                "--format",
                "json");

        assertThat(withFolderTraffic.err()).doesNotContain("unknown kinds");
        assertThat(withExplicitTraffic.err()).doesNotContain("unknown kinds");
        assertThat(withFolderTraffic.out()).isEqualTo(withExplicitTraffic.out()).isNotEqualTo(withoutTraffic.out());
    }

    @Test
    void warnsAboutObservedEdgesTheManifestsCannotResolve() throws Exception {
        Path bookinfo = fixture("../traffic/bookinfo");

        CliRun run = CliRun.of(
                "lint",
                "--manifests",
                bookinfo.resolve("bookinfo.yaml").toString(),
                "--traffic",
                bookinfo.resolve("traffic.yaml").toString());

        assertThat(run.err())
                .contains("warning: 2 observed edges left out, naming a workload or Service the manifests do not have")
                .contains("edge istio-system/istio-ingressgateway -> bookinfo/productpage-v1:9080: no workload"
                        + " istio-system/istio-ingressgateway");
    }

    @Test
    void aFolderWithoutManifestsIsBadInput(@TempDir Path empty) {
        CliRun run = CliRun.of("lint", "--manifests", empty.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(empty.toString()).contains("no workloads");
        assertThat(run.out()).doesNotContain("0 findings");
    }

    @Test
    void exitsTwoOnBadInput() {
        CliRun run = CliRun.of("lint", "--manifests", "no/such/folder");

        assertThat(run.err()).contains("no/such/folder").contains("does not exist");
        assertThat(run.exitCode()).isEqualTo(2);
    }

    @Test
    void anObjectDefinedTwiceIsBadInputAndAFolderGivenTwiceIsReadOnce(@TempDir Path dir) throws IOException {
        Path base = fixture("base.yaml");
        java.nio.file.Files.copy(base, dir.resolve("a.yaml"));
        java.nio.file.Files.copy(base, dir.resolve("b.yaml"));

        CliRun twice = CliRun.of("lint", "--manifests", dir.toString());
        CliRun sameFileTwice = CliRun.of("lint", "--manifests", base.toString(), base.toString());
        CliRun once = CliRun.of("lint", "--manifests", base.toString());

        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).contains(dir.resolve("b.yaml").toString()).contains("is defined twice");
        assertThat(sameFileTwice.out()).isEqualTo(once.out()).doesNotContain("TM213");
    }

    private static JsonNode findResult(JsonNode results, String ruleId) {
        for (JsonNode result : results) {
            if (result.path("ruleId").asText().equals(ruleId)) {
                return result;
            }
        }
        throw new AssertionError("no result for " + ruleId);
    }

    private static Path fixture(String name) {
        try {
            return Path.of(
                    LintCommandTest.class.getResource("/findings/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
