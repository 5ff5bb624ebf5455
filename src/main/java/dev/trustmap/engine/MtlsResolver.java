package dev.trustmap.engine;

import dev.trustmap.istio.DestRule;
import dev.trustmap.istio.DestRule.TlsMode;
import dev.trustmap.istio.PeerAuthnPolicy;
import dev.trustmap.istio.PeerAuthnPolicy.MtlsMode;
import dev.trustmap.istio.PolicySet;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.Workload;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Works out whether a connection is Istio mTLS, plaintext or broken: what the client's proxy sends (DestinationRule
 * TLS mode, else auto mTLS) against what the server's proxy accepts (PeerAuthentication, resolved mesh, namespace,
 * workload, port, with UNSET inheriting). Decisions are cached; sentences are written only when asked for.
 */
final class MtlsResolver {
    /** What the client side sends. */
    enum ClientTls {
        ISTIO_MTLS,
        PLAINTEXT,
        /** TLS the client originates itself (SIMPLE or MUTUAL): not Istio mTLS. */
        ORIGINATED_TLS
    }

    /** Why the client sends what it sends. */
    enum Why {
        EXTERNAL_CLIENT,
        NO_CLIENT_SIDECAR,
        POD_IP,
        DESTINATION_RULE,
        AUTO_MTLS_OFF,
        NAMESPACE_DISABLES,
        NO_SERVER_SIDECAR,
        GATEWAY,
        PORT_DISABLES,
        AUTO_MTLS
    }

    /** The client's side of a connection. */
    record ClientSide(ClientTls tls, DestRule destRule, TlsMode explicitMode, Why why) {}

    private record ServerKey(Workload workload, int port) {}

    /** A Service by namespace and name: hashing the whole record (selector, ports) per pair was a hot spot. */
    private record ClientKey(
            String namespace, Map<String, String> labels, String serviceNamespace, String serviceName, int port) {}

    private final PolicySet policies;
    private final boolean destRulesSelectClients;
    private final Map<ServerKey, ServerMode> serverModes = new ConcurrentHashMap<>();
    private final Map<ClientKey, Optional<DestRule>> destRules = new ConcurrentHashMap<>();

    MtlsResolver(PolicySet policies) {
        this.policies = policies;
        this.destRulesSelectClients = policies.destRules().stream().anyMatch(d -> d.workloadSelector() != null);
    }

    /** The mode the workload's sidecar enforces on this container port. */
    ServerMode serverMode(Workload workload, int targetPort) {
        return serverModes.computeIfAbsent(
                new ServerKey(workload, targetPort), k -> computeServerMode(workload, targetPort));
    }

    private ServerMode computeServerMode(Workload workload, int targetPort) {
        ServerMode result = namespaceMode(workload.namespace());
        Optional<PeerAuthnPolicy> own = policies.workloadPeerAuthn(workload);
        if (own.isEmpty()) {
            return result;
        }
        PeerAuthnPolicy policy = own.get();
        if (policy.mode() != MtlsMode.UNSET) {
            result = new ServerMode(policy.mode(), policy, "workload");
        }
        MtlsMode portMode = policy.portModes().get(targetPort);
        if (portMode != null) {
            MtlsMode effective = portMode == MtlsMode.UNSET ? result.mode() : portMode;
            result = new ServerMode(effective, policy, "port");
        }
        return result;
    }

    /** The mode set for a whole namespace: its own namespace-wide policy, else the mesh-wide one, else default. */
    ServerMode namespaceMode(String namespace) {
        ServerMode result = new ServerMode(MtlsMode.PERMISSIVE, null, "default");
        Optional<PeerAuthnPolicy> mesh = policies.meshPeerAuthn();
        if (mesh.isPresent() && mesh.get().mode() != MtlsMode.UNSET) {
            result = new ServerMode(mesh.get().mode(), mesh.get(), "mesh");
        }
        Optional<PeerAuthnPolicy> local = policies.namespacePeerAuthn(namespace);
        if (local.isPresent() && local.get().mode() != MtlsMode.UNSET) {
            result = new ServerMode(local.get().mode(), local.get(), "namespace");
        }
        return result;
    }

    /** Only the outcome, for whole-mesh assessment; what clients send is cached on the target. */
    Connection connection(EdgeSource from, EdgeTarget target) {
        ClientTls tls = from.destinationRuleKey == null
                ? clientSide(from.peer, target.workload, target.service, target.port, target.targetPort)
                        .tls()
                : target.clientTls.computeIfAbsent(
                        from.destinationRuleKey,
                        k -> clientSide(from.peer, target.workload, target.service, target.port, target.targetPort)
                                .tls());
        Workload to = target.workload;
        if (!to.sidecar() || to.gateway()) {
            return tls == ClientTls.ISTIO_MTLS ? Connection.BROKEN : Connection.PLAINTEXT;
        }
        return combine(tls, target.serverMode.mode());
    }

