package dev.trustmap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code trustmap} command: without a subcommand it prints help; {@code test} and {@code simulate} work. */
@Command(
        name = "trustmap",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Decides Istio mTLS and authorization for requests between workloads.",
        subcommands = {
            TestCommand.class,
            SimulateCommand.class,
            GenerateCommand.class,
            DiffCommand.class,
            BenchCommand.class,
            LintCommand.class,
            ReportCommand.class,
            ApplyCommand.class,
            AuditCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (test: all passed; simulate: allowed; diff: nothing observed would break; lint: no error)",
            "1:test: a request did not meet its expectation; simulate: denied; diff: observed traffic would be"
                    + " denied; lint: an error finding; apply: a change was refused or the apply stopped",
            "2:bad input or internal error",
            "3:simulate: conditional",
            "4:apply: the cluster could not be reached or read",
            "Each command's --help lists its own."
        })
public final class TrustmapCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** {@code --debug}: DEBUG logging with stack traces on stderr; accepted by every subcommand. */
    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Log details and stack traces to stderr.")
    void setDebug(boolean debug) {
        if (debug) {
            DebugLogging.enable();
        }
    }

    /** The command line with Trustmap's error handling: internal errors become one line and exit code 2. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new TrustmapCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new InternalErrorHandler());
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        return commandLine;
    }

    /** Runs the command line and returns the exit code. */
    public static int execute(String... args) {
        try {
            return commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            // An Error, so the execution exception handler never sees it: one line, not a stack trace.
            long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            System.err.println("trustmap: out of memory (" + heapMb + " MB heap). Give Java more, e.g."
                    + " java -Xmx4g -jar trustmap.jar ..., or read fewer manifests.");
            return ExitCodes.BAD_INPUT;
        }
    }

    @Override
    public Integer call() {
        // Launcher opens the desktop app when there are no arguments; reaching here means options without a command.
        spec.commandLine().usage(spec.commandLine().getOut());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
