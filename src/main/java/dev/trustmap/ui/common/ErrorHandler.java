package dev.trustmap.ui.common;

import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The last resort for errors nobody handled: logs them once and shows the error dialog. */
public final class ErrorHandler implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    private final DialogService dialogs;
    private final Messages messages;

    public ErrorHandler(DialogService dialogs, Messages messages) {
        this.dialogs = dialogs;
        this.messages = messages;
    }

    /** Makes this the handler of every thread, the FX thread included. */
    public void install() {
        Thread.setDefaultUncaughtExceptionHandler(this);
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        handle(error);
    }

    /** Logs the error and shows it; callable from any thread. */
    public void handle(Throwable error) {
        LOG.error("unexpected error", error);
        Runnable show = () -> dialogs.showError(messages.get("error.unexpected.title"), describe(error), error);
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            Platform.runLater(show);
        }
    }

    private String describe(Throwable error) {
        String text = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return messages.get("error.unexpected.message", text);
    }
}
