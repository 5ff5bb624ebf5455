package dev.trustmap.analysis.workspace;

import java.nio.file.Path;

/** The user's Trustmap folder: the JVM property {@code trustmap.home}, else {@code ~/.trustmap}. */
public final class TrustmapFolder {
    /** The JVM property that moves the folder (tests point it at a temporary one). */
    public static final String PROPERTY = "trustmap.home";

    private TrustmapFolder() {}

    /** The folder (it may not exist yet). */
    public static Path path() {
        String home = System.getProperty(PROPERTY);
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        return Path.of(System.getProperty("user.home"), ".trustmap");
    }
}
