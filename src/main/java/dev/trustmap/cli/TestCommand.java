package dev.trustmap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trustmap.source.folder.ManifestException;
import dev.trustmap.source.scenario.RequestOutcome;
import dev.trustmap.source.scenario.Scenario;
import dev.trustmap.source.scenario.ScenarioLoader;
import dev.trustmap.source.scenario.ScenarioRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trustmap test}: runs scenario files and checks every request's verdict against its {@code expect}. */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description = {
            "Runs scenario files and checks each request's verdict against its expect block.",
            "Directories are searched recursively for *.yaml and *.yml files, in path order."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every request passed",
            "1:some request did not meet its expectation",
            "2:a scenario file is bad (reported with file, line and field; the other files still run)"
                    + " or internal error"
        })
final class TestCommand extends BaseCommand {
    private static final Logger LOG = LoggerFactory.getLogger(TestCommand.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Scenario files or directories of them.")
    List<Path> paths;

    @Option(
            names = "--json",
            description = "Print one JSON object per request (JSON Lines); the summary line goes to stderr.")
    boolean json;

    @Override
    protected int run() throws BadInputException {
        ScenarioFiles.Found found = ScenarioFiles.find(paths);
        found.problems().forEach(problem -> err().println("trustmap: " + problem));
        List<Scenario> scenarios = load(found.files());
        int notRun = found.problems().size() + found.files().size() - scenarios.size();
        reportLoad(scenarios);

        int failed = 0;
        int total = 0;
        for (Scenario scenario : scenarios) {
            for (RequestOutcome outcome : ScenarioRunner.run(scenario)) {
                print(outcome);
                total++;
                failed += outcome.pass() ? 0 : 1;
            }
        }
        (json ? err() : out()).println(summary(total - failed, failed, notRun));
        if (notRun > 0) {
            return ExitCodes.BAD_INPUT;
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.MISMATCH_OR_DENY;
    }

    /** Every file that loads; each one that does not is reported as one line on stderr and left out. */
    private List<Scenario> load(List<Path> files) {
        List<Scenario> scenarios = new ArrayList<>();
        for (Path file : files) {
            try {
                scenarios.add(ScenarioLoader.load(file));
            } catch (ManifestException e) {
                LOG.debug("bad scenario file {}", file, e);
                err().println("trustmap: " + e.getMessage());
            }
        }
        return scenarios;
    }

    /** {@code 3 passed, 1 failed}, with {@code , 2 files not run} when some file could not be loaded. */
    static String summary(int passed, int failed, int notRun) {
        String text = passed + " passed, " + failed + " failed";
        if (notRun > 0) {
            text += ", " + notRun + (notRun == 1 ? " file" : " files") + " not run";
        }
        return text;
    }

    private void reportLoad(List<Scenario> scenarios) {
        Map<String, Integer> skipped = new TreeMap<>();
        for (Scenario scenario : scenarios) {
            scenario.skippedKinds().forEach((kind, count) -> skipped.merge(kind, count, Integer::sum));
            scenario.warnings()
                    .forEach(w -> err().println("warning: "
                            + (w.startsWith(scenario.file() + ":") ? "" : scenario.file() + ": ") + w));
        }
        reportSkipped(skipped);
    }

    private void print(RequestOutcome outcome) {
        if (json) {
            out().println(toJson(outcome));
            return;
        }
        out().println((outcome.pass() ? "PASS  " : "FAIL  ") + outcome.name() + "  " + outcome.request() + "  "
                + VerdictFormat.compact(outcome.verdict()));
        outcome.verdict().authz().conditions().forEach(c -> out().println("      condition: " + c));
        if (!outcome.pass()) {
            out().println("      expected " + outcome.expectation().describe() + ": " + outcome.mismatch());
            out().println("      engine:   " + outcome.verdict().authz().reason());
            if (outcome.expectation().reason() != null) {
                out().println("      scenario: " + outcome.expectation().reason());
            }
        }
    }

    private static String toJson(RequestOutcome outcome) {
        ObjectNode node = JSON.createObjectNode();
        node.put("file", outcome.file());
        node.put("index", outcome.index());
        node.put("request", outcome.request());
        node.setAll(VerdictFormat.json(outcome.verdict()));
        node.put("pass", outcome.pass());
        node.set("expected", VerdictFormat.json(outcome.expectation()));
        node.put("mismatch", outcome.mismatch());
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + outcome.name(), e);
        }
    }
}
