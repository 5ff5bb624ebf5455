package dev.trustmap.cli;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.analysis.findings.Finding;
import dev.trustmap.analysis.findings.FindingValidator;
import dev.trustmap.analysis.findings.MeshContext;
import dev.trustmap.analysis.workspace.AuditLog;
import dev.trustmap.engine.Engine;
import dev.trustmap.export.report.AuditExcerpt;
import dev.trustmap.export.report.HtmlReport;
import dev.trustmap.export.report.LocatedManifests;
import dev.trustmap.export.report.ReportInput;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.source.folder.ManifestException;
import dev.trustmap.text.IoReasons;
import dev.trustmap.text.Plural;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trustmap report}: a self-contained HTML report of a mesh for auditors. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a self-contained HTML report: the service graph, mTLS and policy coverage, findings, every"
                    + " observed edge with its verdict and deciding policy, and recent audit-log entries."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report written", "2:bad input or internal error"})
final class ReportCommand extends BaseCommand {

    @Mixin
    MeshInput input;

    @Option(
            names = "--audit-log",
            paramLabel = "FILE",
            description = "The audit log (JSON lines) whose last 20 entries the report shows;"
                    + " default: audit.jsonl in the Trustmap folder (~/.trustmap).")
    Path auditLog;

    @Option(
            names = {"-o", "--output"},
            required = true,
            description = "The HTML file to write.")
    Path output;

    @Override
    protected int run() throws ManifestException, BadInputException {
        LocatedManifests manifests = input.load();
        reportSkipped(input.skippedKinds(manifests));
        Engine engine = Engine.of(manifests.mesh().snapshot());
        ObservedTraffic observed = input.traffic(engine);
        observed.warnUnresolved(err(), engine.snapshot(), "");
        Traffic traffic = observed.traffic();
        List<Finding> findings = new FindingValidator().validate(MeshContext.of(engine, traffic));
        String title = input.title();
        Assessment assessment = Assessment.of(engine, traffic);
        ReportInput report = new ReportInput(title, engine, assessment, findings, audit(), null, Instant.now());
        write(HtmlReport.render(report));
        out().println("wrote " + output + ": " + Plural.of(findings.size(), "finding") + ", "
                + Plural.of(assessment.edges().size(), "observed edge")
                + (assessment.unresolved().isEmpty()
                        ? ""
                        : " (" + assessment.unresolved().size() + " left out)"));
        return ExitCodes.OK;
    }

    private AuditExcerpt audit() throws BadInputException {
        if (auditLog == null) {
            return AuditExcerpt.of(AuditLog.atDefaultLocation());
        }
        if (Files.isDirectory(auditLog)) {
            throw new BadInputException(auditLog + " is a folder; name the audit log file in it, e.g. --audit-log "
                    + auditLog.resolve("audit.jsonl"));
        }
        if (!Files.isRegularFile(auditLog)) {
            throw new BadInputException(auditLog + ": no such audit log; name the audit.jsonl file or leave out"
                    + " --audit-log to use the one in the Trustmap folder");
        }
        AuditExcerpt excerpt = AuditExcerpt.of(new AuditLog(auditLog));
        if (excerpt.problem() != null) {
            throw new BadInputException(excerpt.problem());
        }
        return excerpt;
    }

    private void write(String html) throws BadInputException {
        if (output.toString().isBlank()) {
            throw new BadInputException("-o is empty; give the report's file name, e.g. -o report.html");
        }
        if (Files.isDirectory(output)) {
            throw new BadInputException(
                    output + " is a folder; give the report's file name, e.g. -o " + output.resolve("report.html"));
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new BadInputException(
                    output + ": the folder " + parent + " does not exist; create it first or choose another file");
        }
        try {
            Files.writeString(output, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(
                    output + ": cannot be written (" + IoReasons.of(e, output) + "); choose a file you can write to");
        }
    }
}
