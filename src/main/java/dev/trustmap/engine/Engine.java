package dev.trustmap.engine;

import dev.trustmap.istio.AuthzPolicy;
import dev.trustmap.istio.PolicyCompiler;
import dev.trustmap.istio.PolicySet;
import dev.trustmap.mesh.MeshConfig;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Protocol;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.ServicePort;
import dev.trustmap.mesh.Workload;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides requests against one mesh snapshot: first the connection (mTLS, plaintext or broken), then the JWT
 * (RequestAuthentication), then authorization (CUSTOM, DENY, ALLOW), as Istio's proxies would. Thread-safe.
 */
public final class Engine {
    private final MeshSnapshot snapshot;
    private final PolicySet policies;
    private final ExternalAuthorizer externalAuthorizer;
    private final MtlsResolver mtls;
    private final JwtAuthenticator jwt;
    private final AuthzEvaluator authz;
    private final Map<Workload, WorkloadPolicies> byWorkload = new ConcurrentHashMap<>();

    private Engine(MeshSnapshot snapshot, PolicySet policies, ExternalAuthorizer externalAuthorizer, Clock clock) {
        this.snapshot = snapshot;
        this.policies = policies;
        this.externalAuthorizer = externalAuthorizer;
        this.mtls = new MtlsResolver(policies);
        this.jwt = new JwtAuthenticator(policies, clock);
        this.authz = new AuthzEvaluator(externalAuthorizer);
    }

    /** Compiles the snapshot's policies; CUSTOM providers answer "unknown". */
    public static Engine of(MeshSnapshot snapshot) {
        return of(snapshot, ExternalAuthorizer.unknown());
    }

    /** Compiles the snapshot's policies, asking {@code externalAuthorizer} for CUSTOM decisions. */
    public static Engine of(MeshSnapshot snapshot, ExternalAuthorizer externalAuthorizer) {
        return new Engine(snapshot, PolicyCompiler.compile(snapshot), externalAuthorizer, Clock.systemUTC());
    }

    public MeshSnapshot snapshot() {
        return snapshot;
    }

    public PolicySet policies() {
        return policies;
    }

    /** The verdict for one request, with its explanation. */
    public Verdict evaluate(Request request) {
        Workload to = request.to();
        int targetPort = targetPort(to, request.service(), request.port());
        ConnectionResult connection = mtls.resolve(request.from(), to, request.service(), request.port(), targetPort);
        if (connection.connection() == Connection.BROKEN) {
            return new Verdict(connection, broken(request.from(), connection));
        }
        if (!to.sidecar()) {
            return new Verdict(
                    connection,
                    new AuthzResult(
                            Decision.ALLOW,
                            null,
                            null,
                            -1,
                            "the destination has no sidecar, so no policy is enforced",
                            List.of(),
                            200));
        }
        boolean tcp = !isHttp(request, protocol(request));
        JwtOutcome token = jwt.authenticate(to, request.jwt(), !tcp);
        if (token.state() == JwtOutcome.State.REJECTED) {
            return new Verdict(
                    connection,
                    new AuthzResult(
                            Decision.DENY,
                            token.policy(),
                            "RequestAuthentication",
                            -1,
                            token.reason(),
                            List.of(),
                            401));
        }
        RequestContext ctx = context(request, connection.mtls(), targetPort, tcp, token);
        WorkloadPolicies policies = policiesOf(to);
        Decided decided = authz.decide(policies, ctx, request);
        return new Verdict(connection, AuthzExplainer.explain(decided, policies, ctx));
    }

    /** The destination side of edges to a Service port, prepared once for {@link #decide}. */
    public EdgeTarget target(Workload to, Service service, int port) {
        int targetPort = targetPort(to, service, port);
        Request probe = Request.edge(new Peer.External(null), to, service, port);
        Protocol protocol = protocol(probe);
        JwtOutcome token = jwt.authenticate(to, Jwt.unknown(), isHttp(probe, protocol));
        EdgeTarget.ProxySide proxy = new EdgeTarget.ProxySide(
                policiesOf(to),
                token,
                mtls.serverMode(to, targetPort),
                RemoteAddress.alwaysPeer(to.gateway(), policies.meshConfig().trustedProxies()));
        return new EdgeTarget(to, service, port, targetPort, protocol, proxy);
    }

    /** The client side of edges, prepared once for {@link #decide}. */
    public EdgeSource source(Peer peer) {
        return new EdgeSource(peer, policies.meshConfig().trustDomain(), mtls.destRulesSelectClients());
    }

    /**
     * The verdict for an edge seen in telemetry (no method, path, headers or token known), without explanation:
     * the fast path for whole-mesh assessment. Agrees with {@link #evaluate} on {@link Request#edge}.
     */
    public EdgeOutcome decide(EdgeSource from, EdgeTarget target) {
        Workload to = target.workload;
        Connection connection = mtls.connection(from, target);
        if (connection == Connection.BROKEN) {
            return new EdgeOutcome(Decision.DENY, connection, null, -1);
        }
        if (!to.sidecar()) {
            return new EdgeOutcome(Decision.ALLOW, connection, null, -1);
        }
        if (target.policies.none()) {
            return new EdgeOutcome(Decision.ALLOW, connection, null, -1);
        }
        boolean mtlsConnection = connection == Connection.MTLS;
        Decided decided = target.decisions.computeIfAbsent(
                target.classes.key(from, mtlsConnection),
                k -> authz.decide(target.policies, new RequestContext(from, target, mtlsConnection), null));
        return new EdgeOutcome(decided.decision(), connection, decided.policy(), decided.rule());
    }

