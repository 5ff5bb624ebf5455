package dev.trustmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateAndDiffCommandTest {
    private static final String BOOKINFO = "src/test/resources/traffic/bookinfo";
    private static final String TRAFFIC = BOOKINFO + "/traffic.yaml";

    @Nested
    class Generate {
        @Test
        void writesOneFilePerResourceAndReportsCoverage(@TempDir Path out) throws Exception {
            CliRun run = CliRun.of("generate", "--manifests", BOOKINFO, "--traffic", TRAFFIC, "-o", out.toString());

            assertThat(run.exitCode()).isZero();
            try (Stream<Path> files = Files.list(out)) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .contains(
                                "bookinfo-authorizationpolicy-trustmap-allow-nothing.yaml",
                                "bookinfo-peerauthentication-trustmap-strict-details-v1.yaml");
            }
            assertThat(Files.readString(out.resolve("bookinfo-authorizationpolicy-trustmap-allow-details-v1.yaml")))
                    .contains("cluster.local/ns/bookinfo/sa/bookinfo-productpage")
                    .contains("/details/{*}");
            assertThat(run.out()).contains("not covered: namespace istio-system is the root namespace");
        }

        @Test
        void draftsChosenWorkloadsOnlyAndStrictOnRequest(@TempDir Path out) throws Exception {
            CliRun run = CliRun.of(
                    "generate",
                    "--manifests",
                    BOOKINFO,
                    "--traffic",
                    TRAFFIC,
                    "--workload",
                    "bookinfo/details-v1",
                    "--no-strict",
                    "-o",
                    out.toString());

            assertThat(run.exitCode()).isZero();
            try (Stream<Path> files = Files.list(out)) {
                assertThat(files.map(f -> f.getFileName().toString()))
                        .containsExactly("bookinfo-authorizationpolicy-trustmap-allow-details-v1.yaml");
            }
        }

        @Test
        void generatedDraftBreaksNoObservedTraffic(@TempDir Path out) {
            CliRun.of("generate", "--manifests", BOOKINFO, "--traffic", TRAFFIC, "-o", out.toString());

            CliRun diff = CliRun.of("diff", "--manifests", BOOKINFO, "--draft", out.toString(), "--traffic", TRAFFIC);

            assertThat(diff.exitCode()).isZero();
            assertThat(diff.out()).contains("would break: 0 observed edge(s)");
        }
    }

    @Nested
    class Diff {
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
                    .contains("would break: 1 observed edge(s)")
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
    }
}
