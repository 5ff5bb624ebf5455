package dev.trustmap.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.mesh.MeshConfig.PathNormalization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathNormalizerTest {
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "NONE, /a/../b?x=1, /a/../b",
        "BASE, /a/../b?x=1, /b",
        "BASE, /a/./b/, /a/b/",
        "BASE, /%61dmin, /admin",
        "BASE, /a%2fb, /a%2Fb",
        "BASE, '\\admin', /admin",
        "BASE, //admin, //admin",
        "BASE, /../../x, /x",
        "MERGE_SLASHES, //admin//x, /admin/x",
        "DECODE_AND_MERGE_SLASHES, /a%2F%2fb, /a/b",
        "BASE, /x#frag, /x",
    })
    void normalizesLikeTheProxy(PathNormalization mode, String raw, String expected) {
        assertThat(PathNormalizer.normalize(raw, mode)).isEqualTo(expected);
    }
}
