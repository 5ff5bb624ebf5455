package dev.trustmap.source.scenario;

import dev.trustmap.engine.Peer;
import dev.trustmap.engine.Request;

/** Short, one-line descriptions of requests for reports. */
public final class RequestText {
    private RequestText() {}

    /**
     * {@code foo/sleep -> foo/httpbin:8000 GET /get}; an outside client is {@code external:IP}, a pod-IP dial is
     * marked {@code (pod IP)}, and a TCP or gRPC request names its protocol.
     */
    public static String describe(Request request) {
        StringBuilder text = new StringBuilder(peer(request.from()))
                .append(" -> ")
                .append(request.to().id())
                .append(':')
                .append(request.port());
        if (request.viaPodIp()) {
            text.append(" (pod IP)");
        }
        if (request.protocol() != null) {
            text.append(' ').append(request.protocol());
        }
        if (request.method() != null) {
            text.append(' ').append(request.method());
        }
        if (request.path() != null) {
            text.append(' ').append(request.path());
        }
        return text.toString();
    }

    /** {@code namespace/workload}, or {@code external:IP} for a client outside the mesh. */
    public static String peer(Peer peer) {
        if (peer instanceof Peer.Pod pod) {
            return pod.workload().id();
        }
        return "external:" + (peer.ip() == null ? "?" : peer.ip());
    }
}
