package dev.trustmap.analysis.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TrustmapFolderTest {
    private static UnaryOperator<String> of(Map<String, String> values) {
        return values::get;
    }

    @Test
    void theTrustmapHomePropertyComesFirst() {
        Path folder = TrustmapFolder.path(
                of(Map.of(TrustmapFolder.PROPERTY, "/srv/tm", "user.home", "/root")), of(Map.of("HOME", "/tmp/x")));

        assertThat(folder).isEqualTo(Path.of("/srv/tm"));
    }

    @Test
    void followsTheHomeVariableLikeTheKubeconfigLookup() {
        Path folder = TrustmapFolder.path(of(Map.of("user.home", "/root")), of(Map.of("HOME", "/tmp/x")));

        assertThat(folder).isEqualTo(Path.of("/tmp/x", ".trustmap"));
    }

    @Test
    void aBlankPropertyOrHomeFallsThroughToUserHome() {
        Path folder = TrustmapFolder.path(
                of(Map.of(TrustmapFolder.PROPERTY, " ", "user.home", "/root")), of(Map.of("HOME", "  ")));

        assertThat(folder).isEqualTo(Path.of("/root", ".trustmap"));
    }

    @Test
    void withoutHomeUsesUserHome() {
        Path folder = TrustmapFolder.path(of(Map.of("user.home", "/home/alice")), of(Map.of()));

        assertThat(folder).isEqualTo(Path.of("/home/alice", ".trustmap"));
    }
}
