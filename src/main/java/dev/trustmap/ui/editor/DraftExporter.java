package dev.trustmap.ui.editor;

import dev.trustmap.analysis.workspace.AuditEntry;
import dev.trustmap.analysis.workspace.Draft;
import dev.trustmap.analysis.workspace.DraftStore;
import dev.trustmap.analysis.workspace.ExportAudit;
import dev.trustmap.export.YamlWriter;
import dev.trustmap.ui.common.DialogService;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Writes the draft out (a folder of YAML files, or the clipboard) and records each export in the audit log. */
final class DraftExporter {
    private final Messages messages;
    private final UiTasks tasks;
    private final DialogService dialogs;
    private final Consumer<AuditEntry> audit;
    private final Consumer<String> notice;

    DraftExporter(
            Messages messages,
            UiTasks tasks,
            DialogService dialogs,
            Consumer<AuditEntry> audit,
            Consumer<String> notice) {
        this.messages = messages;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.audit = audit;
        this.notice = notice;
    }

    /** Writes a file per object into {@code folder} off the UI thread; success or failure is audited. */
    void toFolder(Draft draft, List<HasMetadata> current, Path folder) {
        List<HasMetadata> documents = DraftStore.documents(draft);
        tasks.run(
                () -> YamlWriter.writeFolder(documents, folder),
                written -> {
                    notice.accept(messages.get("editor.notice.exported", written.size(), folder));
                    audit.accept(
                            ExportAudit.of(draft, current, Instant.now(), AuditEntry.OK, AuditEntry.folder(folder)));
                },
                e -> {
                    dialogs.showError(messages.get("editor.export.failed"), e.getMessage(), e);
                    audit.accept(ExportAudit.of(
                            draft, current, Instant.now(), "failed: " + e.getMessage(), AuditEntry.folder(folder)));
                });
    }

    /** The draft's YAML went to the clipboard. */
    void copied(Draft draft, List<HasMetadata> current) {
        audit.accept(ExportAudit.of(draft, current, Instant.now(), AuditEntry.OK, AuditEntry.CLIPBOARD));
    }
}
