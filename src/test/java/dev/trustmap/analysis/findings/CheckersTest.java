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

    /**
     * More cases: {@code CODE/case} must produce the finding (its message and fix naming the cause), and
     * {@code CODE/case-fixed}, the same manifests with the suggested fix applied, must produce none.
     */
    @ParameterizedTest(name = "{0}/{1}: {4}")
    @CsvSource(
            delimiter = '|',
            value = {
                "TM103 | disable | PeerAuthentication shop/default | spec.mtls.mode | DISABLE mTLS on shop/web"
                        + " | set spec.mtls.mode: STRICT",
                "TM103 | port-level | PeerAuthentication shop/db | spec.portLevelMtls[5432].mode"
                        + " | PERMISSIVE mTLS on shop/db port 5432 | set spec.portLevelMtls[5432].mode: STRICT",
                "TM104 | annotated | Deployment shop/cache | '' | shop/cache has no sidecar"
                        + " | remove its sidecar.istio.io/inject: \"false\" annotation",
                "TM201 | disable | AuthorizationPolicy shop/api | spec.rules[0].from[0].source.principals"
                        + " | PeerAuthentication shop/api sets mTLS DISABLE on the server"
                        + " | set the PeerAuthentication shop/api to STRICT (or PERMISSIVE)",
                "TM201 | no-server-sidecar | AuthorizationPolicy shop/cache | spec.rules[0].from[0].source.principals"
                        + " | selects shop/cache, which runs no sidecar: no AuthorizationPolicy is enforced"
                        + " | inject the sidecar into shop/cache",
                "TM206 | exact | AuthorizationPolicy shop/no-admin | spec.rules[0].to[0].operation.paths"
                        + " | /admin/ and /admin/anything are not denied | paths: [\"/admin\", \"/admin/*\"]",
                "TM206 | sub-paths-only | AuthorizationPolicy shop/no-admin | spec.rules[0].to[0].operation.paths"
                        + " | /admin itself is not denied | paths: [\"/admin\", \"/admin/*\"]",
                "TM207 | no-port | AuthorizationPolicy shop/api | spec.rules[0].to[0].operation.hosts"
                        + " | send Host \"api.shop:8000\" | hosts: [\"api.shop\", \"api.shop:*\"]",
                "TM205 | allow-mixed | AuthorizationPolicy shop/mixed | spec.rules[0].to[0].operation.methods"
                        + " | the callers it names are denied there | ports: [\"8080\"]",
                "TM205 | deny-mixed | AuthorizationPolicy shop/mixed | spec.rules[0].to[0].operation.methods"
                        + " | the DENY rule matches all TCP traffic | ports: [\"8080\"]",
                "TM106 | exclusion | AuthorizationPolicy shop/web | spec.rules[0].from[0].source.notNamespaces"
                        + " | admits every other caller, plaintext ones without identity included"
                        + " | principals: [\"cluster.local/ns/NAMESPACE/sa/ACCOUNT\"]",
            })
    void flagsTheCaseAndNotTheCaseWithTheFixApplied(
            String code, String folder, String resource, String path, String message, String fix) throws Exception {
        Checker checker = CheckerFixtures.checker(code);

        List<Finding> triggered = checker.check(CheckerFixtures.context(code + "/" + folder));
        List<Finding> fixed = checker.check(CheckerFixtures.context(code + "/" + folder + "-fixed"));

        assertThat(triggered).as("findings of %s on %s", code, folder).anySatisfy(f -> {
            assertThat(f.resource()).isEqualTo(resource);
            assertThat(f.path()).isEqualTo(path);
            assertThat(f.message()).contains(message);
            assertThat(f.fix()).contains(fix);
        });
        assertThat(fixed).as("findings of %s on %s-fixed", code, folder).isEmpty();
    }

    @ParameterizedTest(name = "TM205/{0} is {1}")
    @CsvSource({"allow-mixed, WARNING", "deny-mixed, ERROR"})
    void httpFieldsOnTcpAreAWarningInAnAllowThatAlsoCoversHttpAndAnErrorInADeny(String folder, Severity severity)
            throws Exception {
        List<Finding> findings = CheckerFixtures.checker("TM205").check(CheckerFixtures.context("TM205/" + folder));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(severity);
            assertThat(f.message()).contains("TCP port(s) 9000");
            assertThat(f.fix()).contains("ports: [\"8080\"]").doesNotContain("split");
        });
    }

    @Test
    void aDestinationRuleIsFlaggedOnlyWhenSomeClientUsesIt() throws Exception {
        Checker checker = CheckerFixtures.checker("TM209");

        List<Finding> used = checker.check(CheckerFixtures.context("TM209/other-namespace"));
        List<Finding> unused = checker.check(CheckerFixtures.context("TM209/unused"));

        assertThat(used)
                .singleElement()
                .satisfies(f -> assertThat(f.resource()).isEqualTo("DestinationRule default/web-plain"));
        assertThat(unused).isEmpty();
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
