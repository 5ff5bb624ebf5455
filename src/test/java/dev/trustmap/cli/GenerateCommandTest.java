package dev.trustmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trustmap generate} on the bookinfo sample and on bad input. */
class GenerateCommandTest {
    private static final String BOOKINFO = "src/test/resources/traffic/bookinfo";
    private static final String TRAFFIC = BOOKINFO + "/traffic.yaml";

    @Test
    void writesOneFilePerResourceAndReportsCoverage(@TempDir Path out) throws Exception {
        CliRun run = CliRun.of("generate", "--manifests", BOOKINFO, "--traffic", TRAFFIC, "-o", out.toString());

        assertThat(run.exitCode()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .contains("bookinfo-peerauthentication-trustmap-strict-details-v1.yaml")
                    .as("bookinfo already has an allow-nothing")
                    .doesNotContain("bookinfo-authorizationpolicy-trustmap-allow-nothing.yaml");
        }
        assertThat(run.out())
                .contains("namespace bookinfo already has an allow-nothing (allow-nothing): no second one drafted");
        assertThat(Files.readString(out.resolve("bookinfo-authorizationpolicy-trustmap-allow-details-v1.yaml")))
                .contains("cluster.local/ns/bookinfo/sa/bookinfo-productpage")
                .contains("/details/{*}");
        assertThat(run.out()).contains("not covered: namespace istio-system is the root namespace");
        assertThat(run.out())
                .contains("covered: bookinfo/details-v1: 1 caller on container port [9080]")
                .doesNotContain("(s)");
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
    void refusesAFolderWithOtherManifestsUnlessClean(@TempDir Path out) throws Exception {
        Files.writeString(out.resolve("stale-1.yaml"), "kind: x\n");
        Files.createDirectories(out.resolve("sub"));
        Files.writeString(out.resolve("sub/stale-2.yml"), "kind: x\n");
        Files.writeString(out.resolve("notes.txt"), "kept\n");

        CliRun refused = CliRun.of("generate", "--manifests", BOOKINFO, "--traffic", TRAFFIC, "-o", out.toString());

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err())
                .isEqualTo("trustmap: " + out + " already holds 2 other YAML or JSON files (e.g. stale-1.yaml) that"
                        + " trustmap apply --draft would read too; choose an empty folder, or pass --clean to"
                        + " delete them first.\n");
        assertThat(out.resolve("stale-1.yaml")).exists();

        CliRun cleaned =
                CliRun.of("generate", "--manifests", BOOKINFO, "--traffic", TRAFFIC, "--clean", "-o", out.toString());

        assertThat(cleaned.exitCode()).as(cleaned.err()).isZero();
        assertThat(out.resolve("stale-1.yaml")).doesNotExist();
        assertThat(out.resolve("sub/stale-2.yml")).doesNotExist();
        assertThat(out.resolve("notes.txt")).exists();

        CliRun again = CliRun.of("generate", "--manifests", BOOKINFO, "--traffic", TRAFFIC, "-o", out.toString());
        assertThat(again.exitCode()).as("its own files are not stale").isZero();
    }

    @Test
    void anOutputThatIsAFileIsNamedAsSuch(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("passwd"), "root:x:0:0\n");

