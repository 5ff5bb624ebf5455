package dev.trustmap.engine;

import dev.trustmap.mesh.Protocol;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.Workload;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request, or the class of requests on an edge, to decide. A null method, path or host, and null headers,
 * mean "not known": the engine then answers with three-valued logic and may return {@link Decision#CONDITIONAL}.
 *
 * @param from the sender
 * @param to the receiving workload
 * @param service the Service the client dialled, or null when it dialled the pod IP
 * @param port the Service port dialled, or the container port when {@code service} is null
 * @param protocol the protocol spoken, or null to take the port's
 * @param method the HTTP method (gRPC is always POST)
 * @param path the request path, query string included as sent
 * @param host the Host or :authority header exactly as sent
 * @param headers request headers with lower-case names
 * @param jwt the token the request carries
 */
public record Request(
        Peer from,
        Workload to,
        Service service,
        int port,
        Protocol protocol,
        String method,
        String path,
        String host,
        Map<String, String> headers,
        Jwt jwt) {

    public Request {
        if (headers != null) {
            Map<String, String> lower = new TreeMap<>();
            headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
            headers = Map.copyOf(lower);
        }
        jwt = jwt == null ? Jwt.none() : jwt;
    }

    /** An edge seen in telemetry: sender, receiver and port known, nothing about the HTTP request. */
    public static Request edge(Peer from, Workload to, Service service, int port) {
        return new Request(from, to, service, port, null, null, null, null, null, Jwt.unknown());
    }

    /** Whether the client dialled the pod IP, bypassing any Service. */
    public boolean viaPodIp() {
        return service == null;
    }

    /** A copy speaking the given protocol. */
    public Request withProtocol(Protocol newProtocol) {
        return new Request(from, to, service, port, newProtocol, method, path, host, headers, jwt);
    }
}
