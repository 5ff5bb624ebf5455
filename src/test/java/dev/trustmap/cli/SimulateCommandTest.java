package dev.trustmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trustmap.source.scenario.TestFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SimulateCommandTest {
    private static final String MANIFESTS =
            TestFiles.resource("/scenarios/manifests/httpbin").toString();

    private static CliRun simulate(String from, String to, String... more) {
        List<String> args = new ArrayList<>(List.of("simulate", "--manifests", MANIFESTS, "--from", from, "--to", to));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Nested
    class Verdicts {
        @Test
        void exitsZeroForAnAllowedRequestAndNamesPolicyRuleAndMtls() {
            CliRun run = simulate("foo/sleep", "foo/httpbin:8000", "--method", "GET", "--path", "/get");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(run.out())
                    .contains("decision:    ALLOW")
                    .contains("connection:  mtls (mtls=true)")
                    .contains("policy:      foo/httpbin-get[rule 0] (ALLOW)")
                    .contains("mTLS:        server mode PERMISSIVE");
        }

        @Test
        void exitsOneForADeniedRequest() {
            CliRun run = simulate("foo/other", "foo/httpbin:8000", "--method", "GET", "--path", "/get");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.MISMATCH_OR_DENY);
            assertThat(run.out())
                    .contains("decision:    DENY")
                    .contains("policy:      denied: no ALLOW policy matches; ALLOW policies selecting it:"
                            + " foo/httpbin-get\n")
                    .contains("reason:      foo/httpbin-get rule 0: ")
                    .doesNotContain("(ALLOW)");
        }

        @Test
        void exitsThreeWhenTheOutcomeDependsOnWhatWasLeftOut() {
            CliRun run = simulate("foo/sleep", "foo/httpbin:8000");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.CONDITIONAL);
            assertThat(run.out()).contains("decision:    CONDITIONAL").contains("condition:");
        }

        @Test
        void sendsAnOutsideClientInPlaintext() {
            CliRun run = simulate("external:203.0.113.9", "foo/httpbin:8000", "--method", "GET");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.MISMATCH_OR_DENY);
            assertThat(run.out()).contains("connection:  plaintext");
        }

        @Test
        void reportsSkippedKindsOnOneLine() {
            CliRun run = simulate("foo/sleep", "foo/httpbin:8000", "--method", "GET");

            assertThat(run.err()).contains("warning: skipped 1 object of unknown kinds: VirtualService ×1");
        }

        @Test
        void printsJsonAndDialsThePodIpWithoutAutoMtls() throws Exception {
            CliRun run = simulate("foo/sleep", "foo/httpbin:8080", "--via-pod-ip", "--method", "GET", "--json");

            JsonNode verdict = new ObjectMapper().readTree(run.out());
            assertThat(run.exitCode()).isEqualTo(ExitCodes.MISMATCH_OR_DENY);
            assertThat(verdict.get("decision").asText()).isEqualTo("DENY");
            assertThat(verdict.get("connection").asText()).isEqualTo("plaintext");
            assertThat(verdict.get("mtls").asBoolean()).isFalse();
            assertThat(verdict.get("service").isNull()).isTrue();
            assertThat(verdict.get("policy").asText()).isEqualTo("foo/httpbin-get");
            assertThat(verdict.get("rule").isNull()).isTrue();
            assertThat(verdict.get("reason").asText()).contains("principals");
            assertThat(verdict.get("mtlsExplanation").get("serverMode").asText())
                    .isEqualTo("PERMISSIVE");
        }
    }

    @Nested
    class BadInput {
        @Test
        void explainsAPortNoServiceExposes() {
            CliRun run = simulate("foo/sleep", "foo/httpbin:9999");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err())
                    .contains("no Service selecting foo/httpbin exposes port 9999 (Services: httpbin [8000])")
                    .contains("--via-pod-ip");
        }

        @Test
        void namesAMissingWorkloadAndTheOnesThereAre() {
            CliRun run = simulate("foo/sleep", "foo/nope:8000");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).contains("no workload 'foo/nope'").contains("foo/httpbin");
        }

        @Test
        void rejectsAMalformedTarget() {
            CliRun run = simulate("foo/sleep", "httpbin");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).contains("expected NAMESPACE/WORKLOAD:PORT");
        }

        @Test
        void rejectsClaimsThatAreNotJson() {
            CliRun run = simulate("foo/sleep", "foo/httpbin:8000", "--jwt-claims", "{nope");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).contains("--jwt-claims must be a JSON object").contains("'{nope' is not valid JSON");
        }

        @Test
        void rejectsClaimsThatAreAListInWordsNotJacksons() {
            CliRun run = simulate("foo/sleep", "foo/httpbin:8000", "--jwt-claims", "[1,2]");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err())
                    .isEqualTo("trustmap: --jwt-claims must be a JSON object, e.g. {\"iss\":\"https://issuer.example\"}"
                            + System.lineSeparator());
        }

        @Test
        void wordsTooDeeplyNestedManifestsAsASentence() throws Exception {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("deep");
            java.nio.file.Files.writeString(
                    dir.resolve("deep.json"), "{\"a\": " + "[".repeat(1001) + "]".repeat(1001) + "}");

            CliRun run = CliRun.of("simulate", "--manifests", dir.toString(), "--from", "a/b", "--to", "a/b:80");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err())
                    .contains("deep.json: nests lists and mappings more than 1000 levels deep")
                    .doesNotContain("StreamReadConstraints");
        }

        @Test
        void rejectsAnOutsideClientWithoutAnIpAddressInOneLine() {
            CliRun run = simulate("external:banana", "foo/httpbin:8000");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("trustmap: --from: 'banana' is not an IP address" + System.lineSeparator());
        }

        @Test
        void checksTheRequestOptionsBeforeReadingTheManifests() {
            CliRun run = CliRun.of("simulate", "--manifests", "no/such/dir", "--from", "foo/a", "--to", "foo/b");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err())
                    .contains("--to 'foo/b': expected NAMESPACE/WORKLOAD:PORT")
                    .doesNotContain("no/such");
        }

        @Test
        void saysAFolderWithoutManifestsHasNone(@org.junit.jupiter.api.io.TempDir java.nio.file.Path empty) {
            CliRun run = CliRun.of("simulate", "--manifests", empty.toString(), "--from", "a/b", "--to", "a/b:80");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err())
                    .isEqualTo("trustmap: no .yaml, .yml or .json files in " + empty + System.lineSeparator());
        }

        @Test
        void rejectsAMissingFolder() {
            CliRun run = CliRun.of("simulate", "--manifests", "no/such/dir", "--from", "foo/a", "--to", "foo/b:80");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).startsWith("trustmap: ").doesNotContain("Exception");
        }
    }
}
