package dev.trustmap.analysis.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every checker against two fixtures under {@code findings/CODE/}: {@code trigger} (a manifest that must produce the
 * finding named here) and {@code clean} (the same intent written correctly, which must produce none).
 */
class CheckersTest {

    @ParameterizedTest(name = "{0} flags {1} {2}")
    @CsvSource({
        "TM101, Namespace shop, ''",
        "TM102, Deployment shop/web, ''",
        "TM103, PeerAuthentication shop/default, spec.mtls.mode",
        "TM104, Deployment legacy/batch, ''",
        "TM105, Deployment shop/web, ''",
        "TM106, AuthorizationPolicy shop/web, spec.rules[0].from[0].source.namespaces",
        "TM107, AuthorizationPolicy shop/web, spec.rules[0]",
        "TM201, AuthorizationPolicy shop/web, spec.rules[0].from[0].source.principals",
        "TM202, PeerAuthentication istio-system/web, spec.selector",
        "TM203, AuthorizationPolicy shop/web, spec.selector.matchLabels",
        "TM204, AuthorizationPolicy shop/web, spec.selector.matchExpressions",
        "TM205, AuthorizationPolicy shop/db, spec.rules[0].to[0].operation.methods",
        "TM206, AuthorizationPolicy shop/no-admin, spec.rules[0].to[0].operation.notPaths",
        "TM207, AuthorizationPolicy shop/api, spec.rules[0].to[0].operation.hosts",
        "TM208, PeerAuthentication shop/web, spec.portLevelMtls[80]",
        "TM209, DestinationRule shop/web, spec.trafficPolicy.tls.mode",
        "TM210, AuthorizationPolicy istio-system/allow-nothing, spec",
        "TM211, AuthorizationPolicy shop/web, spec.targetRefs[0]",
        "TM212, AuthorizationPolicy shop/web, spec.rules[0].from[0].source.principals",
        "TM213, PeerAuthentication shop/permissive, ''",
        "TM214, AuthorizationPolicy shop/deny-nothing, spec.rules",
        "TM215, AuthorizationPolicy shop/no-deletes, spec.rules[0].to[0].operation.methods",
    })
    void flagsTheTriggerAndNotTheCleanFixture(String code, String resource, String path) throws Exception {
        Checker checker = CheckerFixtures.checker(code);

        List<Finding> triggered = checker.check(CheckerFixtures.context(code + "/trigger"));
        List<Finding> clean = checker.check(CheckerFixtures.context(code + "/clean"));

        assertThat(triggered).as("findings of %s on its trigger fixture", code).anySatisfy(f -> {
            assertThat(f.code()).isEqualTo(code);
            assertThat(f.resource()).isEqualTo(resource);
            assertThat(f.path()).isEqualTo(path);
            assertThat(f.message()).isNotBlank();
            assertThat(f.fix()).isNotBlank();
        });
        assertThat(clean).as("findings of %s on its clean fixture", code).isEmpty();
    }

    @Test
    void aCallerWithoutSidecarNamedByPrincipalIsFlaggedWhenTheServerIsStrictToo() throws Exception {
        List<Finding> strict = CheckerFixtures.checker("TM201").check(CheckerFixtures.context("TM201/strict"));

        assertThat(strict).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("AuthorizationPolicy shop/web");
            assertThat(f.message()).contains("cannot present mTLS").contains("legacy/batch -> shop/web");
        });
    }

    @Test
    void competingPeerAuthenticationsWithoutCreationTimesDoNotClaimAWinner() throws Exception {
        List<Finding> dated = CheckerFixtures.checker("TM213").check(CheckerFixtures.context("TM213/trigger"));
        List<Finding> undated = CheckerFixtures.checker("TM213").check(CheckerFixtures.context("TM213/undated"));

        assertThat(dated)
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .contains("(namespace-wide)")
                        .contains("Istio applies only the oldest, shop/default (STRICT)")
                        .contains("so this one's PERMISSIVE is ignored"));
        assertThat(undated)
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .contains("the manifests give no creation time to tell which")
                        .doesNotContain("is ignored"));
    }
}