    private static AuthzResult broken(Peer from, ConnectionResult connection) {
        boolean clientSidecar = from instanceof Peer.Pod pod && pod.workload().sidecar();
        return new AuthzResult(
                Decision.DENY,
                null,
                null,
                -1,
                "the connection breaks before authorization: " + connection.reason(),
                List.of(),
                clientSidecar ? 503 : 0);
    }

    /** The container port a request reaches: the Service's targetPort (by number or name), or the dialled port. */
    public int targetPort(Workload to, Service service, int port) {
        if (service == null) {
            return port;
        }
        Optional<ServicePort> servicePort = service.port(port);
        if (servicePort.isEmpty() || servicePort.get().targetPort() == null) {
            return port;
        }
        String target = servicePort.get().targetPort();
        if (target.chars().allMatch(Character::isDigit) && !target.isEmpty()) {
            return Integer.parseInt(target);
        }
        return to.port(target).map(p -> p.number()).orElse(port);
    }

    /**
     * The protocol the destination's proxy handles the request with. Its inbound listener is built from the port's
     * declared protocol: a port declared TCP, TLS or HTTPS is handled as TCP whatever the client speaks. Otherwise
     * the request's protocol counts when given, else the declared one (for a pod IP, that of a Service port
     * targeting the container port), else unknown (sniffed).
     */
    public Protocol protocol(Request request) {
        Protocol declared = declaredProtocol(request);
        if (declared != Protocol.UNKNOWN && !declared.isHttp()) {
            return declared;
        }
        return request.protocol() != null ? request.protocol() : declared;
    }

    private Protocol declaredProtocol(Request request) {
        if (request.service() != null) {
            return request.service()
                    .port(request.port())
                    .map(ServicePort::protocol)
                    .orElse(Protocol.UNKNOWN);
        }
        Workload to = request.to();
        for (Service service : snapshot.servicesOf(to)) {
            for (ServicePort port : service.ports()) {
                if (targetPort(to, service, port.port()) == request.port()) {
                    return port.protocol();
                }
            }
        }
        return Protocol.UNKNOWN;
    }

    private static boolean isHttp(Request request, Protocol protocol) {
        if (protocol == Protocol.UNKNOWN) {
            return request.method() != null || request.path() != null || request.host() != null;
        }
        return protocol.isHttp();
    }

    /** The mode the workload's sidecar enforces on a container port, with the PeerAuthentication behind it. */
    public ServerMode serverMode(Workload workload, int containerPort) {
        return mtls.serverMode(workload, containerPort);
    }

    /** The AuthorizationPolicies that select a workload, dry-run ones included. */
    public List<AuthzPolicy> policiesSelecting(Workload workload) {
        return policies.authzFor(workload);
    }

    private WorkloadPolicies policiesOf(Workload workload) {
        return byWorkload.computeIfAbsent(
                workload,
                w -> WorkloadPolicies.of(
                        policies.authzFor(w), policies.meshConfig().extensionProviders(), knownProviders()));
    }

    private Set<String> knownProviders() {
        return policies.authzPolicies().stream()
                .map(AuthzPolicy::provider)
                .filter(p -> p != null && externalAuthorizer.knows(p))
                .collect(java.util.stream.Collectors.toSet());
    }

    private RequestContext context(
            Request request, boolean mtlsConnection, int targetPort, boolean tcp, JwtOutcome token) {
        MeshConfig mesh = policies.meshConfig();
        RequestContext.Builder b = new RequestContext.Builder();
        b.tcp = tcp;
        identify(b, request.from(), mtlsConnection);
        if (mtlsConnection && request.service() != null) {
            b.sni = "outbound_." + request.port() + "_._." + request.service().fqdn();
        }
        b.sourceIp = request.from().ip();
        b.remoteIp =
                RemoteAddress.of(b.sourceIp, request.headers(), request.to().gateway(), mesh.trustedProxies());
        b.destinationIp =
                request.to().ips().isEmpty() ? null : request.to().ips().get(0);
        b.destinationPort = targetPort;
        b.host = request.host();
        b.method = request.method() == null && protocol(request) == Protocol.GRPC ? "POST" : request.method();
        b.path = PathNormalizer.normalize(request.path(), mesh.pathNormalization());
        b.headers = request.headers();
        b.jwt = token;
        return b.build();
    }

    /** The peer identity, which only an mTLS connection carries. */
    private void identify(RequestContext.Builder b, Peer from, boolean mtlsConnection) {
        if (mtlsConnection && from instanceof Peer.Pod pod) {
            Workload client = pod.workload();
            b.principal = client.identity(policies.meshConfig().trustDomain()).principal();
            b.peerNamespace = client.namespace();
            b.peerServiceAccount = client.namespace() + "/" + client.serviceAccount();
        }
    }
}
