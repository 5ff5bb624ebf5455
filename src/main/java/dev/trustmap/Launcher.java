package dev.trustmap;

import dev.trustmap.cli.TrustmapCommand;
import dev.trustmap.ui.cluster.ClusterStart;
import dev.trustmap.ui.main.TrustmapApp;
import javafx.application.Application;

/**
 * Entry point. With no arguments (or only {@code --context NAME} and {@code --kubeconfig PATH}) it opens the desktop
 * app; with other arguments it runs the {@code trustmap} command line
 * and exits with its code. It does not extend {@code Application}, so the JavaFX jars work from the classpath.
 */
public final class Launcher {
    private Launcher() {}

    /** Opens the window, or runs {@code trustmap} with the given arguments. */
    public static void main(String[] args) {
        if (args.length == 0 || ClusterStart.isAppStart(args)) {
            Application.launch(TrustmapApp.class, args);
            return;
        }
        System.exit(TrustmapCommand.execute(args));
    }
}
