package dev.trustmap.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an unexpected exception into one line on stderr and {@link ExitCodes#BAD_INPUT}; the stack trace goes to
 * the log at DEBUG, which {@code --debug} shows.
 */
public final class InternalErrorHandler implements IExecutionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(InternalErrorHandler.class);

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        LOG.debug("internal error", ex);
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        commandLine.getErr().println("trustmap: internal error: " + message + ". Run with --debug for details.");
        commandLine.getErr().flush();
        return ExitCodes.BAD_INPUT;
    }
}
