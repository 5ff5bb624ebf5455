package dev.trustmap.source.lab;

import dev.trustmap.engine.Engine;
import dev.trustmap.engine.Jwt;
import dev.trustmap.engine.Peer;
import dev.trustmap.engine.Request;
import dev.trustmap.engine.Verdict;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.Workload;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call resolved against one engine's snapshot: the client, server and Service, and the verdict of each distinct
 * request the call makes. The engine's answer depends on the request alone, so each distinct request (sample and
 * token state) is evaluated once per engine and remembered.
 */
final class CallRoute {
    /** The address clients outside the mesh come from (a documentation range). */
    static final String OUTSIDE_IP = "203.0.113.10";

    private static final Logger LOG = LoggerFactory.getLogger(CallRoute.class);

    private final CallGraph.Call call;
    private final Engine engine;
    private final Peer from;
    private final Workload to;
    private final Service service;
    private final Verdict[] verdicts;

    private CallRoute(CallGraph.Call call, Engine engine, Peer from, Workload to, Service service) {
        this.call = call;
        this.engine = engine;
        this.from = from;
        this.to = to;
        this.service = service;
        this.verdicts = new Verdict[Math.max(1, call.requests().size()) * 2];
    }

    /** The route of {@code call} in the engine's snapshot, or empty (logged) when a workload or Service is missing. */
    static Optional<CallRoute> resolve(CallGraph.Call call, Engine engine) {
        MeshSnapshot snapshot = engine.snapshot();
        Optional<Workload> to = workload(snapshot, call.to());
        Optional<Peer> from = call.fromOutside()
                ? Optional.of(new Peer.External(OUTSIDE_IP))
                : workload(snapshot, call.from()).map(Peer.Pod::new);
        Optional<Service> service = to.flatMap(w -> snapshot.service(w.namespace(), call.service()));
        if (from.isEmpty() || to.isEmpty() || service.isEmpty()) {
            LOG.warn("The call {} names a workload or Service the mesh does not have; it is left out", call);
            return Optional.empty();
        }
        return Optional.of(new CallRoute(call, engine, from.get(), to.get(), service.get()));
    }

    private static Optional<Workload> workload(MeshSnapshot snapshot, String id) {
        String[] parts = id.split("/", 2);
        return parts.length == 2 ? snapshot.workload(parts[0], parts[1]) : Optional.empty();
    }

    CallGraph.Call call() {
        return call;
    }

    Peer from() {
        return from;
    }

    Workload to() {
        return to;
    }

    /** The engine's verdict for request {@code sample} of the call, with a good or a bad token. */
    Verdict verdict(int sample, boolean badToken) {
        int slot = sample * 2 + (badToken ? 1 : 0);
        if (verdicts[slot] == null) {
            verdicts[slot] = engine.evaluate(request(sample, badToken));
        }
        return verdicts[slot];
    }

    /** The request a sample stands for; TCP calls have one request without method, path or token. */
    Request request(int sample, boolean badToken) {
        if (!call.protocol().isHttp()) {
            return new Request(from, to, service, call.port(), call.protocol(), null, null, null, Map.of(), Jwt.none());
        }
        CallGraph.Sample shape = call.requests().get(sample);
        Jwt jwt;
        if (call.jwtClaims().isEmpty()) {
            jwt = Jwt.none();
        } else {
            jwt = badToken ? Jwt.unverifiable() : Jwt.signed(call.jwtClaims());
        }
        return new Request(
                from,
                to,
                service,
                call.port(),
                call.protocol(),
                shape.method(),
                shape.path(),
                service.fqdn(),
                Map.of(),
                jwt);
    }
}
