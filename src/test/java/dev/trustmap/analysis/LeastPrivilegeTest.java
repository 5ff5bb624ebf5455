package dev.trustmap.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.analysis.LeastPrivilegeReport.Destination;
import dev.trustmap.analysis.LeastPrivilegeReport.Gap;
import dev.trustmap.analysis.LeastPrivilegeReport.GapKind;
import dev.trustmap.engine.Engine;
import dev.trustmap.export.report.LabTraffic;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.source.lab.Lab;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What a least-privilege draft of the lab covers and reports, option by option. */
class LeastPrivilegeTest {
    private static final Engine LAB = Engine.of(Lab.load().snapshot());
    private static final Traffic TRAFFIC = LabTraffic.simulate(LAB, 20, Instant.parse("2026-01-01T00:00:00Z"));

    private static LeastPrivilege.Result generate(LeastPrivilege.Options options) {
        return LeastPrivilege.generate(LAB, TRAFFIC, options);
    }

    private static LeastPrivilege.Options namespaces(String... names) {
        return new LeastPrivilege.Options(Set.of(names), false);
    }

    private static Destination destination(LeastPrivilege.Result result, String workload) {
        return result.destinations().stream()
                .filter(d -> d.workload().equals(workload))
                .findFirst()
                .orElseThrow();
    }

    private static List<Gap> gaps(LeastPrivilege.Result result, GapKind kind) {
        return result.gaps().stream().filter(g -> g.kind() == kind).toList();
    }

    @Nested
    class Report {
        @Test
        void namesEachDestinationsAllowAndItsCallers() {
            LeastPrivilege.Result result = generate(namespaces("payments"));

            Destination ledger = destination(result, "payments/ledger");
            assertThat(ledger.allow()).isEqualTo("trustmap-allow-ledger");
            assertThat(ledger.callers())
                    .anySatisfy(c -> {
                        assertThat(c.sources()).containsExactly("payments/payments");
                        assertThat(c.principal()).isEqualTo("cluster.local/ns/payments/sa/payments");
                        assertThat(c.methods()).containsExactly("POST");
                        assertThat(c.paths()).containsExactly("/v1/entries");
                    })
                    .anySatisfy(c -> assertThat(c.sources()).containsExactly("analytics/reporting"));
            assertThat(result.destinations())
                    .allSatisfy(d -> assertThat(d.workload()).startsWith("payments/"));
        }

        @Test
        void reportsTrafficDeniedNowAsNotGranted() {
            LeastPrivilege.Result result = generate(namespaces("payments"));

            assertThat(gaps(result, GapKind.DENIED_NOW))
                    .extracting(Gap::message)
                    .anySatisfy(m -> assertThat(m).startsWith("legacy/core-banking-adapter -> payments/ledger:8080"));
        }

