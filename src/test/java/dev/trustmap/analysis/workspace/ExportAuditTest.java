package dev.trustmap.analysis.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportAuditTest {
    static final Instant T = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void namesEachResourceWithWhatTheDraftDoesToIt() {
        HasMetadata ledger = AuditLogTest.parse(AuditLogTest.ALLOW_LEDGER);
        HasMetadata nothing = AuditLogTest.parse(AuditLogTest.ALLOW_NOTHING);
        HasMetadata old = AuditLogTest.parse(AuditLogTest.ALLOW_LEDGER.replace("allow-ledger", "old-rule"));
        Draft draft = Draft.EMPTY.put(ledger).put(nothing).delete(old);

        AuditEntry entry = ExportAudit.of(draft, List.of(nothing, old), T, "ok");

        assertThat(entry.action()).isEqualTo("export");
        assertThat(entry.resources())
                .containsExactly(
                        "create AuthorizationPolicy payments/allow-ledger",
                        "delete AuthorizationPolicy payments/old-rule",
                        "update AuthorizationPolicy payments/allow-nothing");
        assertThat(entry.kubeUser()).isEmpty();
        assertThat(entry.context()).isEmpty();
        assertThat(entry.osUser()).isEqualTo(System.getProperty("user.name"));
        assertThat(entry.digest()).isEqualTo(AuditLog.digest(DraftStore.documents(draft)));
        assertThat(entry.time()).isEqualTo(T);
    }

    @Test
    void aDeletionDigestsDifferentlyFromTheSameObjectKept() {
        HasMetadata ledger = AuditLogTest.parse(AuditLogTest.ALLOW_LEDGER);

        String kept =
                ExportAudit.of(Draft.EMPTY.put(ledger), List.of(), T, "ok").digest();
        String deleted = ExportAudit.of(Draft.EMPTY.delete(ledger), List.of(ledger), T, "ok")
                .digest();

        assertThat(deleted).isNotEqualTo(kept);
    }

    @Test
    void aFolderExportAndACopyRecordWhereTheDraftWent(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        Draft draft = Draft.EMPTY.put(AuditLogTest.parse(AuditLogTest.ALLOW_LEDGER));
        AuditLog log = new AuditLog(dir.resolve(AuditLog.FILE));

        log.append(ExportAudit.of(draft, List.of(), T, "ok", AuditEntry.folder(dir.resolve("out"))));
        log.append(ExportAudit.of(draft, List.of(), T.plusSeconds(1), "ok", AuditEntry.CLIPBOARD));

        assertThat(log.recent(10))
                .extracting(AuditEntry::destination)
                .containsExactly("clipboard", "folder " + dir.resolve("out").toAbsolutePath());
    }

    @Test
    void aLineWrittenBeforeDestinationsReadsWithNone() {
        String old = "{\"time\":\"2026-12-01T10:00:00Z\",\"osUser\":\"ana\",\"kubeUser\":\"\",\"context\":\"\","
                + "\"action\":\"export\",\"resources\":[],\"digest\":\"sha256:x\",\"outcome\":\"ok\"}";

        AuditEntry entry = AuditLog.fromJson(old);

        assertThat(entry.destination()).isEmpty();
        assertThat(AuditLog.toJson(entry))
                .as("an entry without destination writes the old line")
                .isEqualTo(old);
    }
}
