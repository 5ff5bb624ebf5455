package dev.trustmap.source.folder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.mesh.ContainerPort;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Workload;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MeshAssemblerTest {

    static AssembledMesh assemble(String yaml) throws ManifestException {
        return MeshAssembler.assemble(new ManifestParser().parseText(yaml, "mesh.yaml", 1));
    }

    static MeshSnapshot snapshot(String yaml) throws ManifestException {
        return assemble(yaml).snapshot();
    }

    static Workload only(String yaml) throws ManifestException {
        MeshSnapshot snapshot = snapshot(yaml);
        assertThat(snapshot.workloads()).hasSize(1);
        return snapshot.workloads().get(0);
    }

    static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop, uid: d1}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata:
                  labels: {app: web}
                  annotations: {trustmap.dev/ip: "10.9.9.9"}
                spec:
                  serviceAccountName: web-sa
                  containers:
                    - name: web
                      ports: [{name: http, containerPort: 8080}, {containerPort: 9090}]
            """;

    static final String REPLICA_SET = """
            ---
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata:
              name: web-5d8f
              namespace: shop
              ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: d1, controller: true}]
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web, pod-template-hash: 5d8f}}
                spec: {containers: [{name: web}]}
            """;

    static String pod(String name, String ownerKind, String ownerName, String ip) {
        String owner = ownerKind == null
                ? ""
                : "  ownerReferences: [{apiVersion: apps/v1, kind: " + ownerKind + ", name: " + ownerName
                        + ", uid: u, controller: true}]\n";
        return "---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name + "\n  namespace: shop\n"
                + "  labels: {app: " + name + "}\n" + owner
                + "spec:\n  containers: [{name: app}]\nstatus:\n  podIP: " + ip + "\n  podIPs: [{ip: " + ip
                + "}, {ip: 'fd00::1'}]\n";
    }

    @Nested
    class Workloads {

        @Test
        void buildsAWorkloadFromADeploymentsPodTemplate() throws Exception {
            Workload web = only(DEPLOYMENT);

            assertThat(web.id()).isEqualTo("shop/web");
            assertThat(web.kind()).isEqualTo("Deployment");
            assertThat(web.labels()).containsExactlyEntriesOf(java.util.Map.of("app", "web"));
            assertThat(web.serviceAccount()).isEqualTo("web-sa");
            assertThat(web.ports()).containsExactly(new ContainerPort("http", 8080), new ContainerPort(null, 9090));
            assertThat(web.ips()).containsExactly("10.9.9.9");
        }

        @Test
        void groupsPodsOfAReplicaSetUnderItsDeployment() throws Exception {
            Workload web = only(DEPLOYMENT + REPLICA_SET + pod("web-5d8f-abc", "ReplicaSet", "web-5d8f", "10.0.0.5"));

            assertThat(web.kind()).isEqualTo("Deployment");
            assertThat(web.ips()).containsExactly("10.9.9.9", "10.0.0.5", "fd00::1");
        }

        @Test
        void groupsPodsUnderTheirDeploymentWhenTheReplicaSetComesFirst() throws Exception {
            Workload web = only(
                    REPLICA_SET + pod("web-5d8f-abc", "ReplicaSet", "web-5d8f", "10.0.0.5") + "---\n" + DEPLOYMENT);

            assertThat(web.id()).isEqualTo("shop/web");
            assertThat(web.ips()).contains("10.0.0.5");
        }

        @Test
        void makesAReplicaSetWithoutOwnerItsOwnWorkload() throws Exception {
            String replicaSet = REPLICA_SET.replaceAll("  ownerReferences:.*\n", "");

            Workload rs = only(replicaSet + pod("web-5d8f-abc", "ReplicaSet", "web-5d8f", "10.0.0.5"));

            assertThat(rs.kind()).isEqualTo("ReplicaSet");
            assertThat(rs.name()).isEqualTo("web-5d8f");
            assertThat(rs.ips()).containsExactly("10.0.0.5", "fd00::1");
        }

        @Test
        void namesAMissingDeploymentAfterItsReplicaSetsOwnerWithAWarning() throws Exception {
            AssembledMesh mesh = assemble(REPLICA_SET);

            assertThat(mesh.snapshot().workloads()).singleElement().satisfies(w -> {
                assertThat(w.id()).isEqualTo("shop/web");
                assertThat(w.kind()).isEqualTo("Deployment");
            });
            assertThat(mesh.warnings()).singleElement().asString().contains("ReplicaSet shop/web-5d8f");
        }

        @Test
        void makesBarePodsAndPodsOfUnknownOwnersTheirOwnWorkloads() throws Exception {
            MeshSnapshot snapshot =
                    snapshot(pod("debug", null, null, "10.0.0.7") + pod("orphan", "ReplicaSet", "gone", "10.0.0.8"));

            assertThat(snapshot.workloads())
                    .extracting(Workload::id, Workload::kind)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("shop/debug", "Pod"),
                            org.assertj.core.groups.Tuple.tuple("shop/orphan", "Pod"));
            assertThat(snapshot.workloads().get(0).ips()).containsExactly("10.0.0.7", "fd00::1");
            assertThat(snapshot.workloads().get(0).serviceAccount()).isEqualTo("default");
        }

        @Test
        void groupsPodsOfStatefulSetsDaemonSetsAndJobs() throws Exception {
            String controllers = """
                    apiVersion: apps/v1
                    kind: StatefulSet
                    metadata: {name: db, namespace: shop}
                    spec: {selector: {}, serviceName: db, template: {metadata: {labels: {app: db}}, spec: {}}}
                    ---
                    apiVersion: apps/v1
                    kind: DaemonSet
                    metadata: {name: agent, namespace: shop}
                    spec: {selector: {}, template: {metadata: {labels: {app: agent}}, spec: {}}}
                    ---
                    apiVersion: batch/v1
                    kind: Job
                    metadata: {name: migrate, namespace: shop}
                    spec: {template: {metadata: {labels: {app: migrate}}, spec: {}}}
                    """;
            MeshSnapshot snapshot = snapshot(controllers
                    + pod("db-0", "StatefulSet", "db", "10.0.1.1")
                    + pod("agent-x", "DaemonSet", "agent", "10.0.1.2")
                    + pod("migrate-y", "Job", "migrate", "10.0.1.3"));

            assertThat(snapshot.workloads())
                    .extracting(Workload::name, Workload::kind)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("db", "StatefulSet"),
                            org.assertj.core.groups.Tuple.tuple("agent", "DaemonSet"),
                            org.assertj.core.groups.Tuple.tuple("migrate", "Job"));
            assertThat(snapshot.workloads())
                    .extracting(w -> w.ips().get(0))
                    .containsExactly("10.0.1.1", "10.0.1.2", "10.0.1.3");
        }

        @Test
        void groupsJobsOfACronJobUnderTheCronJob() throws Exception {
            String yaml = """
                    apiVersion: batch/v1
                    kind: CronJob
                    metadata: {name: nightly, namespace: shop}
                    spec:
                      schedule: "0 3 * * *"
                      jobTemplate: {spec: {template: {metadata: {labels: {app: nightly}}, spec: {}}}}
                    ---
                    apiVersion: batch/v1
                    kind: Job
                    metadata:
                      name: nightly-123
                      namespace: shop
                      ownerReferences: [{apiVersion: batch/v1, kind: CronJob, name: nightly, uid: c, controller: true}]
                    spec: {template: {metadata: {labels: {app: nightly}}, spec: {}}}
                    """ + pod("nightly-123-z", "Job", "nightly-123", "10.0.2.2");

            Workload nightly = only(yaml);

            assertThat(nightly.kind()).isEqualTo("CronJob");
            assertThat(nightly.ips()).contains("10.0.2.2");
        }
    }

    @Nested
    class Policies {
        @Test
        void placesAPolicyWithoutNamespaceInDefaultAndWarnsWithFileAndLine() throws ManifestException {
            AssembledMesh mesh = assemble("""
                    apiVersion: security.istio.io/v1
                    kind: AuthorizationPolicy
                    metadata: {name: ns-less, namespace: shop}
                    ---
                    apiVersion: security.istio.io/v1
                    kind: PeerAuthentication
                    metadata: {name: strict}
                    spec: {mtls: {mode: STRICT}}
                    """);

            assertThat(mesh.snapshot().policies())
                    .extracting(p -> p.getMetadata().getNamespace())
                    .containsExactly("shop", "default");
            assertThat(mesh.warnings())
                    .containsExactly("mesh.yaml:5: PeerAuthentication strict has no metadata.namespace; assumed"
                            + " namespace 'default' (as kubectl would).");
        }
    }
}
