package dev.trustmap.cli;

import dev.trustmap.source.folder.ManifestException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Shared shape of the subcommands: output through picocli's writers (so tests can capture it) and bad input
 * turned into one line on stderr and {@link ExitCodes#BAD_INPUT}.
 */
abstract class BaseCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(BaseCommand.class);

    @Spec
    CommandSpec spec;

    /** The command's work; returns the exit code. */
    protected abstract int run() throws ManifestException, BadInputException;

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (ManifestException | BadInputException e) {
            LOG.debug("bad input", e);
            err().println("trustmap: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        } finally {
            out().flush();
            err().flush();
        }
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Reports skipped objects as one warning line: {@code warning: skipped 3 objects of unknown kinds: VirtualService
     * ×2, ...}.
     */
    protected void reportSkipped(Map<String, Integer> skippedKinds) {
        if (skippedKinds.isEmpty()) {
            return;
        }
        int total = skippedKinds.values().stream().mapToInt(Integer::intValue).sum();
        String kinds = skippedKinds.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + " ×" + e.getValue())
                .collect(Collectors.joining(", "));
        err().println("warning: skipped " + total + (total == 1 ? " object" : " objects") + " of unknown kinds: "
                + kinds);
    }
}
