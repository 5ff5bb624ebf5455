package dev.trustmap.analysis.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftStoreTest {
    @TempDir
    Path home;

    private final HasMetadata ledger = AuditLogTest.parse(AuditLogTest.ALLOW_LEDGER);
    private final HasMetadata nothing = AuditLogTest.parse(AuditLogTest.ALLOW_NOTHING);
    private final DraftSource lab = DraftSource.lab("Lab");
    private final DraftSource cluster = DraftSource.cluster("prod", "https://10.0.0.1:6443", "cluster prod");

    @Test
    void eachSourceKeepsItsOwnDraftWithTheSourceRecordedInside() throws Exception {
        DraftStore root = new DraftStore(home);
        root.forSource(lab).save(Draft.EMPTY.put(ledger));
        root.forSource(cluster).save(Draft.EMPTY.put(nothing));

        assertThat(root.forSource(lab).load().orElseThrow().objects()).containsExactly(ledger);
        assertThat(root.forSource(cluster).load().orElseThrow().objects()).containsExactly(nothing);
        assertThat(root.forSource(DraftSource.cluster("prod", "https://10.9.9.9:6443", "other"))
                        .load())
                .as("the same context name on another server is another source")
                .isEmpty();
        Path clusterFile = root.forSource(cluster).file();
        assertThat(clusterFile.getParent()).isEqualTo(home.resolve("drafts"));
        assertThat(DraftStore.recordedSource(clusterFile)).contains("cluster:prod@https://10.0.0.1:6443");
    }

    @Test
    void fileNamesAreTheReadableIdAndAHashAsTheReadmeSays() {
        assertThat(lab.fileName()).isEqualTo("lab-a51146d38077.yaml");
        assertThat(DraftSource.folder(Path.of("/home/ana/mesh"), "mesh").fileName())
                .matches("folder-home-ana-mesh-[0-9a-f]{12}\\.yaml");
        assertThat(DraftSource.cluster("kind-dev", "https://127.0.0.1:6443", "kind-dev")
                        .fileName())
                .matches("cluster-kind-dev-https-127\\.0\\.0\\.1-6443-[0-9a-f]{12}\\.yaml");
    }

    @Test
    void foldersAreTellApartByTheirAbsolutePath() {
        String one = DraftSource.folder(Path.of("/tmp/a/mesh"), "Folder mesh").fileName();
        String two = DraftSource.folder(Path.of("/tmp/b/mesh"), "Folder mesh").fileName();

        assertThat(one).isNotEqualTo(two).matches("[a-z0-9.-]+\\.yaml");
    }

    @Test
    void theOldSingleDraftBecomesTheLabsDraftOnce() throws Exception {
        DraftStore legacy = new DraftStore(home);
        legacy.save(Draft.EMPTY.put(ledger));

        assertThat(legacy.forSource(cluster).load()).as("not a cluster's").isEmpty();
        assertThat(legacy.forSource(lab).load().orElseThrow().objects()).containsExactly(ledger);

        assertThat(home.resolve("draft.yaml")).doesNotExist();
        assertThat(home.resolve("draft.migrated.yaml")).exists();
        assertThat(legacy.forSource(lab).file()).exists();
        legacy.forSource(lab).save(Draft.EMPTY);
        assertThat(legacy.forSource(lab).load())
                .as("read once: it does not come back")
                .isEmpty();
    }

    @Test
    void anUnreadableDraftIsMovedAsideBeforeAnythingOverwritesIt() throws Exception {
        DraftStore store = new DraftStore(home).forSource(lab);
        Files.createDirectories(store.file().getParent());
        String broken = "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: x\n"
                + "  namespace: payments\nspec:\n  action: DENNY\n";
        Files.writeString(store.file(), broken);

        assertThatThrownBy(store::load).isInstanceOfSatisfying(UnreadableDraftException.class, e -> {
            assertThat(e.file()).isEqualTo(store.file());
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.problem()).contains("spec.action");
            assertThat(e.copy().getFileName().toString())
                    .startsWith(store.file().getFileName().toString().replace(".yaml", ".broken-"))
                    .endsWith(".yaml");
        });
        store.save(Draft.EMPTY.put(ledger));

        try (Stream<Path> files = Files.list(store.file().getParent())) {
            List<Path> copies =
                    files.filter(f -> f.toString().contains(".broken-")).toList();
            assertThat(copies).hasSize(1);
            assertThat(Files.readString(copies.get(0))).isEqualTo(broken);
        }
    }

    @Test
    void aDraftWithBytesThatAreNotTextIsNamedSoWithoutALine() throws Exception {
        DraftStore store = new DraftStore(home).forSource(lab);
        Files.createDirectories(store.file().getParent());
        byte[] bad = {'k', 'i', 'n', 'd', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'};
        Files.write(store.file(), bad);

        assertThatThrownBy(store::load).isInstanceOfSatisfying(UnreadableDraftException.class, e -> {
            assertThat(e.line()).isZero();
            assertThat(e.problem()).isEqualTo("holds bytes that are not UTF-8 text, so it is damaged or not a draft");
            assertThat(e.getMessage()).doesNotContain(":0:").doesNotContain("manifest");
            assertThat(e.copy()).exists();
        });
    }
}
