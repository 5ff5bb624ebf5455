package dev.trustmap.analysis.workspace;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The user's Trustmap folder: the JVM property {@code trustmap.home}, else {@code .trustmap} in the home folder. The
 * home folder is the {@code HOME} environment variable when set, as kubectl and fabric8 find {@code ~/.kube/config},
 * else the JVM's {@code user.home}; so {@code HOME=/tmp/x trustmap apply} reads and writes under one home.
 */
public final class TrustmapFolder {
    /** The JVM property that moves the folder (tests point it at a temporary one). */
    public static final String PROPERTY = "trustmap.home";

    private TrustmapFolder() {}

    /** The folder (it may not exist yet). */
    public static Path path() {
        return path(System::getProperty, System::getenv);
    }

    /** The folder as the given JVM properties and environment variables place it. */
    static Path path(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String folder = properties.apply(PROPERTY);
        if (folder != null && !folder.isBlank()) {
            return Path.of(folder);
        }

        String home = environment.apply("HOME");
        if (home == null || home.isBlank()) {
            home = properties.apply("user.home");
        }
        return Path.of(home, ".trustmap");
    }
}
