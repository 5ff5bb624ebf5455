package dev.trustmap.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EngineTest {
    private static final String ALLOW_GET = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: b-get, namespace: foo}
            spec:
              selector: {matchLabels: {app: b}}
              rules:
                - from: [{source: {principals: ["cluster.local/ns/foo/sa/a"]}}]
                  to: [{operation: {methods: ["GET"]}}]
            """;

    private static final String DENY_ADMIN = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: b-no-admin, namespace: foo}
            spec:
              selector: {matchLabels: {app: b}}
              action: DENY
              rules: [{to: [{operation: {paths: ["/admin*"]}}]}]
            """;

    @Nested
    class PartialRequests {
        @Test
        void edgeWithoutMethodIsConditionalOnTheMethod() {
            Engine engine = new TestMesh()
                    .workload("foo", "a")
                    .workload("foo", "b")
                    .policies(ALLOW_GET)
                    .engine();

            Verdict verdict = engine.evaluate(TestMesh.edge(engine, "foo/a", "foo/b"));

            assertThat(verdict.decision()).isEqualTo(Decision.CONDITIONAL);
            assertThat(verdict.authz().conditions())
                    .anySatisfy(c -> assertThat(c).contains("foo/b-get rule 0").contains("methods [GET]"));
        }

        @Test
        void edgeFromAnUnlistedCallerIsDeniedWhateverTheMethod() {
            Engine engine = new TestMesh()
                    .workload("foo", "a")
                    .workload("foo", "c")
                    .workload("foo", "b")
                    .policies(ALLOW_GET)
                    .engine();

            Verdict verdict = engine.evaluate(TestMesh.edge(engine, "foo/c", "foo/b"));

            assertThat(verdict.decision()).isEqualTo(Decision.DENY);
            assertThat(verdict.authz().reason()).contains("principals").contains("cluster.local/ns/foo/sa/c");
        }

        @Test
        void denyThatMayMatchMakesTheEdgeConditional() {
            Engine engine = new TestMesh()
                    .workload("foo", "a")
                    .workload("foo", "b")
                    .policies(DENY_ADMIN)
                    .engine();

            Verdict verdict = engine.evaluate(TestMesh.edge(engine, "foo/a", "foo/b"));

            assertThat(verdict.decision()).isEqualTo(Decision.CONDITIONAL);
            assertThat(verdict.authz().conditions())
                    .containsExactly("denied by foo/b-no-admin rule 0 if to[0].operation.paths [/admin*]");
        }

        @Test
        void tcpEdgeIsDefiniteBecauseHttpFieldsDoNotApply() {
            Engine engine = new TestMesh()
                    .workload("foo", "a")
                    .workload("foo", "b", true, "tcp")
                    .policies(DENY_ADMIN)
                    .engine();

            Verdict verdict = engine.evaluate(TestMesh.edge(engine, "foo/a", "foo/b"));

            assertThat(verdict.decision()).isEqualTo(Decision.DENY);
            assertThat(verdict.authz().policy()).isEqualTo("foo/b-no-admin");
        }
    }

    @Nested
    class Explanations {
        @Test
        void allowNamesPolicyRuleAndMatchedFields() {
            Engine engine = new TestMesh()
                    .workload("foo", "a")
                    .workload("foo", "b")
                    .policies(ALLOW_GET)
                    .engine();

            Verdict verdict = engine.evaluate(TestMesh.http(engine, "foo/a", "foo/b", "GET", "/x"));

            assertThat(verdict.decision()).isEqualTo(Decision.ALLOW);
            assertThat(verdict.authz().policy()).isEqualTo("foo/b-get");
            assertThat(verdict.authz().rule()).isZero();
            assertThat(verdict.authz().reason()).contains("methods [GET] holds for 'GET'");
        }

        @Test
        void defaultDenyNamesTheFieldThatFailed() {
            Engine engine = new TestMesh()
                    .workload("foo", "a")
                    .workload("foo", "b")
                    .policies(ALLOW_GET)
                    .engine();

            Verdict verdict = engine.evaluate(TestMesh.http(engine, "foo/a", "foo/b", "POST", "/x"));

            assertThat(verdict.decision()).isEqualTo(Decision.DENY);
            assertThat(verdict.httpStatus()).isEqualTo(403);
            assertThat(verdict.authz().reason())
                    .contains("foo/b-get rule 0: to[0].operation.methods [GET] fails for 'POST'");
        }

        @Test
        void connectionNamesPeerAuthenticationAndDestinationRule() {
            Engine engine = new TestMesh()
                    .workload("foo", "a")
                    .workload("foo", "b")
                    .policies("""
                    apiVersion: security.istio.io/v1
                    kind: PeerAuthentication
                    metadata: {name: default, namespace: foo}
                    spec: {mtls: {mode: STRICT}}
                    ---
                    apiVersion: networking.istio.io/v1
                    kind: DestinationRule
                    metadata: {name: b, namespace: foo}
                    spec: {host: b, trafficPolicy: {tls: {mode: DISABLE}}}
                    """)
                    .engine();

            Verdict verdict = engine.evaluate(TestMesh.http(engine, "foo/a", "foo/b", "GET", "/"));

            assertThat(verdict.connection().connection()).isEqualTo(Connection.BROKEN);
            assertThat(verdict.connection().peerAuthentication()).isEqualTo("foo/default");
            assertThat(verdict.connection().destinationRule()).isEqualTo("foo/b");
            assertThat(verdict.httpStatus()).isEqualTo(503);
        }
    }

    @Nested
    class Robustness {
        @Test
        void nullRuleIsSkippedNotACrash() {
            Engine engine = new TestMesh()
                    .workload("foo", "a")
                    .workload("foo", "b")
                    .policies("""
                    apiVersion: security.istio.io/v1
                    kind: AuthorizationPolicy
                    metadata: {name: b, namespace: foo}
                    spec:
                      selector: {matchLabels: {app: b}}
                      rules: [null, {from: [null]}]
                    """)
                    .engine();

            Verdict verdict = engine.evaluate(TestMesh.http(engine, "foo/a", "foo/b", "GET", "/"));

            assertThat(verdict.decision()).isEqualTo(Decision.DENY);
            assertThat(verdict.authz().reason())
                    .contains("rule 0: rule is skipped")
                    .contains("has no source");
        }

        @Test
        void podIpDiallingTakesTheProtocolOfTheServicePortTargetingIt() {
            Engine engine = new TestMesh()
                    .workload("foo", "a")
                    .workload("foo", "b")
                    .policies(ALLOW_GET)
                    .engine();
            Request edge = TestMesh.edge(engine, "foo/a", "foo/b");
            Request viaPodIp =
                    new Request(edge.from(), edge.to(), null, 8080, null, null, null, null, null, Jwt.none());

            Verdict verdict = engine.evaluate(viaPodIp);

            assertThat(engine.protocol(viaPodIp)).isEqualTo(dev.trustmap.mesh.Protocol.HTTP);
            assertThat(verdict.connection().connection()).isEqualTo(Connection.PLAINTEXT);
            assertThat(verdict.authz().reason())
                    .contains("no mTLS peer identity")
                    .doesNotContain("TCP");
        }
    }

    @Nested
    class NearMisses {
        @Test
        void allowedRequestsSayWhyEachDenyRuleMissed() {
            Engine engine = new TestMesh()
                    .workload("foo", "a")
                    .workload("foo", "b")
                    .policies(DENY_ADMIN)
                    .engine();

            Verdict verdict = engine.evaluate(TestMesh.http(engine, "foo/a", "foo/b", "GET", "/public"));

            assertThat(verdict.decision()).isEqualTo(Decision.ALLOW);
            assertThat(verdict.authz().reason())
                    .contains("DENY foo/b-no-admin rule 0 does not match: to[0].operation.paths [/admin*] fails for"
                            + " '/public'");
        }

        @Test
        void conditionFailuresNameTheirKey() {
            Engine engine = new TestMesh()
                    .workload("foo", "a")
                    .workload("foo", "b")
                    .policies("""
                    apiVersion: security.istio.io/v1
                    kind: AuthorizationPolicy
                    metadata: {name: b, namespace: foo}
                    spec:
                      selector: {matchLabels: {app: b}}
                      rules: [{when: [{key: "request.headers[x-team]", values: [blue]}]}]
                    """)
                    .engine();

            Verdict verdict = engine.evaluate(TestMesh.http(engine, "foo/a", "foo/b", "GET", "/"));

            assertThat(verdict.authz().reason()).contains("when[0].values (request.headers[x-team]) [blue] fails");
        }
    }
}