    boolean destRulesSelectClients() {
        return destRulesSelectClients;
    }

    /** The outcome with the policies behind it and a sentence for people. */
    ConnectionResult resolve(Peer from, Workload to, Service service, int servicePort, int targetPort) {
        ClientSide client = clientSide(from, to, service, servicePort, targetPort);
        String dr = client.destRule() == null ? null : client.destRule().ref();
        String clientReason = MtlsReasons.client(client, from, service, servicePort, targetPort);
        if (!to.sidecar() || to.gateway()) {
            Connection connection = client.tls() == ClientTls.ISTIO_MTLS ? Connection.BROKEN : Connection.PLAINTEXT;
            return new ConnectionResult(
                    connection,
                    to.gateway() ? "GATEWAY" : "NONE",
                    null,
                    dr,
                    MtlsReasons.unprotectedServer(clientReason, to, connection));
        }
        ServerMode mode = serverMode(to, targetPort);
        String pa = mode.policy() == null ? null : mode.policy().ref();
        String reason = clientReason + "; server port " + targetPort + " is " + mode.describe();
        return new ConnectionResult(
                combine(client.tls(), mode.mode()), mode.mode().name(), pa, dr, reason);
    }

    private static Connection combine(ClientTls client, MtlsMode server) {
        switch (server) {
            case STRICT:
                return client == ClientTls.ISTIO_MTLS ? Connection.MTLS : Connection.BROKEN;
            case DISABLE:
                return client == ClientTls.ISTIO_MTLS ? Connection.BROKEN : Connection.PLAINTEXT;
            default:
                return client == ClientTls.ISTIO_MTLS ? Connection.MTLS : Connection.PLAINTEXT;
        }
    }

    private ClientSide clientSide(Peer from, Workload to, Service service, int servicePort, int targetPort) {
        if (from instanceof Peer.External) {
            return new ClientSide(ClientTls.PLAINTEXT, null, null, Why.EXTERNAL_CLIENT);
        }
        Workload client = ((Peer.Pod) from).workload();
        if (!client.sidecar()) {
            return new ClientSide(ClientTls.PLAINTEXT, null, null, Why.NO_CLIENT_SIDECAR);
        }
        if (service == null) {
            return new ClientSide(ClientTls.PLAINTEXT, null, null, Why.POD_IP);
        }
        DestRule rule = destRule(client, service, servicePort);
        TlsMode explicit = rule == null ? null : rule.tlsModeFor(servicePort);
        if (explicit != null) {
            ClientTls tls = explicit == TlsMode.ISTIO_MUTUAL
                    ? ClientTls.ISTIO_MTLS
                    : explicit == TlsMode.DISABLE ? ClientTls.PLAINTEXT : ClientTls.ORIGINATED_TLS;
            return new ClientSide(tls, rule, explicit, Why.DESTINATION_RULE);
        }
        Why why = autoMtls(to, service, targetPort);
        return new ClientSide(why == Why.AUTO_MTLS ? ClientTls.ISTIO_MTLS : ClientTls.PLAINTEXT, rule, null, why);
    }

    private DestRule destRule(Workload client, Service service, int servicePort) {
        Map<String, String> labels = destRulesSelectClients ? client.labels() : Map.of();
        ClientKey key = new ClientKey(client.namespace(), labels, service.namespace(), service.name(), servicePort);
        return destRules
                .computeIfAbsent(key, k -> policies.destRuleFor(client, service))
                .orElse(null);
    }

    /**
     * Auto mTLS sends Istio mTLS only to endpoints labelled {@code tlsMode=istio} (sidecars, not gateways), and
     * not when the Service's namespace-level mode or the endpoint's own mode on that port is DISABLE.
     */
    private Why autoMtls(Workload to, Service service, int targetPort) {
        if (!policies.meshConfig().autoMtls()) {
            return Why.AUTO_MTLS_OFF;
        }
        if (namespaceMode(service.namespace()).mode() == MtlsMode.DISABLE) {
            return Why.NAMESPACE_DISABLES;
        }
        if (!to.advertisesIstioMtls()) {
            return to.gateway() ? Why.GATEWAY : Why.NO_SERVER_SIDECAR;
        }
        if (serverMode(to, targetPort).mode() == MtlsMode.DISABLE) {
            return Why.PORT_DISABLES;
        }
        return Why.AUTO_MTLS;
    }
}
