package dev.trustmap.analysis.breach;

import static dev.trustmap.analysis.breach.BreachMesh.allowNothing;
import static dev.trustmap.analysis.breach.BreachMesh.workload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.engine.Connection;
import dev.trustmap.engine.Engine;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AttackProbesTest {
    private static final String A = "cluster.local/ns/t/sa/a";

    /** An ALLOW on t/b for t/a's principal with the given {@code to.operation} fields. */
    private static String allowB(String name, String operation) {
        return "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: " + name
                + ", namespace: t}\nspec:\n  selector: {matchLabels: {app: b}}\n  rules:\n"
                + "  - from: [{source: {principals: [" + A + "]}}]\n    to: [{operation: " + operation + "}]\n";
    }

    private static String strict(String app) {
        return "apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: " + app
                + "-strict, namespace: t}\nspec:\n  selector: {matchLabels: {app: " + app + "}}\n"
                + "  mtls: {mode: STRICT}\n";
    }

    /**
     * t/a is compromised. t/b admits t/a for GET on /api/* only (PERMISSIVE: a plaintext attempt is possible); t/c is
     * STRICT and admits nobody; open/x has no policy.
     */
    private static Engine pathRestricted() {
        return new BreachMesh()
                .workload("t/a")
                .workload("t/b")
                .workload("t/c")
                .workload("open/x")
                .policies(allowNothing("t"))
                .policies(allowB("b-api", "{methods: [GET], paths: [\"/api/*\"]}"))
                .policies(strict("c"))
                .engine();
    }

    private static List<String> lines(List<ProbeResult> results) {
        return results.stream()
                .map(r -> (r.passed() ? "pass " : "blocked ") + r.probe().describe())
                .toList();
    }

    @Nested
    class PathRestrictedAllow {
        private final Engine engine = pathRestricted();
        private final List<ProbeResult> results =
                AttackProbes.run(engine, AttackProbes.plan(engine, workload(engine, "t/a")));

        @Test
        void theAllowedPathPassesAndAnotherPathIsBlocked() {
            assertThat(lines(results))
                    .containsExactly(
                            "pass GET /api/probe -> t/b via b:80",
                            "blocked GET / -> t/b via b:80",
                            "blocked GET /api/probe -> t/b (plaintext, pod IP:8080)",
                            "blocked GET / -> t/c via c:80",
                            "pass GET / -> open/x via x:80",
                            "pass GET / -> open/x (plaintext, pod IP:8080)");
        }

        @Test
        void namesTheRuleThatSuggestedAndTheOneThatDecidedEachProbe() {
            ProbeResult api = results.get(0);
            assertThat(api.probe().origin()).isEqualTo("t/b-api[rule 0]");
            assertThat(api.decidedBy()).isEqualTo("t/b-api[rule 0] (ALLOW)");
            assertThat(api.status()).isEqualTo(200);
            assertThat(api.probe().route()).isEqualTo("t/a -> t/b:80");
            assertThat(results.get(1).probe().origin()).isEqualTo(AttackProbes.GET_ROOT);
            assertThat(results.get(1).status()).isEqualTo(403);
            assertThat(results.get(4).decidedBy()).isEqualTo("no policy");
        }

        @Test
        void thePlaintextAttemptCarriesNoIdentity() {
            ProbeResult plaintext = results.get(2);
            assertThat(plaintext.probe().plaintext()).isTrue();
            assertThat(plaintext.verdict().connection().connection()).isEqualTo(Connection.PLAINTEXT);
            assertThat(plaintext.probe().route()).isEqualTo("t/a -> t/b:80");
        }

        @Test
        void theSameProbesAgainstADraftThatDropsTheAllow() {
            Engine draft = new BreachMesh()
                    .workload("t/a")
                    .workload("t/b")
                    .workload("t/c")
                    .workload("open/x")
                    .policies(allowNothing("t"))
                    .policies(strict("c"))
                    .engine();
            List<Probe> probes = results.stream().map(ProbeResult::probe).toList();

            List<ProbeResult> drafted = AttackProbes.run(draft, probes);

            assertThat(drafted.get(0).passed()).isFalse();
            assertThat(drafted.get(4).passed()).isTrue();
        }
    }

    @Test
    void triesEveryNamedValueOnceAndAvoidsNegatedOnes() {
        Engine engine = new BreachMesh()
                .workload("t/a")
                .workload("t/b")
                .policies(allowB("b-multi", "{methods: [GET, POST], paths: [/a, /b, /c]}"))
                .policies(allowB("b-not", "{notPaths: [\"/*\"]}"))
                .policies(allowB("b-other-port", "{ports: [\"9090\"], paths: [/metrics]}"))
                .engine();

        List<Probe> probes = AttackProbes.plan(engine, workload(engine, "t/a"));

        assertThat(probes.stream().filter(p -> !p.plaintext()).map(Probe::describe))
                .containsExactly(
                        "GET /a -> t/b via b:80",
                        "POST /b -> t/b via b:80",
                        "GET /c -> t/b via b:80",
                        "GET / -> t/b via b:80");
    }

    @Test
    void aTcpPortGetsOneConnection() {
        Engine engine = new BreachMesh()
                .workload("t/a")
                .tcpWorkload("t/db")
                .policies(strict("db"))
                .engine();

        List<Probe> probes = AttackProbes.plan(engine, workload(engine, "t/a"));

        assertThat(probes).singleElement().satisfies(p -> {
            assertThat(p.tcp()).isTrue();
            assertThat(p.origin()).isEqualTo("TCP");
            assertThat(p.describe()).isEqualTo("TCP -> t/db via db:5432");
        });
    }
}
