package dev.trustmap.analysis.workspace;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of the audit log: who did what to which resources, when, and how it ended.
 *
 * @param time when it happened
 * @param osUser the operating-system user ({@code user.name})
 * @param kubeUser the Kubernetes user of the context, or {@code ""} when no cluster was involved (an export)
 * @param context the kubeconfig context, or {@code ""} when no cluster was involved
 * @param action {@code dry-run}, {@code apply}, {@code apply-stopped} or {@code export}
 * @param resources one line per resource, e.g. {@code create AuthorizationPolicy payments/allow-ledger}
 * @param digest {@link AuditLog#digest} of the objects concerned
 * @param outcome {@code ok} or a short reason
 * @param destination where an export went ({@code folder PATH} or {@code clipboard}), or {@code ""} (an apply, or an
 *     entry written before destinations were recorded)
 */
public record AuditEntry(
        Instant time,
        String osUser,
        String kubeUser,
        String context,
        String action,
        List<String> resources,
        String digest,
        String outcome,
        String destination) {
    /** The action of a server-side dry run. */
    public static final String DRY_RUN = "dry-run";
    /** The action of an apply that went through. */
    public static final String APPLY = "apply";
    /** The action of an apply stopped before it changed anything (a conflict, a refusal). */
    public static final String APPLY_STOPPED = "apply-stopped";
    /** The action of writing the draft to a folder or the clipboard. */
    public static final String EXPORT = "export";
    /** The outcome of an action that went through. */
    public static final String OK = "ok";

    /** Missing texts become {@code ""}; {@code time} and {@code action} are required. */
    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(action, "action");
        osUser = osUser == null ? "" : osUser;
        kubeUser = kubeUser == null ? "" : kubeUser;
        context = context == null ? "" : context;
        resources = resources == null ? List.of() : List.copyOf(resources);
        digest = digest == null ? "" : digest;
        outcome = outcome == null ? "" : outcome;
        destination = destination == null ? "" : destination;
    }

    /** An entry without a destination (everything but an export). */
    public AuditEntry(
            Instant time,
            String osUser,
            String kubeUser,
            String context,
            String action,
            List<String> resources,
            String digest,
            String outcome) {
        this(time, osUser, kubeUser, context, action, resources, digest, outcome, "");
    }

    /** The destination of an export to the clipboard. */
    public static final String CLIPBOARD = "clipboard";

    /** The destination of an export to a folder. */
    public static String folder(java.nio.file.Path folder) {
        return "folder " + folder.toAbsolutePath().normalize();
    }

    /** The operating-system user running this program. */
    public static String currentOsUser() {
        return System.getProperty("user.name", "");
    }
}
