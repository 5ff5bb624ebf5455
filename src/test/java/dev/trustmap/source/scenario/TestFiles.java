package dev.trustmap.source.scenario;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Paths of test resources. */
public final class TestFiles {
    private TestFiles() {}

    /** The path of a classpath resource such as {@code /scenarios/shared}. */
    public static Path resource(String name) {
        URL url = TestFiles.class.getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
