package dev.trustmap.source.cluster;

import dev.trustmap.source.cluster.ClusterStatus.KindStatus;
import dev.trustmap.source.cluster.ClusterStatus.State;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The informers of one resource kind: one for all namespaces or, when listing across namespaces is forbidden, one
 * per namespace; with what failed, for the status.
 */
final class KindWatch {
    private static final Logger LOG = LoggerFactory.getLogger(KindWatch.class);
    private static final String ALL = "*";

    private final ResourceKind kind;
    private final Function<String, SharedIndexInformer<? extends HasMetadata>> factory;
    private final ResourceEventHandler<HasMetadata> handler;
    private final Map<String, SharedIndexInformer<? extends HasMetadata>> informers = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentSkipListMap<>();
    private volatile boolean notFound;
    private volatile String lastWatchProblem;

    /**
     * @param factory makes an informer for a namespace, or for all namespaces when given null
     * @param onChange called on a client thread after every add, update or delete
     */
    KindWatch(
            ResourceKind kind,
            Function<String, SharedIndexInformer<? extends HasMetadata>> factory,
            Runnable onChange) {
        this.kind = kind;
        this.factory = factory;
        this.handler = new ChangeHandler(onChange);
    }

    ResourceKind kind() {
        return kind;
    }

    /**
     * Lists and watches {@code namespace} (null: all namespaces). When listing all namespaces is forbidden, watches
     * each namespace {@code namespaces} names instead, so RoleBindings per namespace are enough. Completes when
     * every list has succeeded or failed.
     */
    CompletableFuture<Void> start(String namespace, Supplier<List<String>> namespaces) {
        return startOne(namespace).thenCompose(failure -> {
            if (failure == null
                    || namespace != null
                    || !kind.namespaced()
                    || FailureMessages.code(failure) != FailureMessages.FORBIDDEN) {
                return CompletableFuture.completedFuture(null);
            }
            failures.remove(ALL);
            // TODO(#4): namespaces created after connect get no informer of their own in this fallback.
            List<String> names = namespaces.get();
            LOG.info("Listing {} across namespaces is forbidden; trying {} namespaces one by one", kind, names.size());
            return CompletableFuture.allOf(names.stream().map(this::startOne).toArray(CompletableFuture[]::new));
        });
    }

    /** Completes with the failure, or null when listed. */
    private CompletableFuture<Throwable> startOne(String namespace) {
        String key = namespace == null ? ALL : namespace;
        SharedIndexInformer<? extends HasMetadata> informer = factory.apply(namespace);
        informer.addEventHandler(handler);
        informer.exceptionHandler(this::retryAfter);
        informers.put(key, informer);
        CompletableFuture<Throwable> result = new CompletableFuture<>();
        informer.start().whenComplete((ignored, failure) -> {
            if (failure != null) {
                informers.remove(key);
                informer.stop();
                notFound |= FailureMessages.code(failure) == FailureMessages.NOT_FOUND;
                failures.put(key, FailureMessages.listFailure(kind, namespace, failure));
                LOG.warn("{}", failures.get(key));
                LOG.debug("List failure for {} in {}", kind, key, failure);
            }
            result.complete(failure);
        });
        return result;
    }

    /** Called by fabric8 when a list or watch fails: retry unless the answer will not change. */
    private boolean retryAfter(boolean started, Throwable failure) {
        if (!started && FailureMessages.permanent(failure)) {
            return false;
        }
        lastWatchProblem = FailureMessages.rootMessage(failure);
        LOG.warn("Watch of {} failed ({}); fabric8 retries with backoff", kind.plural(), lastWatchProblem);
        LOG.debug("Watch failure for {}", kind, failure);
        return true;
    }

    /** Every cached object of this kind. */
    List<HasMetadata> items() {
        List<HasMetadata> items = new ArrayList<>();
        informers.values().forEach(informer -> items.addAll(informer.getStore().list()));
        return items;
    }

    /** Whether the kind is not served at all (404): Istio's CRDs are not installed. */
    boolean notFound() {
        return notFound && informers.isEmpty();
    }

    /** Live, stale (loading or reconnecting) or error, with failures named. */
    KindStatus status() {
        String failed = failures.isEmpty() ? null : String.join("; ", failures.values());
        if (informers.isEmpty()) {
            return new KindStatus(kind.plural(), failed == null ? State.STALE : State.ERROR, failed);
        }
        boolean synced = informers.values().stream().allMatch(SharedIndexInformer::hasSynced);
        if (!synced) {
            return new KindStatus(kind.plural(), State.STALE, "loading " + kind.plural());
        }
        boolean watching = informers.values().stream().allMatch(SharedIndexInformer::isWatching);
        if (!watching) {
            String why = lastWatchProblem == null ? "" : " (" + lastWatchProblem + ")";
            return new KindStatus(
                    kind.plural(), State.STALE, "the watch on " + kind.plural() + " dropped; reconnecting" + why);
        }
        return new KindStatus(kind.plural(), State.LIVE, failed);
    }

    /** Whether the kind was listed but every one of its watches dropped (and fabric8 is reconnecting). */
    boolean dropped() {
        return !informers.isEmpty()
                && informers.values().stream().allMatch(SharedIndexInformer::hasSynced)
                && informers.values().stream().noneMatch(SharedIndexInformer::isWatching);
    }

    void close() {
        informers.values().forEach(SharedIndexInformer::stop);
        informers.clear();
    }

    /** Forwards every change as a signal; the snapshot is rebuilt from the caches. */
    private record ChangeHandler(Runnable onChange) implements ResourceEventHandler<HasMetadata> {
        @Override
        public void onAdd(HasMetadata object) {
            onChange.run();
        }

        @Override
        public void onUpdate(HasMetadata before, HasMetadata after) {
            onChange.run();
        }

        @Override
        public void onDelete(HasMetadata object, boolean finalStateUnknown) {
            onChange.run();
        }
    }
}
