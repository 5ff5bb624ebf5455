package dev.trustmap.cli;

import dev.trustmap.analysis.findings.Finding;
import dev.trustmap.analysis.findings.FindingValidator;
import dev.trustmap.analysis.findings.MeshContext;
import dev.trustmap.analysis.findings.Severity;
import dev.trustmap.engine.Engine;
import dev.trustmap.export.report.FindingsOutput;
import dev.trustmap.export.report.LocatedManifests;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.source.folder.ManifestException;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trustmap lint}: zero-trust gaps and misconfigurations of a folder of manifests, as text, JSON or SARIF. */
@Command(
        name = "lint",
        mixinStandardHelpOptions = true,
        description = {
            "Lists zero-trust gaps and policy misconfigurations, each with a code, severity, resource, path, message"
                    + " and fix.",
            "With --traffic, callers are the observed ones; without, every workload the policies let through."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors (warnings allowed)", "1:some finding is an error", "2:bad input or internal error"
        })
final class LintCommand extends BaseCommand {

    /** Output formats. */
    enum Format {
        TEXT,
        JSON,
        SARIF
    }

    @Mixin
    MeshInput input;

    @Option(names = "--format", description = "text, json or sarif (default: ${DEFAULT-VALUE}).")
    Format format = Format.TEXT;

    @Option(
            names = "--min-severity",
            description = "Leave out findings below: error, warning or info (default: ${DEFAULT-VALUE}).")
    Severity minSeverity = Severity.INFO;

    @Override
    protected int run() throws ManifestException, BadInputException {
        LocatedManifests manifests = input.load();
        reportSkipped(input.skippedKinds(manifests));
        Engine engine = Engine.of(manifests.mesh().snapshot());
        ObservedTraffic observed = input.traffic(engine);
        observed.warnUnresolved(err(), engine.snapshot(), "");
        Traffic traffic = observed.traffic();
        FindingValidator validator = new FindingValidator();
        List<Finding> findings = validator.validate(MeshContext.of(engine, traffic)).stream()
                .filter(f -> f.severity().atLeast(minSeverity))
                .toList();
        switch (format) {
            case JSON -> out().println(FindingsOutput.json(findings, (Finding f) -> manifests.locate(f)));
            case SARIF ->
                out().println(FindingsOutput.sarif(
                        findings, validator.checkers(), version(), (Finding f) -> manifests.locate(f)));
            default -> out().print(FindingsOutput.text(findings, (Finding f) -> manifests.locate(f)));
        }
        if (format != Format.TEXT) {
            err().println(FindingsOutput.summary(findings));
        }
        boolean errors = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        return errors ? ExitCodes.MISMATCH_OR_DENY : ExitCodes.OK;
    }

    private static String version() {
        try {
            return new VersionProvider().getVersion()[0].replace("trustmap ", "");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
