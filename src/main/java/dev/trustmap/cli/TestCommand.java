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
            "2:bad input (a scenario file names the file, line and field) or internal error"
        })
final class TestCommand extends BaseCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Scenario files or directories of them.")
    List<Path> paths;

    @Option(
            names = "--json",
            description = "Print one JSON object per request (JSON Lines); the summary line goes to stderr.")
    boolean json;

    @Override
    protected int run() throws ManifestException, BadInputException {
        List<Scenario> scenarios = new ArrayList<>();
        for (Path file : ScenarioFiles.find(paths)) {
            scenarios.add(ScenarioLoader.load(file));
        }
        reportLoad(scenarios);

        int passed = 0;
        int failed = 0;
        for (Scenario scenario : scenarios) {
            for (RequestOutcome outcome : ScenarioRunner.run(scenario)) {
                print(outcome);
                if (outcome.pass()) {
                    passed++;
                } else {
                    failed++;
                }
            }
        }
        (json ? err() : out()).println(passed + " passed, " + failed + " failed");
        return failed == 0 ? ExitCodes.OK : ExitCodes.MISMATCH_OR_DENY;
    }

    private void reportLoad(List<Scenario> scenarios) {
        Map<String, Integer> skipped = new TreeMap<>();
        for (Scenario scenario : scenarios) {
            scenario.skippedKinds().forEach((kind, count) -> skipped.merge(kind, count, Integer::sum));
            scenario.warnings().forEach(w -> err().println("warning: " + scenario.file() + ": " + w));
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
