package dev.trustmap.ui.audit;

import dev.trustmap.analysis.workspace.AuditEntry;
import dev.trustmap.analysis.workspace.AuditLog;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Audit log tab's state: the newest entries of the log (read on the worker), the selected entry's resources
 * and digest, where the file is, and a status that says when the log is empty, partly unreadable or unreadable.
 * FX thread only.
 */
public final class AuditViewModel {
    /** At most this many entries are listed. */
    static final int SHOWN = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(AuditViewModel.class);

    private final Messages messages;
    private final UiTasks tasks;
    private final AuditLog log;
    private final ZoneId zone;
    private final ObservableList<AuditRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(true);
    private int generation;

    public AuditViewModel(Messages messages, UiTasks tasks, AuditLog log, ZoneId zone) {
        this.messages = messages;
        this.tasks = tasks;
        this.log = log;
        this.zone = zone;
        status.set(messages.get("audit.status.reading"));
    }

    /** Reads the log again in the background; a later refresh wins over an earlier one still running. */
    public void refresh() {
        int mine = ++generation;
        tasks.run(
                () -> log.read(SHOWN),
                recent -> {
                    if (mine == generation) {
                        show(recent);
                    }
                },
                error -> {
                    if (mine == generation) {
                        failed(error);
                    }
                });
    }

    /** Shows entries read from the log (also for tests). */
    void show(AuditLog.Recent recent) {
        rows.setAll(recent.entries().stream().map(e -> new AuditRow(e, zone)).toList());
        empty.set(rows.isEmpty());
        String listed = rows.isEmpty()
                ? messages.get(recent.skipped() > 0 ? "audit.status.noneReadable" : "audit.status.empty")
                : messages.get("audit.status", rows.size(), rows.size() == SHOWN ? 1 : 0);
        status.set(
                recent.skipped() == 0 ? listed : listed + " " + messages.get("audit.status.skipped", recent.skipped()));
    }

    private void failed(Throwable error) {
        LOG.warn("could not read the audit log {}: {}", log.file(), error.getMessage());
        rows.clear();
        empty.set(true);
        status.set(messages.get("audit.status.failed", error.getMessage()));
    }

    /** The selected entry's whole text: action, users, context, outcome, every resource and the digest. */
    public void select(AuditRow row) {
        detail.set(row == null ? "" : detailOf(row));
    }

    private String detailOf(AuditRow row) {
        AuditEntry entry = row.entry();
        List<String> resources = entry.resources();
        String listed = resources.isEmpty() ? messages.get("audit.detail.noResources") : String.join("\n", resources);
        String destination = entry.destination().isEmpty()
                ? ""
                : "\n" + messages.get("audit.detail.destination", entry.destination());
        return messages.get(
                        "audit.detail",
                        row.time(),
                        entry.action(),
                        entry.osUser(),
                        entry.kubeUser().isEmpty() ? "-" : entry.kubeUser(),
                        entry.context().isEmpty() ? "-" : entry.context(),
                        entry.outcome(),
                        listed,
                        entry.digest())
                + destination;
    }

    public ObservableList<AuditRow> rows() {
        return rows;
    }

    /** Entries listed, unreadable lines skipped, or why the log could not be read. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** Whether no entry is listed. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** The log file's path, to show. */
    public String location() {
        return messages.get("audit.location", log.file().toAbsolutePath());
    }
}
