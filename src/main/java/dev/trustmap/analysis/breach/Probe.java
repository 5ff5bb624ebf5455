package dev.trustmap.analysis.breach;

import dev.trustmap.engine.Jwt;
import dev.trustmap.engine.Peer;
import dev.trustmap.engine.Request;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.Workload;
import java.util.Map;

/**
 * One request an attacker controlling a workload sends in the replayed attack: concrete (method, path and Host known,
 * no headers, no token) and sent with the compromised workload's identity.
 *
 * @param from the compromised workload
 * @param to the destination
 * @param service the Service the probe is aimed at
 * @param port the Service port
 * @param targetPort the container port behind it
 * @param plaintext whether the probe dials the pod IP on the container port, which the client's sidecar sends
 *     without mTLS; otherwise it dials the Service like the workload's own traffic
 * @param method the HTTP method, or null for a plain TCP connection
 * @param path the request path, or null for TCP
 * @param host the Host header, or null for TCP
 * @param origin what suggested the probe: the policy and rule ({@code payments/ledger-callers[rule 0]}), {@code GET /}
 *     or {@code TCP}
 */
public record Probe(
        Workload from,
        Workload to,
        Service service,
        int port,
        int targetPort,
        boolean plaintext,
        String method,
        String path,
        String host,
        String origin) {

    /** The request the engine decides. */
    public Request request() {
        return new Request(
                new Peer.Pod(from),
                to,
                plaintext ? null : service,
                plaintext ? targetPort : port,
                null,
                method,
                path,
                host,
                Map.of(),
                Jwt.none());
    }

    /** Whether the probe is a TCP connection rather than an HTTP request. */
    public boolean tcp() {
        return method == null;
    }

    /**
     * The route it travels, {@code ns/from -> ns/to:port} with the Service port, as observed traffic on that Service
     * port is named (a plaintext attempt counts on the same route).
     */
    public String route() {
        return from.id() + " -> " + to.id() + ":" + port;
    }

    /** {@code GET /v1/accounts -> payments/ledger via ledger:80}, with {@code (plaintext, pod IP:8080)} for those. */
    public String describe() {
        String what = tcp() ? "TCP" : method + " " + path;
        String via = plaintext ? " (plaintext, pod IP:" + targetPort + ")" : " via " + service.name() + ":" + port;
        return what + " -> " + to.id() + via;
    }
}
