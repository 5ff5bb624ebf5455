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
    void answersABadOptionWithOneLineAndWhereTheHelpIs() {
        CliRun bogus = CliRun.of("simulate", "--manifests", "m", "--from", "a/b", "--to", "a/b:80", "--bogus");
        CliRun protocol =
                CliRun.of("simulate", "--manifests", "m", "--from", "a/b", "--to", "a/b:80", "--protocol", "UDP");

        assertThat(bogus.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bogus.err().lines().toList())
                .hasSize(2)
                .first()
                .asString()
                .startsWith("trustmap: Unknown option: '--bogus'");
        assertThat(protocol.err().lines().toList())
                .containsExactly(
                        "trustmap: Invalid value for option '--protocol': expected one of [HTTP, GRPC, TCP]"
                                + " (case-insensitive) but was 'UDP'",
                        "Run 'trustmap simulate --help' for usage.");
    }

    @Test
    void wrapsSimulateHelpAsParagraphs() {
        String help = CliRun.of("simulate", "--help").out().replace(System.lineSeparator(), "\n");

        assertThat(help)
                .contains("unknown: the\ndecision may then be CONDITIONAL")
                .doesNotContain("decision may then\nbe")
                .doesNotContain("request carries\nno JWT");
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
