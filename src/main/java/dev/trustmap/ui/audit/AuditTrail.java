package dev.trustmap.ui.audit;

import dev.trustmap.analysis.workspace.AuditEntry;
import dev.trustmap.analysis.workspace.AuditLog;
import dev.trustmap.ui.common.DialogService;
import dev.trustmap.ui.common.Messages;
import dev.trustmap.ui.common.UiTasks;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the app writes to the audit log: appends on the worker (the write is synced to disk), then tells listeners
 * (the Audit log tab) on the FX thread. A failed append is shown: the action it records has happened already.
 */
public final class AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditLog log;
    private final UiTasks tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final List<Runnable> listeners = new ArrayList<>();

    public AuditTrail(AuditLog log, UiTasks tasks, DialogService dialogs, Messages messages) {
        this.log = log;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
    }

    /** Appends {@code entry} in the background; listeners run where the tasks helper delivers (the FX thread). */
    public void record(AuditEntry entry) {
        tasks.run(
                () -> {
                    log.append(entry);
                    return entry;
                },
                appended -> listeners.forEach(Runnable::run),
                this::failed);
    }

    private void failed(Throwable error) {
        LOG.error("could not append to the audit log {}", log.file(), error);
        dialogs.showError(
                messages.get("audit.append.failed"),
                messages.get("audit.append.failed.message", error.getMessage()),
                error);
    }

    /** Runs {@code listener} on the FX thread after each entry this app appends. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public AuditLog log() {
        return log;
    }
}
