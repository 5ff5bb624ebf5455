package dev.trustmap.source.cluster;

import dev.trustmap.source.cluster.ClusterStatus.KindStatus;
import dev.trustmap.source.cluster.ClusterStatus.State;
import io.fabric8.istio.client.DefaultIstioClient;
import io.fabric8.istio.client.IstioClient;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live cluster as a mesh source: fabric8 informers on every kind Trustmap reads, turned into a new
 * {@link dev.trustmap.mesh.MeshSnapshot} at most every {@link ClusterOptions#publishInterval()} while the cluster
 * changes. Lists that fail are reported in the {@link ClusterStatus}, and the rest is shown. Close it to stop the
 * informers and the client.
 */
public final class ClusterSource implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterSource.class);
    private static final long STATUS_TICK_MILLIS = 250;
    /**
     * The first wait before a dropped watch reconnects; fabric8 doubles it up to 32 times this (4 s here instead of
     * 32 s with its default of 1 s), so the graph is live again within a few seconds of the API server coming back.
     */
    static final int WATCH_RECONNECT_MILLIS = 125;

    private final KubernetesClient client;
    private final String context;
    private final ClusterOptions options;
    private final ClusterListener listener;
    private final ScheduledExecutorService executor;
    private final SnapshotPublisher publisher;
    private final SnapshotBuilder builder;
    private final Map<ResourceKind, KindWatch> watches = new EnumMap<>(ResourceKind.class);
    private final AtomicReference<ClusterUpdate> latest = new AtomicReference<>();
    private volatile Instant lastChange = Instant.now();
    /** False while the first lists arrive: their add events would each rebuild a partial snapshot. */
    private volatile boolean listed;

    private ClusterSource(KubernetesClient client, String context, ClusterOptions options, ClusterListener listener) {
        this.client = client;
        this.context = context;
        this.options = options;
        this.listener = listener;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "trustmap-cluster-" + context);
            thread.setDaemon(true);
            return thread;
        });
        this.publisher = new SnapshotPublisher(executor, options.publishInterval(), this::publish);
        this.builder = new SnapshotBuilder(context);
    }

    /** The contexts of the default kubeconfig ({@code KUBECONFIG}, else {@code ~/.kube/config}), current first. */
    public static List<ContextInfo> contexts() throws ClusterException {
        return KubeContexts.list(KubeContexts.defaultKubeconfig());
    }

    /** The kubeconfig fabric8 uses by default: the first file of {@code KUBECONFIG}, else {@code ~/.kube/config}. */
    public static Path defaultKubeconfig() {
        return KubeContexts.defaultKubeconfig();
    }

    /** The contexts of this kubeconfig file, current first. */
    public static List<ContextInfo> contexts(Path kubeconfig) throws ClusterException {
        return KubeContexts.list(kubeconfig);
    }

    /**
     * Connects with a context of the default kubeconfig; whatever authentication it uses (token, client certificate,
     * exec plugin) goes through fabric8. Returns once the first lists are in (or {@link ClusterOptions#syncTimeout()}
     * passed) and the first snapshot was delivered.
     *
     * @param context the context name, or null for the current context
     * @throws ClusterException when the kubeconfig or context is missing, the API server cannot be reached or
     *     refuses the credentials, or nothing at all may be listed
     */
    public static ClusterSource connect(String context, ClusterOptions options, ClusterListener listener)
            throws ClusterException {
        return connect(KubeContexts.defaultKubeconfig(), context, options, listener);
    }

    /**
     * Connects with a context of this kubeconfig file.
     *
     * @see #connect(String, ClusterOptions, ClusterListener)
     */
    public static ClusterSource connect(
            Path kubeconfig, String context, ClusterOptions options, ClusterListener listener) throws ClusterException {
        return connect(config(kubeconfig, context), options, listener);
    }

    /**
     * The fabric8 configuration of a context of this kubeconfig (null: its current context), e.g. for a client that
     * writes without informers.
     *
     * @throws ClusterException when the file cannot be read or has no such context
     */
    public static Config config(Path kubeconfig, String context) throws ClusterException {
        if (context != null && !KubeContexts.has(kubeconfig, context)) {
            throw new ClusterException(
                    "The kubeconfig " + kubeconfig + " has no context '" + context + "'.",
                    "Pick one that 'kubectl config get-contexts' lists.",
                    null);
        }
        Config config = KubeContexts.read(kubeconfig, context);
        config.setRequestRetryBackoffLimit(2);
        return config;
    }

    /** The kubeconfig user a configuration's context authenticates as, or null (e.g. a bare configuration). */
    public static String user(Config config) {
        var current = config.getCurrentContext();
        return current == null || current.getContext() == null
                ? null
                : current.getContext().getUser();
    }

    /**
     * Connects with a fabric8 configuration (tests, or a configuration built elsewhere).
     *
     * @see #connect(String, ClusterOptions, ClusterListener)
     */
    public static ClusterSource connect(Config config, ClusterOptions options, ClusterListener listener)
            throws ClusterException {
        String context = config.getCurrentContext() == null
                ? config.getMasterUrl()
                : config.getCurrentContext().getName();
        config.setWatchReconnectInterval(WATCH_RECONNECT_MILLIS);
        KubernetesClient client =
                new KubernetesClientBuilder().withConfig(config).build();
        ClusterSource source = new ClusterSource(client, context, options, listener);
        try {
            source.probe();
            source.start();
            return source;
        } catch (ClusterException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** Fails fast when the API server cannot be reached or refuses the credentials. */
    private void probe() throws ClusterException {
        try {
            client.getKubernetesVersion();
        } catch (RuntimeException e) {
            int code = FailureMessages.code(e);
            if (code == 0 || code == FailureMessages.UNAUTHORIZED) {
                throw FailureMessages.connectFailure(
                        context, client.getMasterUrl().toString(), e);
            }
            LOG.debug("Version probe answered {}; carrying on", code, e);
        }
    }

    private void start() throws ClusterException {
        IstioClient istio = new DefaultIstioClient(client);
        for (ResourceKind kind : ResourceKind.values()) {
            watches.put(kind, new KindWatch(kind, ns -> kind.informer(client, istio, ns), this::changed));
        }
        long deadline = System.nanoTime() + options.syncTimeout().toNanos();
        await(watches.get(ResourceKind.NAMESPACES).start(null, List::of), deadline);
        List<CompletableFuture<Void>> started = new ArrayList<>();
        for (KindWatch watch : watches.values()) {
            if (watch.kind() == ResourceKind.CONFIG_MAPS) {
                started.add(watch.start(options.meshNamespace(), List::of));
            } else if (watch.kind() != ResourceKind.NAMESPACES) {
                started.add(watch.start(null, this::namespaceNames));
            }
        }
        await(CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)), deadline);
        failIfNothingListed();
        lastChange = Instant.now();
        listed = true;
        await(publisher.publishNow(), deadline);
        executor.scheduleWithFixedDelay(
                this::checkStatus, STATUS_TICK_MILLIS, STATUS_TICK_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("Connected to {}: {}", context, status().summary());
    }

    private static void await(Future<?> future, long deadlineNanos) {
        try {
            future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Some lists are not in yet; showing what has arrived");
        } catch (ExecutionException e) {
            LOG.error("Starting the informers failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void failIfNothingListed() throws ClusterException {
        boolean allFailed = watches.values().stream()
                .filter(watch -> !watch.kind().istio())
                .allMatch(watch -> watch.status().state() == State.ERROR);
        if (allFailed) {
            String first = watches.get(ResourceKind.PODS).status().message();
            throw new ClusterException(
                    "Context '" + context + "' may not list what Trustmap reads (" + first + ").",
                    "Ask for list and watch rights on pods, workloads, services and Istio policies "
                            + "(see the README), or pick another context.",
                    null);
        }
    }

    /** Namespace names from the namespaces cache, or the context's namespace when namespaces cannot be listed. */
    private List<String> namespaceNames() {
        List<String> names = watches.get(ResourceKind.NAMESPACES).items().stream()
                .map(HasMetadata::getMetadata)
                .map(meta -> meta.getName())
                .sorted()
                .toList();
        if (!names.isEmpty()) {
            return names;
        }
        String own = client.getNamespace();
        return own == null ? List.of("default") : List.of(own);
    }

    private void changed() {
        lastChange = Instant.now();
        if (listed) {
            publisher.changed();
        }
    }

    private void publish() {
        long start = System.nanoTime();
        ClusterUpdate update = builder.build(watches.values(), status());
        LOG.debug("Snapshot built in {} ms", (System.nanoTime() - start) / 1_000_000);
        latest.set(update);
        deliver(update);
    }

    /** Runs on the executor: delivers a status change (a watch dropped or came back) with the same snapshot. */
    private void checkStatus() {
        ClusterUpdate current = latest.get();
        ClusterStatus status = status();
        if (current != null && !status.sameStateAs(current.status())) {
            LOG.info("Cluster status: {}", status.summary());
            ClusterUpdate update = current.withStatus(status);
            latest.set(update);
            deliver(update);
        }
    }

    private void deliver(ClusterUpdate update) {
        try {
            listener.onUpdate(update);
        } catch (RuntimeException e) {
            LOG.error("A cluster listener failed", e);
        }
    }

    /** What is live, stale or failing now. */
    public ClusterStatus status() {
        List<KindStatus> kinds = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        boolean istioMissing = false;
        for (KindWatch watch : watches.values()) {
            KindStatus status = watch.status();
            kinds.add(status);
            if (watch.kind().istio() && watch.notFound()) {
                istioMissing = true;
            } else if (status.message() != null) {
                messages.add(status.message());
            }
        }
        if (istioMissing) {
            messages.add(
                    0,
                    "Istio's security.istio.io/v1 or networking.istio.io/v1 resources are not installed "
                            + "on this cluster, so no Istio policies are shown; install Istio 1.22 or later, or check "
                            + "the context.");
        }
        return new ClusterStatus(
                kinds,
                lastChange,
                messages,
                allDropped() ? client.getMasterUrl().toString() : null);
    }

    /** Whether every kind that was listed lost its watch: the API server cannot be reached, not one kind's watch. */
    private boolean allDropped() {
        List<KindWatch> listed = watches.values().stream()
                .filter(watch -> watch.status().state() != State.ERROR)
                .toList();
        return listed.size() > 1 && listed.stream().allMatch(KindWatch::dropped);
    }

    /** The last update delivered, empty before the first. */
    public Optional<ClusterUpdate> latest() {
        return Optional.ofNullable(latest.get());
    }

    /** The context (or, for a bare configuration, the API server URL) this source is connected to. */
    public String context() {
        return context;
    }

    /** The kubeconfig user this source's context authenticates as, or null. */
    public String user() {
        return user(client.getConfiguration());
    }

    /** The fabric8 client, e.g. to reach Prometheus through the API server's service proxy. */
    public KubernetesClient client() {
        return client;
    }

    /** Stops the informers, the publishing thread and the client. */
    @Override
    public void close() {
        watches.values().forEach(KindWatch::close);
        executor.shutdownNow();
        client.close();
        LOG.info("Disconnected from {}", context);
    }
}
