package dev.trustmap.export.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FindingsOutputTest {

    @Test
    void sarifUrisAreFileUrisForAbsolutePathsAndEncodedReferencesOtherwise() {
        Path absolute = Path.of("/tmp/g#1/my manifests.yaml").toAbsolutePath();

        assertThat(FindingsOutput.uri(absolute.toString()))
                .startsWith("file:///")
                .endsWith("/g%231/my%20manifests.yaml");
        assertThat(FindingsOutput.uri("lab/messaging.yaml")).isEqualTo("lab/messaging.yaml");
        assertThat(FindingsOutput.uri("g#1/extra.yaml")).isEqualTo("g%231/extra.yaml");
    }
}
