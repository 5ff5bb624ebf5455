package dev.trustmap.engine;

import dev.trustmap.mesh.Workload;
import java.util.List;

/**
 * The client side of edges, worked out once and reused for every destination: the peer and the identity its
 * certificate carries. Made by {@link Engine#source}.
 */
public final class EdgeSource {
    final Peer peer;
    final String principal;
    final String namespace;
    final String serviceAccount;
    /**
     * What a sidecar client's TLS choice depends on besides the destination: its namespace, and its labels when
     * DestinationRules select clients. Null when there is nothing to cache (no sidecar, not a pod).
     */
    final Object destinationRuleKey;

    final List<String> principalValue;
    final List<String> namespaceValue;
    final List<String> serviceAccountValue;
    final List<String> ipValue;

    EdgeSource(Peer peer, String trustDomain, boolean labelsMatter) {
        this.peer = peer;
        if (peer instanceof Peer.Pod pod) {
            Workload w = pod.workload();
            this.principal = w.identity(trustDomain).principal();
            this.namespace = w.namespace();
            this.serviceAccount = w.namespace() + "/" + w.serviceAccount();
            this.destinationRuleKey =
                    !w.sidecar() ? null : labelsMatter ? w.namespace() + "|" + w.labels() : w.namespace();
        } else {
            this.principal = null;
            this.namespace = null;
            this.serviceAccount = null;
            this.destinationRuleKey = null;
        }
        this.principalValue = principal == null ? null : List.of(principal);
        this.namespaceValue = namespace == null ? null : List.of(namespace);
        this.serviceAccountValue = serviceAccount == null ? null : List.of(serviceAccount);
        this.ipValue = peer.ip() == null ? RequestContext.UNKNOWN : List.of(peer.ip());
    }

    public Peer peer() {
        return peer;
    }
}
