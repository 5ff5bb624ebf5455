package dev.trustmap.source.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.engine.Connection;
import dev.trustmap.engine.Decision;
import dev.trustmap.engine.Engine;
import dev.trustmap.engine.Jwt;
import dev.trustmap.engine.Peer;
import dev.trustmap.engine.Request;
import dev.trustmap.engine.Verdict;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Namespace;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.Workload;
import dev.trustmap.source.folder.AssembledMesh;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabTest {
    private static final Map<String, Object> CUSTOMER =
            Map.of("iss", "https://auth.fintech.example", "sub", "customer-1042");

    private AssembledMesh mesh;
    private MeshSnapshot snapshot;
    private Engine engine;

    @BeforeAll
    void loadLab() {
        mesh = Lab.load();
        snapshot = mesh.snapshot();
        engine = Engine.of(snapshot);
    }

    @Nested
    class Loading {

        @Test
        void loadsWithoutWarningsSkippingOnlyTheIstioGateway() {
            assertThat(mesh.warnings()).isEmpty();
            assertThat(mesh.skippedKinds()).isEqualTo(Map.of("Gateway", 1));
        }

        @Test
        void hasTheSevenNamespacesWithInjectionEverywhereButLegacyAndIstioSystem() {
            assertThat(snapshot.namespaces())
                    .extracting(Namespace::name)
                    .containsExactlyInAnyOrder(
                            "istio-system", "frontend", "identity", "payments", "messaging", "analytics", "legacy");
            assertThat(snapshot.namespaces())
                    .filteredOn(Namespace::injectsSidecars)
                    .extracting(Namespace::name)
                    .containsExactlyInAnyOrder("frontend", "identity", "payments", "messaging", "analytics");
        }

        @Test
        void hasTwentyWorkloadsIncludingTheBatchAndTheDatabases() {
            assertThat(snapshot.workloads()).hasSize(20);
            assertThat(snapshot.workloads())
                    .extracting(Workload::id)
                    .contains(
                            "istio-system/istio-ingressgateway",
                            "frontend/web",
                            "identity/user-auth",
                            "payments/payments",
                            "payments/ledger",
                            "payments/fraud-check",
                            "messaging/notifications",
                            "analytics/reporting",
                            "legacy/core-banking-adapter");
            assertThat(workload("payments/settlement-batch").kind()).isEqualTo("CronJob");
            assertThat(workload("payments/payments-db").kind()).isEqualTo("StatefulSet");
        }

        @Test
        void legacyAdapterHasNoSidecarAndEveryOtherWorkloadHasOne() {
            assertThat(snapshot.workloads())
                    .filteredOn(w -> !w.sidecar())
                    .extracting(Workload::id)
                    .containsExactly("legacy/core-banking-adapter");
        }

        @Test
        void ingressGatewayIsTheOnlyGateway() {
            assertThat(snapshot.workloads())
                    .filteredOn(Workload::gateway)
                    .extracting(Workload::id)
                    .containsExactly("istio-system/istio-ingressgateway");
        }

        @Test
        void servicesMapPortsToOtherTargetPortsInPlaces() {
            Service fraudCheck = snapshot.service("payments", "fraud-check").orElseThrow();

            assertThat(engine.targetPort(workload("payments/fraud-check"), fraudCheck, 9090))
                    .isEqualTo(50051);
            assertThat(engine.targetPort(
                            workload("frontend/web"),
                            snapshot.service("frontend", "web").orElseThrow(),
                            80))
                    .isEqualTo(3000);
        }

        @Test
        void readsPodIpsFromTheTemplateAnnotation() {
            assertThat(workload("payments/ledger").ips()).containsExactly("10.0.3.51");
        }
    }

    @Nested
    class LeastPrivilege {

        @Test
        void paymentsBooksLedgerEntriesOverMtls() {
            Verdict verdict = call("payments/payments", "payments/ledger", "ledger", 80, "POST", "/v1/entries");

            assertThat(verdict.decision()).isEqualTo(Decision.ALLOW);
            assertThat(verdict.connection().connection()).isEqualTo(Connection.MTLS);
            assertThat(verdict.authz().policy()).isEqualTo("payments/ledger-callers");
        }

        @Test
        void gatewayReachesWebOverMtlsForGetOnly() {
            assertThat(call("istio-system/istio-ingressgateway", "frontend/web", "web", 80, "GET", "/"))
                    .satisfies(v -> assertThat(v.decision()).isEqualTo(Decision.ALLOW))
                    .satisfies(v -> assertThat(v.mtls()).isTrue());
            assertThat(call("istio-system/istio-ingressgateway", "frontend/web", "web", 80, "POST", "/")
                            .decision())
                    .isEqualTo(Decision.DENY);
        }

        @Test
        void apiGatewayNeedsACustomerTokenAndRejectsABadOne() {
            Workload gateway = workload("istio-system/istio-ingressgateway");
            Request plain = request(gateway, "frontend/api-gateway", "api-gateway", 80, "GET", "/api/v1/accounts/1");
            Request signed = withJwt(plain, Jwt.signed(CUSTOMER));
            Request bad = withJwt(plain, Jwt.unverifiable());

            assertThat(engine.evaluate(plain).decision()).isEqualTo(Decision.DENY);
            assertThat(engine.evaluate(signed).decision()).isEqualTo(Decision.ALLOW);
            assertThat(engine.evaluate(bad).httpStatus()).isEqualTo(401);
        }

        @Test
        void userAuthDatabaseAcceptsOnlyUserAuthOverTcp() {
            assertThat(tcp("identity/user-auth", "identity/users-db", "users-db", 5432)
                            .decision())
                    .isEqualTo(Decision.ALLOW);
            assertThat(tcp("identity/kyc", "identity/users-db", "users-db", 5432)
                            .decision())
                    .isEqualTo(Decision.DENY);
        }
    }

    @Nested
    class Weaknesses {

        @Test
        void fraudCheckAdmitsAnyMeshWorkloadThroughTheWildcardNamespace() {
            Verdict verdict = call(
                    "messaging/notifications",
                    "payments/fraud-check",
                    "fraud-check",
                    9090,
                    "POST",
                    "/fraud.v1.FraudCheck/Score");

            assertThat(verdict.decision()).isEqualTo(Decision.ALLOW);
            assertThat(verdict.authz().policy()).isEqualTo("payments/fraud-check-callers");
        }

        @Test
        void auditLogAcceptsEvenPlaintextCallersThroughItsEmptyRule() {
            Verdict verdict = call(
                    "legacy/core-banking-adapter",
                    "analytics/audit-log",
                    "audit-log",
                    9000,
                    "POST",
                    "/audit.v1.AuditLog/Purge");

            assertThat(verdict.decision()).isEqualTo(Decision.ALLOW);
            assertThat(verdict.connection().connection()).isEqualTo(Connection.PLAINTEXT);
        }

        @Test
        void notPathsOfTheAdminDenyLeaksSubPathsOfTheStatusPage() {
            String adapter = "legacy/core-banking-adapter";
            String notifications = "messaging/notifications";

            assertThat(call(adapter, notifications, "notifications", 80, "POST", "/admin/status/replay")
                            .decision())
                    .isEqualTo(Decision.ALLOW);
            assertThat(call(adapter, notifications, "notifications", 80, "POST", "/admin/purge"))
                    .satisfies(v -> assertThat(v.decision()).isEqualTo(Decision.DENY))
                    .satisfies(v -> assertThat(v.authz().policy()).isEqualTo("messaging/notifications-no-admin"));
        }

        @Test
        void messagingHasNoDefaultDenySoKafkaTakesAnyone() {
            assertThat(tcp("legacy/core-banking-adapter", "messaging/kafka", "kafka", 9092)
                            .decision())
                    .isEqualTo(Decision.ALLOW);
        }

        @Test
        void ledgerPostsToTheLegacyAdapterInPlaintextUnchecked() {
            Verdict verdict = call(
                    "payments/ledger",
                    "legacy/core-banking-adapter",
                    "core-banking-adapter",
                    80,
                    "POST",
                    "/CoreBanking/PostEntry");

            assertThat(verdict.connection().connection()).isEqualTo(Connection.PLAINTEXT);
            assertThat(verdict.decision()).isEqualTo(Decision.ALLOW);
        }

        @Test
        void adapterCallbacksIntoTheStrictLedgerBreak() {
            Verdict verdict =
                    call("legacy/core-banking-adapter", "payments/ledger", "ledger", 80, "POST", "/v1/entries/confirm");

            assertThat(verdict.connection().connection()).isEqualTo(Connection.BROKEN);
            assertThat(verdict.decision()).isEqualTo(Decision.DENY);
        }
    }

    @Nested
    class DeniedCalls {

        @Test
        void reportingMayReadButNotDeleteLedgerEntries() {
            assertThat(call("analytics/reporting", "payments/ledger", "ledger", 80, "GET", "/v1/balances")
                            .decision())
                    .isEqualTo(Decision.ALLOW);
            assertThat(call("analytics/reporting", "payments/ledger", "ledger", 80, "DELETE", "/v1/entries/e-1")
                            .httpStatus())
                    .isEqualTo(403);
        }

        @Test
        void fraudCheckMayNotReadUserProfiles() {
            Verdict verdict = call(
                    "payments/fraud-check", "identity/user-auth", "user-auth", 80, "GET", "/v1/users/1042/profile");

            assertThat(verdict.decision()).isEqualTo(Decision.DENY);
            assertThat(verdict.mtls()).isTrue();
        }
    }

    private Workload workload(String id) {
        String[] parts = id.split("/");
        return snapshot.workload(parts[0], parts[1]).orElseThrow();
    }

    private Verdict call(String from, String to, String service, int port, String method, String path) {
        return engine.evaluate(request(workload(from), to, service, port, method, path));
    }

    private Verdict tcp(String from, String to, String service, int port) {
        Workload server = workload(to);
        Service svc = snapshot.service(server.namespace(), service).orElseThrow();
        return engine.evaluate(new Request(
                new Peer.Pod(workload(from)), server, svc, port, null, null, null, null, Map.of(), Jwt.none()));
    }

    private Request request(Workload from, String to, String service, int port, String method, String path) {
        Workload server = workload(to);
        Service svc = snapshot.service(server.namespace(), service).orElseThrow();
        return new Request(new Peer.Pod(from), server, svc, port, null, method, path, svc.fqdn(), Map.of(), Jwt.none());
    }

    private static Request withJwt(Request r, Jwt jwt) {
        return new Request(
                r.from(),
                r.to(),
                r.service(),
                r.port(),
                r.protocol(),
                r.method(),
                r.path(),
                r.host(),
                r.headers(),
                jwt);
    }
}