        @Test
        void grantsOnlyTheAllowedRequestsOfAPartlyDeniedEdge() {
            LeastPrivilege.Result result = generate(namespaces("payments"));

            assertThat(gaps(result, GapKind.DENIED_NOW))
                    .extracting(Gap::message)
                    .contains("analytics/reporting -> payments/ledger:8080 DELETE /v1/entries/e-1001 is denied now; the"
                            + " draft does not grant it");
            assertThat(destination(result, "payments/ledger").callers())
                    .filteredOn(c -> c.sources().contains("analytics/reporting"))
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.methods()).containsExactly("GET");
                        assertThat(c.paths()).contains("/v1/balances", "/v1/entries");
                    });
        }

        @Test
        void namesCallersWithoutIdentityAndWhy() {
            LeastPrivilege.Result result = generate(namespaces("messaging", "istio-system"));

            assertThat(gaps(result, GapKind.NO_IDENTITY))
                    .extracting(Gap::message)
                    .anySatisfy(m -> assertThat(m)
                            .startsWith("messaging/notifications: callers without identity")
                            .contains("legacy/core-banking-adapter (no sidecar)"))
                    .anySatisfy(m -> assertThat(m)
                            .startsWith("istio-system/istio-ingressgateway")
                            .contains("unknown (outside the mesh)"));
            assertThat(destination(result, "messaging/notifications").callers())
                    .anySatisfy(c -> assertThat(c.anonymous()).isTrue());
            assertThat(gaps(result, GapKind.ROOT_NAMESPACE))
                    .extracting(Gap::subject)
                    .containsExactly("istio-system");
            assertThat(gaps(result, GapKind.NO_STRICT))
                    .extracting(Gap::subject)
                    .contains("messaging/notifications", "istio-system/istio-ingressgateway");
        }

        @Test
        void reportsWorkloadsOfTheNamespaceThatReceivedNothing() {
            LeastPrivilege.Result result = generate(namespaces("payments"));

            assertThat(gaps(result, GapKind.UNOBSERVED_WORKLOAD))
                    .extracting(Gap::subject)
                    .containsExactly("payments/settlement-batch");
        }
    }

    @Nested
    class AllowNothing {
        @Test
        void draftsNoneWhereNoWorkloadHasASidecarAndSaysSo() {
            LeastPrivilege.Result result = generate(namespaces("legacy", "payments"));

            assertThat(result.policies())
                    .noneMatch(p -> p.getMetadata().getNamespace().equals("legacy"));
            assertThat(gaps(result, GapKind.NO_SIDECAR))
                    .extracting(Gap::message)
                    .contains("namespace legacy has no workload with a sidecar: nothing would enforce an allow-nothing"
                            + " there, so none is drafted");
        }

        @Test
        void namesTheExistingAllowsThatKeepGrantingBesideTheDraft() {
            LeastPrivilege.Result result = generate(namespaces("payments"));

            List<Gap> others = gaps(result, GapKind.OTHER_ALLOW_REMAINS);
            assertThat(others)
                    .isNotEmpty()
                    .allSatisfy(g -> assertThat(g.message())
                            .startsWith("the existing ALLOW " + g.subject() + " also selects payments/")
                            .contains("Istio allows a request that any ALLOW matches"))
                    .anySatisfy(g -> assertThat(g.message()).contains("payments/ledger"));
            assertThat(others).extracting(Gap::subject).noneMatch(ref -> ref.contains("trustmap-allow-"));
        }

        @Test
        void draftsNoSecondOneWhereTheNamespaceHasOne() {
            LeastPrivilege.Result result = generate(namespaces("payments"));

            assertThat(result.policies())
                    .noneMatch(p -> p.getMetadata().getName().equals("trustmap-allow-nothing"));
            assertThat(gaps(result, GapKind.ALLOW_NOTHING_EXISTS))
                    .extracting(Gap::message)
                    .containsExactly(
                            "namespace payments already has an allow-nothing (allow-nothing): no second one drafted");
            assertThat(gaps(result, GapKind.UNOBSERVED_WORKLOAD))
                    .extracting(Gap::message)
                    .containsExactly("payments/settlement-batch received no observed traffic: allow-nothing denies"
                            + " every request to it");
        }

        @Test
        void draftsOneWhereTheNamespaceHasNone() {
            Engine engine = Engine.of(LAB.snapshot()
                    .withPolicies(LAB.snapshot().policies().stream()
                            .filter(p -> !(p.getMetadata().getNamespace().equals("payments")
                                    && p.getMetadata().getName().equals("allow-nothing")))
                            .toList()));

            LeastPrivilege.Result result = LeastPrivilege.generate(engine, TRAFFIC, namespaces("payments"));

            assertThat(result.policies())
                    .anyMatch(p -> p.getMetadata().getName().equals("trustmap-allow-nothing"));
            assertThat(gaps(result, GapKind.ALLOW_NOTHING_EXISTS)).isEmpty();
        }

        @Test
        void aWorkloadWhoseTrafficIsAllDeniedIsNotCalledUnobserved() {
            Traffic deniedOnly = new Traffic(
                    TRAFFIC.edges().stream()
                            .filter(e -> !(e.destinationNamespace().equals("payments")
                                            && e.destinationWorkload().equals("ledger"))
                                    || e.sourceWorkload().equals("core-banking-adapter"))
                            .toList(),
                    TRAFFIC.observedAt());

            LeastPrivilege.Result result = LeastPrivilege.generate(LAB, deniedOnly, namespaces("payments"));

            assertThat(gaps(result, GapKind.DENIED_NOW))
                    .extracting(Gap::message)
                    .contains("legacy/core-banking-adapter -> payments/ledger:8080 is denied now; the draft does not"
                            + " grant it");
            assertThat(gaps(result, GapKind.UNOBSERVED_WORKLOAD))
                    .extracting(Gap::subject)
                    .doesNotContain("payments/ledger");
        }

        @Test
        void everyReportedPortIsAContainerPort() {
            LeastPrivilege.Result result = generate(namespaces());

            assertThat(result.notCovered()).noneMatch(line -> line.matches(".* -> [a-z-]+/[a-z-]+:80\\b.*"));
            assertThat(result.covered()).allMatch(line -> !line.contains("ports") || line.contains("container ports"));
        }
    }

    @Nested
    class Options {
        @Test
        void draftsStrictOnlyWhereEveryCallerUsesMtls() {
            LeastPrivilege.Result result = generate(namespaces("payments", "messaging"));

            assertThat(destination(result, "messaging/notifications").strict()).isNull();
            assertThat(destination(result, "payments/ledger").strict()).isEqualTo("trustmap-strict-ledger");
            assertThat(result.policies()).anySatisfy(p -> assertThat(p).isInstanceOf(PeerAuthentication.class));
        }

        @Test
        void leavesStrictOutWhenNotAskedFor() {
            LeastPrivilege.Result result =
                    generate(new LeastPrivilege.Options(Set.of("payments"), Set.of(), false, false));

            assertThat(result.policies()).noneMatch(p -> p instanceof PeerAuthentication);
            assertThat(result.destinations())
                    .allSatisfy(d -> assertThat(d.strict()).isNull());
            assertThat(gaps(result, GapKind.NO_STRICT)).isEmpty();
        }

        @Test
        void marksAuthorizationPoliciesAsDryRun() {
            LeastPrivilege.Result result = generate(new LeastPrivilege.Options(Set.of("payments"), true));

            assertThat(result.policies())
                    .filteredOn(p -> p.getKind().equals("AuthorizationPolicy"))
                    .isNotEmpty()
                    .allSatisfy(p ->
                            assertThat(p.getMetadata().getAnnotations()).containsEntry("istio.io/dry-run", "true"));
        }

        @Test
        void chosenWorkloadsGetTheirAllowAndNoNamespaceAllowNothing() {
            LeastPrivilege.Result result = generate(new LeastPrivilege.Options(
                    Set.of(), Set.of("payments/ledger", "payments/settlement-batch"), false, true));

            assertThat(result.policies())
                    .extracting(p -> p.getMetadata().getName())
                    .containsExactly("trustmap-allow-ledger", "trustmap-strict-ledger");
            assertThat(gaps(result, GapKind.NO_TRAFFIC))
                    .extracting(Gap::subject)
                    .containsExactly("payments/settlement-batch");
        }

        @Test
        void aChosenNamespaceWithoutTrafficGetsNothingAndIsReported() {
            Traffic withoutMessaging = new Traffic(
                    TRAFFIC.edges().stream()
                            .filter(e -> !e.destinationNamespace().equals("messaging")
                                    && !"messaging".equals(e.sourceNamespace()))
                            .toList(),
                    TRAFFIC.observedAt());

            LeastPrivilege.Result result = LeastPrivilege.generate(LAB, withoutMessaging, namespaces("messaging"));

            assertThat(result.policies()).isEmpty();
            assertThat(gaps(result, GapKind.NO_TRAFFIC))
                    .extracting(Gap::message)
                    .containsExactly("namespace messaging had no observed traffic in this window: nothing drafted"
                            + " (an allow-nothing would deny every request to its 4 workloads)");
        }
    }

    @Test
    void theDraftKeepsObservedTrafficOfItsNamespacesAllowed() {
        LeastPrivilege.Result result = generate(namespaces("payments", "identity", "analytics"));
        List<HasMetadata> policies = result.policies();

        DraftDiff diff = DraftDiff.compare(LAB.snapshot(), LAB.snapshot().withPolicies(layered(policies)), TRAFFIC);

        assertThat(diff.wouldBreak()).isEmpty();
        assertThat(diff.changed()).as("no observed edge changes its decision").isEmpty();
    }

    private static List<HasMetadata> layered(List<HasMetadata> drafted) {
        List<HasMetadata> all = new java.util.ArrayList<>(LAB.snapshot().policies());
        all.addAll(drafted);
        return all;
    }
}
