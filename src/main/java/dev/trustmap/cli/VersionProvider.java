package dev.trustmap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version from the {@code pom.properties} Maven puts in the jar; "development build" when run from classes. */
public final class VersionProvider implements IVersionProvider {
    private static final String POM_PROPERTIES = "/META-INF/maven/dev.trustmap/trustmap/pom.properties";

    @Override
    public String[] getVersion() throws IOException {
        try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return new String[] {"trustmap (development build)"};
            }
            Properties properties = new Properties();
            properties.load(in);
            return new String[] {"trustmap " + properties.getProperty("version", "unknown")};
        }
    }
}
