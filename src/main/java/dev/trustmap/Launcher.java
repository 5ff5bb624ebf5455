package dev.trustmap;

import dev.trustmap.cli.TrustmapCommand;

/** Entry point: runs the {@code trustmap} command line and exits with its code. */
public final class Launcher {
    private Launcher() {}

    /** Runs {@code trustmap} with the given arguments. */
    public static void main(String[] args) {
        System.exit(TrustmapCommand.execute(args));
    }
}
