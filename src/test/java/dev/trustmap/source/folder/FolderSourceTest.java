package dev.trustmap.source.folder;

import static dev.trustmap.source.folder.ManifestParserTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderSourceTest {

    @Nested
    class Loading {

        @Test
        void readsNestedFoldersOfYamlYmlAndJsonIntoOneMesh() throws Exception {
            AssembledMesh mesh = FolderSource.load(List.of(fixture("shop")));
            MeshSnapshot snapshot = mesh.snapshot();

            assertThat(snapshot.workloads())
                    .extracting(Workload::id)
                    .containsExactlyInAnyOrder("shop/db", "legacy/batch-runner", "shop/web");
            assertThat(snapshot.workload("shop", "web").orElseThrow().sidecar()).isTrue();
            assertThat(snapshot.workload("legacy", "batch-runner").orElseThrow().sidecar())
                    .isFalse();
            assertThat(snapshot.workload("legacy", "batch-runner").orElseThrow().ips())
                    .containsExactly("10.0.3.7");
            assertThat(snapshot.services()).extracting(s -> s.name()).containsExactlyInAnyOrder("db", "web");
            assertThat(snapshot.servicesOf(snapshot.workload("shop", "web").orElseThrow()))
                    .singleElement()
                    .satisfies(s ->
                            assertThat(s.port(80).orElseThrow().targetPort()).isEqualTo("http"));
            assertThat(snapshot.policies()).hasSize(3);
            assertThat(mesh.skippedKinds()).isEqualTo(Map.of("VirtualService", 2, "Gateway", 1));
        }

        @Test
        void readsFilesInPathOrder(@TempDir Path dir) throws Exception {
            Files.createDirectories(dir.resolve("b"));
            write(dir.resolve("b/one.yaml"), pod("from-b"));
            write(dir.resolve("a.yml"), pod("from-a"));
            write(
                    dir.resolve("c.json"),
                    "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"from-c\"}}");

            List<Path> files = FolderSource.manifestFiles(List.of(dir));
            AssembledMesh mesh = FolderSource.load(List.of(dir));

            assertThat(files).containsExactly(dir.resolve("a.yml"), dir.resolve("b/one.yaml"), dir.resolve("c.json"));
            assertThat(mesh.snapshot().workloads())
                    .extracting(Workload::name)
                    .containsExactly("from-a", "from-b", "from-c");
        }

        @Test
        void readsAFolderGivenTwiceOnlyOnce() throws Exception {
            Path shop = fixture("shop");
            Path again = shop.resolve("..").resolve(shop.getFileName());

            AssembledMesh once = FolderSource.load(List.of(shop));
            AssembledMesh twice = FolderSource.load(List.of(shop, again, shop.resolve(".")));

            assertThat(twice.snapshot().policies())
                    .hasSameSizeAs(once.snapshot().policies());
            assertThat(twice.snapshot().workloads())
                    .hasSameSizeAs(once.snapshot().workloads());
            assertThat(twice.skippedKinds()).isEqualTo(once.skippedKinds());
        }

        @Test
        void ignoresHiddenFilesAndFoldersAndOtherExtensions(@TempDir Path dir) throws Exception {
            Files.createDirectories(dir.resolve(".git"));
            write(dir.resolve(".git/config.yaml"), "not: [valid");
            write(dir.resolve(".draft.yaml"), "not: [valid");
            write(dir.resolve("README.md"), "not: [valid");
            write(dir.resolve("app.YAML"), pod("app"));

            AssembledMesh mesh = FolderSource.load(List.of(dir));

            assertThat(mesh.snapshot().workloads()).extracting(Workload::name).containsExactly("app");
        }

        @Test
        void skipsKustomizeFilesBesideTheManifests(@TempDir Path dir) throws Exception {
            write(dir.resolve("kustomization.yaml"), "resources:\n- app.yaml\n");
            write(dir.resolve("component.yaml"), "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n");
            write(dir.resolve("app.yaml"), pod("app"));

            AssembledMesh mesh = FolderSource.load(List.of(dir));

            assertThat(mesh.snapshot().workloads()).extracting(Workload::name).containsExactly("app");
        }

        @Test
        void readsAFileGivenDirectlyWhateverItsName(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("pod.txt");
            write(file, pod("direct"));

            AssembledMesh mesh = FolderSource.load(List.of(file));

            assertThat(mesh.snapshot().workloads()).extracting(Workload::name).containsExactly("direct");
        }
    }

    @Nested
    class Errors {

        @Test
        void namesAMissingPath(@TempDir Path dir) {
            Path missing = dir.resolve("nope");

            Throwable thrown = catchThrowable(() -> FolderSource.load(List.of(missing)));

            assertThat(thrown).isInstanceOf(ManifestException.class);
            assertThat(((ManifestException) thrown).file()).isEqualTo(missing.toString());
            assertThat(thrown.getMessage())
                    .isEqualTo(missing + ": does not exist; check the path to the manifest " + "file or folder.");
        }

        @Test
        void namesTheFileAndLineOfAnInvalidManifestInAFolder() {
            Throwable thrown = catchThrowable(() -> FolderSource.load(List.of(fixture("errors"))));

            assertThat(thrown).isInstanceOf(ManifestException.class);
            ManifestException error = (ManifestException) thrown;
            assertThat(error.file()).endsWith("broken.yaml");
            assertThat(error.line()).isEqualTo(12);
        }
    }

    private static String pod(String name) {
        return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name + "\nspec:\n  containers: [{name: app}]\n";
    }

    private static void write(Path file, String text) throws Exception {
        Files.writeString(file, text);
    }
}
