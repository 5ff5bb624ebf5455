package dev.trustmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trustmap.analysis.workspace.AuditEntry;
import dev.trustmap.analysis.workspace.AuditLog;
import dev.trustmap.analysis.workspace.TrustmapFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
    static final Instant T = Instant.parse("2026-12-03T10:00:00Z");

    @TempDir
    Path home;

    private Path logWith(int entries) throws Exception {
        Path file = home.resolve("audit.jsonl");
        AuditLog log = new AuditLog(file);
        for (int i = 0; i < entries; i++) {
            log.append(new AuditEntry(
                    T.plusSeconds(i),
                    "alice",
                    i % 2 == 0 ? "kube-admin" : "",
                    i % 2 == 0 ? "kind-dev" : "",
                    i % 2 == 0 ? "apply" : "export",
                    List.of("create AuthorizationPolicy payments/p" + i),
                    "sha256:" + i,
                    "ok"));
        }
        return file;
    }

    @Test
    void printsTheNewestEntriesFirstWithTheirResources() throws Exception {
        Path file = logWith(3);

        CliRun run = CliRun.of("audit", "--file", file.toString(), "--limit", "2");

        assertThat(run.exitCode()).isZero();
        String newest = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx")
                .format(T.plusSeconds(2).atZone(ZoneId.systemDefault()));
        assertThat(run.out())
                .startsWith(newest + "  apply  ok\n"
                        + "    by alice (context kind-dev, Kubernetes user kube-admin), sha256:2\n"
                        + "    create AuthorizationPolicy payments/p2\n")
                .contains("  export  ok\n    by alice (no cluster), sha256:1\n")
                .doesNotContain("payments/p0")
                .endsWith("2 entries of " + file + ", newest first.\n");
    }

    @Test
    void printsWhereAnExportWent() throws Exception {
        Path file = home.resolve("audit.jsonl");
        new AuditLog(file)
                .append(new AuditEntry(
                        T, "alice", "", "", "export", List.of(), "sha256:0", "ok", "folder /home/alice/out"));

        CliRun run = CliRun.of("audit", "--file", file.toString());

        assertThat(run.out())
                .contains("  export  ok\n    by alice (no cluster), sha256:0\n    to folder /home/alice/out\n");
    }

    @Test
    void printsJsonLinesAsTheLogStoresThem() throws Exception {
        Path file = logWith(2);
        Files.writeString(file, "garbage\n", java.nio.file.StandardOpenOption.APPEND);

        CliRun run = CliRun.of("audit", "--file", file.toString(), "--json");

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(2);
        var newest = new ObjectMapper().readTree(lines.get(0));
        assertThat(newest.get("action").asText()).isEqualTo("export");
        assertThat(newest.get("resources").get(0).asText()).isEqualTo("create AuthorizationPolicy payments/p1");
        assertThat(newest.get("time").asText()).isEqualTo("2026-12-03T10:00:01Z");
        assertThat(run.err()).contains("2 entries of " + file).contains("Skipped 1 unreadable line.");
    }

    @Test
    void readsTheLogInTheTrustmapFolderAndSaysWhenItIsEmpty() {
        String before = System.getProperty(TrustmapFolder.PROPERTY);
        try {
            System.setProperty(TrustmapFolder.PROPERTY, home.toString());

            CliRun run = CliRun.of("audit");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).isEqualTo("The audit log " + home.resolve("audit.jsonl") + " has no entries.\n");
        } finally {
            System.setProperty(TrustmapFolder.PROPERTY, before == null ? "" : before);
            if (before == null) {
                System.clearProperty(TrustmapFolder.PROPERTY);
            }
        }
    }

    @Test
    void aLogOfOnlyGarbageSaysNoEntryIsReadableAndHowManyLinesWereSkipped() throws Exception {
        Path file = Files.write(home.resolve("garbage.jsonl"), new byte[] {(byte) 0xff, 0x01, '\n', 'x', '\n'});

        CliRun run = CliRun.of("audit", "--file", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo("The audit log " + file + " has no readable entries. Skipped 2 unreadable lines.\n");
    }

    @Test
    void aLimitBelowOneOrAnUnreadableLogIsBadInput() throws Exception {
        CliRun zero = CliRun.of("audit", "--limit", "0");
        Path folder = Files.createDirectories(home.resolve("a-folder.jsonl"));
        CliRun unreadable = CliRun.of("audit", "--file", folder.toString());

        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("--limit must be at least 1, was 0");
        assertThat(unreadable.exitCode()).isEqualTo(2);
        assertThat(unreadable.err()).contains("cannot read the audit log " + folder);
    }

    @Test
    void aFileThatDoesNotExistIsBadInput() {
        Path missing = home.resolve("nope.jsonl");

        CliRun run = CliRun.of("audit", "--file", missing.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err())
                .isEqualTo(
                        "trustmap: the audit log " + missing + " given with --file does not exist; check the path.\n");
        assertThat(run.out()).isEmpty();
    }
}
