package dev.trustmap.istio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StringMatchTest {
    @Nested
    class Wildcards {
        @Test
        void presenceNeedsANonEmptyValue() {
            assertThat(StringMatch.of("*").matches("x")).isTrue();
            assertThat(StringMatch.of("*").matches("")).isFalse();
            assertThat(StringMatch.of("*").matches(null)).isFalse();
        }

        @Test
        void prefixAndSuffix() {
            assertThat(StringMatch.of("/api/*").matches("/api/v1")).isTrue();
            assertThat(StringMatch.of("/api/*").matches("/api")).isFalse();
            assertThat(StringMatch.of("*.png").matches("/a/b.png")).isTrue();
        }

        @Test
        void starInTheMiddleIsLiteral() {
            assertThat(StringMatch.of("a*b").matches("axb")).isFalse();
            assertThat(StringMatch.of("a*b*").matches("a*bc")).isTrue();
        }

        @Test
        void hostsIgnoreCase() {
            assertThat(StringMatch.ignoringCase("*.Example.COM").matches("shop.example.com"))
                    .isTrue();
            assertThat(StringMatch.of("GET").matches("get")).isFalse();
        }
    }

    @Nested
    class PathTemplates {
        @Test
        void singleSegment() {
            StringMatch match = StringMatch.path("/api/{*}/items");
            assertThat(match.matches("/api/v1/items")).isTrue();
            assertThat(match.matches("/api/v1/v2/items")).isFalse();
            assertThat(match.matches("/api//items")).isFalse();
        }

        @Test
        void manySegments() {
            assertThat(StringMatch.path("/files/{**}").matches("/files/a/b/c")).isTrue();
        }

        @Test
        void regexCharactersAreLiteral() {
            assertThat(StringMatch.path("/a.b/{*}").matches("/axb/c")).isFalse();
        }
    }

    @Nested
    class IpBlocks {
        @Test
        void cidrAndSingleAddress() {
            assertThat(IpMatch.parse("10.1.0.0/16").matches("10.1.200.3")).isTrue();
            assertThat(IpMatch.parse("10.1.0.0/16").matches("10.2.0.1")).isFalse();
            assertThat(IpMatch.parse("10.1.0.11").matches("10.1.0.11")).isTrue();
            assertThat(IpMatch.parse("2001:db8::/32").matches("2001:db8::1")).isTrue();
            assertThat(IpMatch.parse("10.0.0.0/8").matches("2001:db8::1")).isFalse();
        }

        @Test
        void rejectsHostNames() {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> IpMatch.parse("example.com"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
