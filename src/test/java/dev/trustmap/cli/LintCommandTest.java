package dev.trustmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void exitsTwoOnBadInput() {
        CliRun run = CliRun.of("lint", "--manifests", "no/such/folder");

        assertThat(run.err()).contains("no/such/folder").contains("does not exist");
        assertThat(run.exitCode()).isEqualTo(2);
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