        CliRun run = CliRun.of("generate", "--manifests", BOOKINFO, "--traffic", TRAFFIC, "-o", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err())
                .isEqualTo("trustmap: -o " + file + " is a file, not a folder; choose a folder to write the YAML"
                        + " files to.\n");
    }

    @Test
    void anOutputThatCannotBeMadeIsOneMessageWithoutRepeats(@TempDir Path dir) throws Exception {
        Path under = Files.writeString(dir.resolve("plain"), "text\n").resolve("out");

        CliRun run = CliRun.of("generate", "--manifests", BOOKINFO, "--traffic", TRAFFIC, "-o", under.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err())
                .isEqualTo("trustmap: cannot write to " + under + ": Not a directory; choose a folder you can"
                        + " write to.\n");
    }

    @Test
    void anOutputWhereNoFolderCanBeMadeSaysWhyOnce(@TempDir Path dir) {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux's /proc");

        CliRun run = CliRun.of("generate", "--manifests", BOOKINFO, "--traffic", TRAFFIC, "-o", "/proc/x");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err())
                .isEqualTo("trustmap: cannot write to /proc/x: no such file or folder; choose a folder you can"
                        + " write to.\n");
    }

    @Test
    void aNamespaceOrWorkloadNotInTheMeshIsBadInput(@TempDir Path out) {
        CliRun namespace = CliRun.of(
                "generate", "--manifests", BOOKINFO, "--traffic", TRAFFIC, "--namespace", "nope", "-o", out.toString());
        CliRun workload = CliRun.of(
                "generate",
                "--manifests",
                BOOKINFO,
                "--traffic",
                TRAFFIC,
                "--workload",
                "bookinfo/nope",
                "-o",
                out.toString());

        assertThat(namespace.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(namespace.err())
                .startsWith("trustmap: --namespace nope is not a namespace of the manifests; known: ")
                .contains("bookinfo");
        assertThat(workload.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(workload.err())
                .startsWith("trustmap: --workload bookinfo/nope is not a workload of the manifests")
                .contains("bookinfo/details-v1");
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void aMissingTrafficFileIsSaidToNotExist(@TempDir Path out) {
        CliRun run = CliRun.of(
                "generate",
                "--manifests",
                BOOKINFO,
                "--traffic",
                out.resolve("nope.yaml").toString(),
                "-o",
                out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err())
                .isEqualTo("trustmap: " + out.resolve("nope.yaml")
                        + ": does not exist; check the path to the traffic file.\n");
    }

    @Test
    void reportsOneResourceInTheSingular(@TempDir Path out) {
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

        assertThat(run.out()).startsWith("wrote 1 resource to " + out + "\n");
    }

    @Test
    void warnsAboutTrafficTheManifestsCannotResolveAndPortsNoServiceExposes(@TempDir Path dir) throws Exception {
        Path manifests = Files.createDirectories(dir.resolve("manifests"));
        Files.copy(Path.of(BOOKINFO, "bookinfo.yaml"), manifests.resolve("bookinfo.yaml"));
        Path traffic = Files.writeString(
                dir.resolve("traffic.yaml"),
                Files.readString(Path.of(TRAFFIC))
                        .replaceFirst("(to: bookinfo/details-v1\\n.*\\n    port:) 9080", "$1 9999"));

        CliRun run = CliRun.of(
                "generate",
                "--manifests",
                manifests.toString(),
                "--traffic",
                traffic.toString(),
                "-o",
                dir.resolve("out").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err())
                .contains("warning: 2 observed edges left out, naming a workload or Service the manifests do not"
                        + " have")
                .contains(traffic + ": edge istio-system/istio-ingressgateway -> bookinfo/productpage-v1:9080:"
                        + " no workload istio-system/istio-ingressgateway")
                .contains("warning: 1 observed edge on a port its Service does not expose")
                .contains(traffic + ": edge bookinfo/productpage-v1 -> bookinfo/details-v1:9999: Service"
                        + " bookinfo/details has no port 9999");
    }

    @Test
    void namesTheExistingAllowsThatStayInForceAndReplacesThemOnRequest(@TempDir Path dir) throws Exception {
        Path kept = dir.resolve("kept");
        Path replaced = dir.resolve("replaced");

        CliRun plain = CliRun.of("generate", "--manifests", BOOKINFO, "-o", kept.toString());
        CliRun replacing =
                CliRun.of("generate", "--manifests", BOOKINFO, "--replace-allows", "-o", replaced.toString());

        assertThat(plain.out())
                .contains("not covered: the existing ALLOW bookinfo/ratings-viewer also selects bookinfo/ratings-v1"
                        + " and stays in force");
        assertThat(kept.resolve("bookinfo-authorizationpolicy-ratings-viewer.yaml"))
                .doesNotExist();
        assertThat(replacing.exitCode()).as(replacing.err()).isZero();
        assertThat(replacing.out())
                .contains("covered: the ALLOW bookinfo/ratings-viewer is deleted in the draft: the drafted ALLOWs"
                        + " replace it")
                .doesNotContain("the existing ALLOW bookinfo/ratings-viewer");
        assertThat(Files.readString(replaced.resolve("bookinfo-authorizationpolicy-ratings-viewer.yaml")))
                .contains("trustmap.dev/delete: \"true\"");

        // The replaced draft still lets every observed edge through; without the drafted ALLOW's caller it does not.
        CliRun gate = CliRun.of("diff", "--manifests", BOOKINFO, "--draft", replaced.toString());
        Path allow = replaced.resolve("bookinfo-authorizationpolicy-trustmap-allow-ratings-v1.yaml");
        Files.writeString(allow, Files.readString(allow).replaceAll("sa/bookinfo-reviews", "sa/nobody"));
        CliRun broken = CliRun.of("diff", "--manifests", BOOKINFO, "--draft", replaced.toString());

        assertThat(gate.exitCode()).as(gate.out()).isZero();
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.out()).contains("-> bookinfo/ratings-v1:9080  ALLOW -> DENY");
    }

    @Test
    void keepsAnExistingAllowThatAlsoSelectsWorkloadsOutsideTheDraft(@TempDir Path out) {
        CliRun run = CliRun.of(
                "generate",
                "--manifests",
                BOOKINFO,
                "--workload",
                "bookinfo/reviews-v1",
                "--replace-allows",
                "-o",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("not covered: the existing ALLOW bookinfo/reviews-viewer also selects bookinfo/reviews-v1")
                .contains("it is kept, as it also selects bookinfo/reviews-v2, bookinfo/reviews-v3, which the draft"
                        + " does not cover");
        assertThat(out.resolve("bookinfo-authorizationpolicy-reviews-viewer.yaml"))
                .doesNotExist();
    }

    @Test
    void manifestsWithoutWorkloadsAreBadInput(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("ns.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n");

        CliRun run = CliRun.of(
                "generate",
                "--manifests",
                empty.toString(),
                "--traffic",
                TRAFFIC,
                "-o",
                dir.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(empty + ": no workloads");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void withoutTrafficUsesTheManifestsFoldersOrSaysThereIsNone(@TempDir Path dir) {
        CliRun found = CliRun.of(
                "generate", "--manifests", BOOKINFO, "-o", dir.resolve("a").toString());
        CliRun none = CliRun.of(
                "generate",
                "--manifests",
                BOOKINFO + "/bookinfo.yaml",
                "-o",
                dir.resolve("b").toString());

        assertThat(found.exitCode()).as(found.err()).isZero();
        assertThat(found.err()).contains("traffic: " + TRAFFIC + " (found in the manifests folder)");
        assertThat(found.out()).contains("covered: bookinfo/details-v1");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(none.err()).startsWith("trustmap: no observed traffic: give --traffic FILE");
    }

    @Test
    void generatedDraftBreaksNoObservedTraffic(@TempDir Path out) {
        CliRun.of("generate", "--manifests", BOOKINFO, "--traffic", TRAFFIC, "-o", out.toString());

        CliRun diff = CliRun.of("diff", "--manifests", BOOKINFO, "--draft", out.toString(), "--traffic", TRAFFIC);

        assertThat(diff.exitCode()).isZero();
        assertThat(diff.out()).contains("would break: 0 observed edges");
    }
}
