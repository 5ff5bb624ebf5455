package dev.trustmap.cli;

import dev.trustmap.analysis.workspace.AuditEntry;
import dev.trustmap.analysis.workspace.AuditLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trustmap audit}: the newest entries of the audit log, as text or JSON lines. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the newest entries of the audit log (exports of the draft, dry runs and applies), newest first."
                    + " Its file is audit.jsonl in ~/.trustmap, or in the folder the JVM property trustmap.home"
                    + " names."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:entries printed (or the log is empty)",
            "2:the log cannot be read, the --file given does not exist, or bad options"
        })
final class AuditCommand extends BaseCommand {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx");

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "20",
            description = "How many entries to print (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "One JSON object per entry and line, in the log's JSON form.")
    boolean json;

    @Option(
            names = "--file",
            paramLabel = "FILE",
            description = "Another audit log to read instead of the one in the Trustmap folder.")
    Path file;

    @Override
    protected int run() throws BadInputException {
        if (limit < 1) {
            throw new BadInputException("--limit must be at least 1, was " + limit);
        }
        if (file != null && !Files.exists(file)) {
            throw new BadInputException("the audit log " + file + " given with --file does not exist; check the path.");
        }
        AuditLog log = file == null ? AuditLog.atDefaultLocation() : new AuditLog(file);
        AuditLog.Recent recent;
        try {
            recent = log.read(limit);
        } catch (IOException e) {
            throw new BadInputException(e.getMessage());
        }
        for (AuditEntry entry : recent.entries()) {
            if (json) {
                out().println(AuditLog.toJson(entry));
            } else {
                printText(entry);
            }
        }
        summary(log, recent);
        return ExitCodes.OK;
    }

    private void printText(AuditEntry entry) {
        String cluster = entry.context().isEmpty()
                ? "no cluster"
                : "context " + entry.context() + ", Kubernetes user "
                        + (entry.kubeUser().isEmpty() ? "unknown" : entry.kubeUser());
        out().println(TIME.format(entry.time().atZone(ZoneId.systemDefault())) + "  " + entry.action() + "  "
                + entry.outcome());
        out().println("    by " + entry.osUser() + " (" + cluster + "), " + entry.digest());
        if (!entry.destination().isEmpty()) {
            out().println("    to " + entry.destination());
        }
        entry.resources().forEach(r -> out().println("    " + r));
    }

    /** Where the log is and how much of it was shown: on stdout for text, on stderr beside JSON. */
    private void summary(AuditLog log, AuditLog.Recent recent) {
        String line = recent.entries().isEmpty()
                ? "The audit log " + log.file()
                        + (recent.skipped() > 0 ? " has no readable entries." : " has no entries.")
                : recent.entries().size() + (recent.entries().size() == 1 ? " entry" : " entries") + " of " + log.file()
                        + ", newest first.";
        if (recent.skipped() > 0) {
            line += " Skipped " + recent.skipped() + " unreadable " + (recent.skipped() == 1 ? "line" : "lines") + ".";
        }
        (json ? err() : out()).println(line);
    }
}
