package dev.trustmap.cli;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;

/** Switches Trustmap's own loggers to DEBUG (with stack traces) for {@code --debug}. */
final class DebugLogging {
    private DebugLogging() {}

    static void enable() {
        if (LoggerFactory.getLogger("dev.trustmap") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(Level.DEBUG);
        }
    }
}
