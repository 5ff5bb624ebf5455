package dev.trustmap.engine;

import dev.trustmap.istio.DestRule;
import dev.trustmap.istio.DestRule.TlsMode;
import dev.trustmap.istio.PeerAuthnPolicy;
import dev.trustmap.istio.PeerAuthnPolicy.MtlsMode;
import dev.trustmap.istio.PolicySet;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.Workload;
import java.util.Optional;

/**
 * Works out whether a connection is Istio mTLS, plaintext or broken: what the client's proxy sends (DestinationRule
 * TLS mode, else auto mTLS) against what the server's proxy accepts (PeerAuthentication, resolved mesh, namespace,
 * workload, port, with UNSET inheriting).
 */
final class MtlsResolver {
    /** What the client side sends. */
    private enum ClientTls {
        ISTIO_MTLS,
        PLAINTEXT,
        /** TLS the client originates itself (SIMPLE or MUTUAL): not Istio mTLS. */
        ORIGINATED_TLS
    }

    private record ClientSide(ClientTls tls, DestRule destRule, String reason) {}

    private final PolicySet policies;

    MtlsResolver(PolicySet policies) {
        this.policies = policies;
    }

    /** The mode the workload's sidecar enforces on this container port. */
    ServerMode serverMode(Workload workload, int targetPort) {
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

    ConnectionResult resolve(Peer from, Workload to, Service service, int servicePort, int targetPort) {
        ClientSide client = clientSide(from, to, service, servicePort, targetPort);
        String dr = client.destRule() == null ? null : client.destRule().ref();
        if (!to.sidecar() || to.gateway()) {
            String server = to.gateway() ? "GATEWAY" : "NONE";
            String what = to.gateway()
                    ? "a gateway, whose listeners come from Gateway resources"
                    : "no sidecar, so it cannot terminate Istio mTLS";
            if (client.tls() == ClientTls.ISTIO_MTLS) {
                return new ConnectionResult(
                        Connection.BROKEN, server, null, dr, client.reason() + ", but the destination is " + what);
            }
            return new ConnectionResult(
                    Connection.PLAINTEXT, server, null, dr, client.reason() + "; the destination is " + what);
        }
        ServerMode mode = serverMode(to, targetPort);
        String pa = mode.policy() == null ? null : mode.policy().ref();
        Connection connection = combine(client.tls(), mode.mode());
        String reason = client.reason() + "; server port " + targetPort + " is " + mode.describe();
        return new ConnectionResult(connection, mode.mode().name(), pa, dr, reason);
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
            return new ClientSide(ClientTls.PLAINTEXT, null, "client outside the mesh sends plaintext");
        }
        Workload client = ((Peer.Pod) from).workload();
        if (!client.sidecar()) {
            return new ClientSide(ClientTls.PLAINTEXT, null, "client " + client.id() + " has no sidecar: plaintext");
        }
        if (service == null) {
            return new ClientSide(
                    ClientTls.PLAINTEXT,
                    null,
                    "client dialled the pod IP: no Service, so no DestinationRule and no auto mTLS");
        }
        Optional<DestRule> rule = policies.destRuleFor(client, service);
        TlsMode explicit = rule.map(r -> r.tlsModeFor(servicePort)).orElse(null);
        if (explicit != null) {
            return explicitTls(rule.get(), explicit, servicePort);
        }
        return autoMtls(to, service, targetPort, rule.orElse(null));
    }

    private static ClientSide explicitTls(DestRule rule, TlsMode mode, int servicePort) {
        String because = "DestinationRule " + rule.ref() + " sets TLS mode " + mode + " for port " + servicePort;
        switch (mode) {
            case ISTIO_MUTUAL:
                return new ClientSide(ClientTls.ISTIO_MTLS, rule, because + ": client sends Istio mTLS");
            case DISABLE:
                return new ClientSide(ClientTls.PLAINTEXT, rule, because + ": client sends plaintext");
            default:
                return new ClientSide(
                        ClientTls.ORIGINATED_TLS,
                        rule,
                        because + ": client originates its own TLS, which is not Istio mTLS");
        }
    }

    private ClientSide autoMtls(Workload to, Service service, int targetPort, DestRule ruleWithoutTls) {
        String prefix = ruleWithoutTls == null ? "" : "DestinationRule " + ruleWithoutTls.ref() + " sets no TLS; ";
        if (!policies.meshConfig().autoMtls()) {
            return new ClientSide(ClientTls.PLAINTEXT, ruleWithoutTls, prefix + "auto mTLS is off: plaintext");
        }
        ServerMode serviceLevel = namespaceMode(service.namespace());
        if (serviceLevel.mode() == MtlsMode.DISABLE) {
            return new ClientSide(
                    ClientTls.PLAINTEXT,
                    ruleWithoutTls,
                    prefix + "auto mTLS sends plaintext: namespace " + service.namespace() + " is "
                            + serviceLevel.describe());
        }
        if (!to.advertisesIstioMtls()) {
            String why = to.gateway() ? "is a gateway without the tlsMode=istio label" : "has no sidecar";
            return new ClientSide(
                    ClientTls.PLAINTEXT, ruleWithoutTls, prefix + "auto mTLS sends plaintext: the destination " + why);
        }
        if (to.sidecar() && serverMode(to, targetPort).mode() == MtlsMode.DISABLE) {
            return new ClientSide(
                    ClientTls.PLAINTEXT,
                    ruleWithoutTls,
                    prefix + "auto mTLS sends plaintext: the destination disables mTLS on port " + targetPort);
        }
        return new ClientSide(ClientTls.ISTIO_MTLS, ruleWithoutTls, prefix + "auto mTLS: client sends Istio mTLS");
    }
}
