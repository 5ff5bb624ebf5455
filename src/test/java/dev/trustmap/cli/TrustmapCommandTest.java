package dev.trustmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TrustmapCommandTest {

    @Test
    void printsHelpAndExitsZeroWithoutACommand() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: trustmap").contains("test").contains("simulate");
    }

    @Test
    void printsAVersion() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("trustmap ");
    }

    @Test
    void documentsExitCodesInHelp() {
        assertThat(CliRun.of("simulate", "--help").out())
                .contains("Exit codes:")
                .contains("3   conditional");
        assertThat(CliRun.of("test", "--help").out()).contains("Exit codes:");
    }

    @Test
    void rejectsUnknownOptionsWithExitCodeTwo() {
        CliRun run = CliRun.of("test", "--frobnicate", "x.yaml");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("Unknown option: '--frobnicate'");
    }

    @Test
    void turnsUnexpectedExceptionsIntoOneLineAndExitCodeTwo() {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine commandLine = TrustmapCommand.commandLine();
        commandLine.setErr(new java.io.PrintWriter(err));

        int code = new InternalErrorHandler()
                .handleExecutionException(new IllegalStateException("boom"), commandLine, null);

        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString())
                .isEqualTo("trustmap: internal error: boom. Run with --debug for details." + System.lineSeparator());
    }

    @Test
    void acceptsDebugBeforeOrAfterTheSubcommand() {
        assertThat(CliRun.of("--debug", "test", "--help").exitCode()).isZero();
        assertThat(CliRun.of("test", "--debug", "--help").exitCode()).isZero();
    }
}
