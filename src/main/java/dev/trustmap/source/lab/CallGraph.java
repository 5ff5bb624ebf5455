package dev.trustmap.source.lab;

import dev.trustmap.mesh.Protocol;
import java.util.List;
import java.util.Map;

/**
 * The calls a platform makes, for the traffic simulator: who calls whom, through which Service port, how often and
 * with which requests.
 *
 * @param calls the calls, in file order
 */
public record CallGraph(List<Call> calls) {

    /** The {@code from} of a call made by clients outside the mesh. */
    public static final String OUTSIDE = "unknown";

    public CallGraph {
        calls = List.copyOf(calls);
    }

    /**
     * One kind of call from a client to a Service port.
     *
     * @param from {@code namespace/workload}, or {@link #OUTSIDE}
     * @param to {@code namespace/workload} of the server
     * @param service the Service dialled, in the server's namespace
     * @param port the Service port dialled
     * @param protocol what the client speaks
     * @param rps the base rate, requests (or TCP connections) per second
     * @param errorRate the share of allowed requests that fail with a 5xx anyway
     * @param requests HTTP and gRPC requests with their weights; empty for TCP
     * @param jwtClaims the claims of the token every request carries; empty for no token
     * @param badTokenShare the share of requests whose token does not verify
     */
    public record Call(
            String from,
            String to,
            String service,
            int port,
            Protocol protocol,
            double rps,
            double errorRate,
            List<Sample> requests,
            Map<String, Object> jwtClaims,
            double badTokenShare) {

        public Call {
            requests = List.copyOf(requests);
            jwtClaims = Map.copyOf(jwtClaims);
        }

        /** Whether the client is outside the mesh. */
        public boolean fromOutside() {
            return OUTSIDE.equals(from);
        }

        /** {@code from -> to:port}, for messages. */
        @Override
        public String toString() {
            return from + " -> " + to + ":" + port;
        }
    }

    /**
     * A request shape of a call and its relative weight.
     *
     * @param method the HTTP method (POST for gRPC)
     * @param path the request path
     * @param weight how often, relative to the call's other requests
     */
    public record Sample(String method, String path, double weight) {}
}
