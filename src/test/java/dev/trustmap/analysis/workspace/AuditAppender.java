package dev.trustmap.analysis.workspace;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A second process for {@code AuditLogTest}: appends {@code count} entries named {@code prefix-i} to a log. */
public final class AuditAppender {
    private AuditAppender() {}

    public static void main(String[] args) throws Exception {
        AuditLog log = new AuditLog(Path.of(args[0]));
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            log.append(new AuditEntry(
                    Instant.now(), "proc", "", "", "export", List.of(args[1] + "-" + i, "y".repeat(3000)), "", "ok"));
        }
    }
}
