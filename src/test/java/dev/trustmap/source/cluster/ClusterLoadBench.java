package dev.trustmap.source.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Load measurement, not part of {@code mvn verify}: 10,000 pods in 2,000 workloads (Deployment, ReplicaSet, five
 * Pods and a Service each, in 50 namespaces) in the fabric8 mock server; the time until {@code connect} has
 * delivered the first snapshot, the heap it holds, and the time until a new Deployment's workload is published.
 * Medians of 3 runs. How to run it: docs/benchmarks.md, section Cluster.
 */
public final class ClusterLoadBench {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterLoadBench.class);
    private static final int NAMESPACES = 50;
    private static final int WORKLOADS = Integer.getInteger("bench.workloads", 2000);
    private static final int PODS_PER_WORKLOAD = 5;
    private static final int RUNS = 3;

    private ClusterLoadBench() {}

    public static void main(String[] args) throws Exception {
        try (MockCluster cluster = new MockCluster()) {
            long loadStart = System.nanoTime();
            load(cluster.client());
            LOG.info("Loaded {} objects in {} s", objects(), (System.nanoTime() - loadStart) / 1e9);
            long[] connect = new long[RUNS];
            long[] heap = new long[RUNS];
            long[] change = new long[RUNS];
            for (int run = 0; run < RUNS; run++) {
                measure(cluster, run, connect, heap, change);
            }
            LOG.info(
                    "| 10,000 pods / 2,000 workloads | first snapshot {} ms | heap {} MB | change published {} ms |",
                    median(connect),
                    median(heap),
                    median(change));
        }
    }

    private static void measure(MockCluster cluster, int run, long[] connect, long[] heap, long[] change)
            throws Exception {
        long before = usedHeap();
        Updates updates = new Updates();
        long start = System.nanoTime();
        try (ClusterSource source = ClusterSource.connect(cluster.config(), ClusterOptions.defaults(), updates)) {
            connect[run] = (System.nanoTime() - start) / 1_000_000;
            int workloads = updates.latest().snapshot().workloads().size();
            heap[run] = (usedHeap() - before) / (1024 * 1024);
            String added = "added-" + run;
            long created = System.nanoTime();
            cluster.client().resource(objectsOf("ns0", added).get(0)).create();
            updates.await(u -> u.snapshot().workload("ns0", added).isPresent(), Duration.ofSeconds(30));
            change[run] = (System.nanoTime() - created) / 1_000_000;
            LOG.info(
                    "Run {}: {} workloads, first snapshot {} ms, heap {} MB, change {} ms",
                    run,
                    workloads,
                    connect[run],
                    heap[run],
                    change[run]);
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static int objects() {
        return NAMESPACES + WORKLOADS * (3 + PODS_PER_WORKLOAD);
    }

    /** Creates the objects with 8 threads, one namespace's worth per task. */
    private static void load(KubernetesClient client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int ns = 0; ns < NAMESPACES; ns++) {
            int namespace = ns;
            done.add(pool.submit(() -> loadNamespace(client, namespace)));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
    }

    private static void loadNamespace(KubernetesClient client, int ns) {
        String namespace = "ns" + ns;
        client.resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(namespace)
                        .addToLabels("istio-injection", "enabled")
                        .endMetadata()
                        .build())
                .create();
        for (int w = 0; w < WORKLOADS / NAMESPACES; w++) {
            objectsOf(namespace, "w" + (w % 3) + "-" + w)
                    .forEach(o -> client.resource(o).create());
        }
    }

    private static PodTemplateSpec template(String name, Map<String, String> labels) {
        return new PodTemplateSpecBuilder()
                .withNewMetadata()
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withServiceAccountName(name)
                .addNewContainer()
                .withName("app")
                .withImage("registry.example/app:1")
                .addNewPort()
                .withContainerPort(8080)
                .endPort()
                .endContainer()
                .endSpec()
                .build();
    }

    private static List<HasMetadata> objectsOf(String namespace, String name) {
        Map<String, String> labels = Map.of("app", name);
        PodTemplateSpec template = template(name, labels);
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withNewSpec()
                .withNewSelector()
                .withMatchLabels(labels)
                .endSelector()
                .withTemplate(template)
                .endSpec()
                .build());
        objects.add(new ReplicaSetBuilder()
                .withNewMetadata()
                .withName(name + "-7d9f")
                .withNamespace(namespace)
                .addNewOwnerReference()
                .withKind("Deployment")
                .withApiVersion("apps/v1")
                .withName(name)
                .withUid(namespace + name)
                .withController(true)
                .endOwnerReference()
                .endMetadata()
                .withNewSpec()
                .withTemplate(template)
                .endSpec()
                .build());
        objects.addAll(podsAndService(namespace, name, labels, template));
        return objects;
    }

    private static List<HasMetadata> podsAndService(
            String namespace, String name, Map<String, String> labels, PodTemplateSpec template) {
        String replicaSet = name + "-7d9f";
        List<HasMetadata> objects = new ArrayList<>();
        for (int p = 0; p < PODS_PER_WORKLOAD; p++) {
            objects.add(new PodBuilder()
                    .withNewMetadata()
                    .withName(replicaSet + "-p" + p)
                    .withNamespace(namespace)
                    .withLabels(labels)
                    .addNewOwnerReference()
                    .withKind("ReplicaSet")
                    .withApiVersion("apps/v1")
                    .withName(replicaSet)
                    .withUid(namespace + replicaSet)
                    .withController(true)
                    .endOwnerReference()
                    .endMetadata()
                    .withSpec(template.getSpec())
                    .build());
        }
        objects.add(new ServiceBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withNewSpec()
                .withSelector(labels)
                .addNewPort()
                .withName("http")
                .withPort(80)
                .withNewTargetPort(8080)
                .endPort()
                .endSpec()
                .build());
        return objects;
    }
}
