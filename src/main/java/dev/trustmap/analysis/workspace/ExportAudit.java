package dev.trustmap.analysis.workspace;

import dev.trustmap.analysis.ResourceKey;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The audit entry for an export of the draft (to a folder or the clipboard): no cluster, so no Kubernetes user. */
public final class ExportAudit {
    private ExportAudit() {}

    /**
     * An {@code export} entry for {@code draft}: one line per resource, {@code create} or {@code update} against the
     * current policies and {@code delete} for deletions, and the digest of the exported documents.
     *
     * @param current the mesh's current policies, to tell a new object from a changed one
     * @param outcome {@code ok}, or why the export failed
     */
    public static AuditEntry of(Draft draft, List<HasMetadata> current, Instant time, String outcome) {
        return of(draft, current, time, outcome, "");
    }

    /**
     * Like the other, with where the draft went.
     *
     * @param destination {@link AuditEntry#folder} or {@link AuditEntry#CLIPBOARD}
     */
    public static AuditEntry of(
            Draft draft, List<HasMetadata> current, Instant time, String outcome, String destination) {
        Set<String> existing = current.stream().map(ResourceKey::of).collect(Collectors.toSet());
        List<String> resources = new ArrayList<>();
        for (HasMetadata object : draft.objects()) {
            String key = ResourceKey.of(object);
            resources.add((existing.contains(key) ? "update " : "create ") + key);
        }
        for (HasMetadata object : draft.deleted()) {
            resources.add("delete " + ResourceKey.of(object));
        }
        resources.sort(null);
        return new AuditEntry(
                time,
                AuditEntry.currentOsUser(),
                "",
                "",
                AuditEntry.EXPORT,
                resources,
                AuditLog.digest(DraftStore.documents(draft)),
                outcome,
                destination);
    }
}
