package dev.trustmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trustmap.source.scenario.TestFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TestCommandTest {
    private static final String SHARED = TestFiles.resource("/scenarios/shared").toString();
    private static final String PASS =
            TestFiles.resource("/scenarios/cli/pass.yaml").toString();
    private static final String FAIL =
            TestFiles.resource("/scenarios/cli/fail.yaml").toString();

    @Nested
    class Text {
        @Test
        void passesEverySharedScenarioAndPrintsTheSummaryCiReads() {
            CliRun run = CliRun.of("test", SHARED);

            assertThat(run.exitCode()).isZero();
            assertThat(run.out().lines().filter(l -> l.startsWith("PASS  "))).hasSize(85);
            assertThat(run.out().lines().reduce((a, b) -> b)).contains("85 passed, 0 failed");
        }

        @Test
        void printsOneLinePerRequestWithTheDecidingPolicy() {
            CliRun run = CliRun.of("test", PASS);

            assertThat(run.out())
                    .contains("PASS  " + PASS + "#1  foo/sleep -> foo/httpbin:8000 GET /get  decision=DENY "
                            + "connection=mtls policy=foo/deny-get[rule 0]")
                    .endsWith("2 passed, 0 failed" + System.lineSeparator());
        }

        @Test
        void listsTheConditionsOfAConditionalVerdictBelowIt() {
            String conditional =
                    TestFiles.resource("/scenarios/cli/conditional.yaml").toString();

            CliRun run = CliRun.of("test", conditional);

            assertThat(run.exitCode()).isZero();
            assertThat(run.out().lines().toList())
                    .containsExactly(
                            "PASS  " + conditional + "#0  foo/sleep -> foo/httpbin:8000  decision=CONDITIONAL "
                                    + "connection=mtls policy=foo/allow-get",
                            "      condition: allowed by foo/allow-get rule 0 if to[0].operation.paths [/get]",
                            "      condition: denied otherwise: ALLOW policies select the workload",
                            "1 passed, 0 failed");
        }

        @Test
        void writesWarningsInOneStyleNamingFileAndLineOnce() {
            String scenario =
                    TestFiles.resource("/scenarios/cli/no-namespace.yaml").toString();

            CliRun run = CliRun.of("test", scenario);

            assertThat(run.err().lines().toList())
                    .containsExactly(
                            "warning: " + scenario + ":7: AuthorizationPolicy deny-get has no metadata.namespace;"
                                    + " assumed namespace 'default' (as kubectl would).",
                            "warning: skipped 1 object of unknown kinds: VirtualService ×1");
        }

        @Test
        void exitsOneAndSaysWhatWasExpectedOnAMismatch() {
            CliRun run = CliRun.of("test", FAIL);

            assertThat(run.exitCode()).isEqualTo(ExitCodes.MISMATCH_OR_DENY);
            assertThat(run.out())
                    .contains("PASS  " + FAIL + "#0")
                    .contains("FAIL  " + FAIL + "#1")
                    .contains("expected ALLOW connection=mtls mtls=true: decision: expected ALLOW, got DENY")
                    .contains("1 passed, 1 failed");
        }
    }

    @Nested
    class Json {
        @Test
        void printsOneObjectPerRequestAndTheSummaryOnStderr() throws Exception {
            CliRun run = CliRun.of("test", "--json", FAIL);

            List<JsonNode> lines = parse(run.out());
            assertThat(run.exitCode()).isEqualTo(ExitCodes.MISMATCH_OR_DENY);
            assertThat(lines).hasSize(2);
            assertThat(run.err()).contains("1 passed, 1 failed");

            JsonNode failed = lines.get(1);
            assertThat(failed.get("file").asText()).isEqualTo(FAIL);
            assertThat(failed.get("index").asInt()).isEqualTo(1);
            assertThat(failed.get("decision").asText()).isEqualTo("DENY");
            assertThat(failed.get("connection").asText()).isEqualTo("mtls");
            assertThat(failed.get("mtls").asBoolean()).isTrue();
            assertThat(failed.get("policy").asText()).isEqualTo("foo/deny-get");
            assertThat(failed.get("rule").asInt()).isZero();
            assertThat(failed.get("reason").asText()).isNotBlank();
            assertThat(failed.get("pass").asBoolean()).isFalse();
            assertThat(failed.get("expected").get("decision").asText()).isEqualTo("ALLOW");
            assertThat(failed.get("mismatch").asText()).contains("decision");
        }

        @Test
        void givesABrokenConnectionNoMtlsAndKeepsTheScenariosStatusTypes() throws Exception {
            String scenario = TestFiles.resource("/scenarios/shared/034-peerauthn-workload-strict.yaml")
                    .toString();

            List<JsonNode> lines = parse(CliRun.of("test", "--json", scenario).out());

            JsonNode broken = lines.stream()
                    .filter(l -> l.get("connection").asText().equals("broken"))
                    .findFirst()
                    .orElseThrow();
            assertThat(broken.get("mtls").isNull()).isTrue();
            assertThat(broken.get("expected").get("httpStatus").asText()).isEqualTo("000 (curl exit 56)");
            JsonNode denied = lines.stream()
                    .filter(l -> l.get("expected").get("httpStatus").isNumber())
                    .findFirst()
                    .orElseThrow();
            assertThat(denied.get("expected").get("httpStatus").intValue())
                    .isEqualTo(denied.get("httpStatus").intValue());
        }

        private List<JsonNode> parse(String out) throws Exception {
            ObjectMapper mapper = new ObjectMapper();
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : out.lines().toList()) {
                nodes.add(mapper.readTree(line));
            }
            return nodes;
        }
    }

    @Nested
    class BadInput {
        @Test
        void exitsTwoWithOneLineNamingFileLineAndField() {
            CliRun run = CliRun.of(
                    "test",
                    TestFiles.resource("/scenarios/bad/missing-workload.yaml").toString());

            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.out()).isEqualTo("0 passed, 0 failed, 1 file not run" + System.lineSeparator());
            assertThat(run.err().strip())
                    .endsWith("missing-workload.yaml:13: field requests[2].to: no workload 'foo/bar' in workloads")
                    .doesNotContain("\n")
                    .doesNotContain("Exception");
        }

        @Test
        void reportsEveryBadFileRunsTheGoodOnesAndExitsTwo() {
            String broken =
                    TestFiles.resource("/scenarios/bad/broken-yaml.yaml").toString();
            String missing =
                    TestFiles.resource("/scenarios/bad/missing-workload.yaml").toString();

            CliRun run = CliRun.of("test", PASS, broken, FAIL, missing);

            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.out())
                    .contains("PASS  " + PASS + "#1")
                    .contains("FAIL  " + FAIL + "#1")
                    .endsWith("3 passed, 1 failed, 2 files not run" + System.lineSeparator());
            assertThat(run.err().lines().toList())
                    .hasSize(2)
                    .allMatch(line -> line.startsWith("trustmap: "))
                    .anyMatch(line -> line.contains("broken-yaml.yaml:6: "))
                    .anyMatch(line -> line.contains("missing-workload.yaml:13: field requests[2].to: "));
        }

        @Test
        void exitsTwoWhenAFileIsBadEvenIfEveryRequestRunPassed() {
            CliRun run = CliRun.of("test", PASS, "does/not/exist.yaml");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.out()).endsWith("2 passed, 0 failed, 1 file not run" + System.lineSeparator());
        }

        @Test
        void exitsTwoForAMissingPath() {
            CliRun run = CliRun.of("test", "does/not/exist.yaml");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).contains("does/not/exist.yaml: no such file or directory");
        }

        @Test
        void exitsTwoWithoutArguments() {
            assertThat(CliRun.of("test").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        }
    }
}
