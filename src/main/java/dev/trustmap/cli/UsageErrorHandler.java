package dev.trustmap.cli;

import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * A bad command line (unknown option, bad value, missing argument) becomes one line naming the problem and one
 * pointing at the command's help, instead of the whole usage text; the exit code is {@link ExitCodes#BAD_INPUT}.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(UsageErrorHandler.class);

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        LOG.debug("bad command line", ex);
        CommandLine commandLine = ex.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("trustmap: " + ex.getMessage());
        err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }
}
