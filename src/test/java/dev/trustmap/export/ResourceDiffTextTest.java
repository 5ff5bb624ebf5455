package dev.trustmap.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.AuthorizationPolicyBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceDiffTextTest {
    private static final String KEY = "AuthorizationPolicy bookinfo/deny-details";

    @TempDir
    Path dir;

    private static AuthorizationPolicy policy(String app) {
        return new AuthorizationPolicyBuilder()
                .withNewMetadata()
                .withName("deny-details")
                .withNamespace("bookinfo")
                .endMetadata()
                .withNewSpec()
                .withNewSelector()
                .addToMatchLabels("app", app)
                .endSelector()
                .endSpec()
                .build();
    }

    @Test
    void anAddedResourceStartsAtLineZeroOfAnEmptyFile() {
        String diff = ResourceDiffText.of(KEY, null, policy("details"), "current", "draft");

        int lines = YamlWriter.toYaml(policy("details")).split("\n").length;
        assertThat(diff).startsWith("--- /dev/null\n+++ draft/" + KEY + "\n@@ -0,0 +1," + lines + " @@\n");
    }

    @Test
    void aDeletedResourceEndsAtLineZeroOfAnEmptyFile() {
        String diff = ResourceDiffText.of(KEY, policy("details"), null, "current", "draft");

        int lines = YamlWriter.toYaml(policy("details")).split("\n").length;
        assertThat(diff).contains("@@ -1," + lines + " +0,0 @@\n");
    }

    @Test
    void gitAcceptsTheDiffsOfACreateAnUpdateAndADelete() throws Exception {
        assumeTrue(runs("git", "--version"), "git is not installed");
        Path tree = Files.createDirectories(dir.resolve("tree/AuthorizationPolicy bookinfo"));
        Files.writeString(tree.resolve("kept"), YamlWriter.toYaml(policy("details")));
        Files.writeString(tree.resolve("gone"), YamlWriter.toYaml(policy("details")));
        String patch = ResourceDiffText.of(
                        "AuthorizationPolicy bookinfo/new", null, policy("details"), "current", "draft")
                + ResourceDiffText.of(
                        "AuthorizationPolicy bookinfo/kept", policy("details"), policy("ratings"), "current", "draft")
                + ResourceDiffText.of("AuthorizationPolicy bookinfo/gone", policy("details"), null, "current", "draft");
        Path file = Files.writeString(dir.resolve("draft.patch"), patch, StandardCharsets.UTF_8);

        boolean accepted = runs("git", "apply", "--check", "-p1", file.toString());

        assertThat(accepted)
                .as(patch + Files.readString(dir.resolve("out.txt")))
                .isTrue();
    }

    private boolean runs(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command))
                .directory(
                        dir.resolve("tree").toFile().exists()
                                ? dir.resolve("tree").toFile()
                                : dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue() == 0;
    }
}
