package dev.trustmap.engine;

import dev.trustmap.engine.MtlsResolver.ClientSide;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.Workload;

/** Sentences that explain a connection result. */
final class MtlsReasons {
    private MtlsReasons() {}

    static String client(ClientSide client, Peer from, Service service, int servicePort, int targetPort) {
        String prefix = client.destRule() != null && client.explicitMode() == null
                ? "DestinationRule " + client.destRule().ref() + " sets no TLS; "
                : "";
        switch (client.why()) {
            case EXTERNAL_CLIENT:
                return "client outside the mesh sends plaintext";
            case NO_CLIENT_SIDECAR:
                return "client " + ((Peer.Pod) from).workload().id() + " has no sidecar: plaintext";
            case POD_IP:
                return "client dialled the pod IP: no Service, so no DestinationRule and no auto mTLS";
            case DESTINATION_RULE:
                return destinationRule(client, servicePort);
            case AUTO_MTLS_OFF:
                return prefix + "auto mTLS is off: plaintext";
            case NAMESPACE_DISABLES:
                return prefix + "auto mTLS sends plaintext: namespace " + service.namespace()
                        + " disables mTLS, so Istio treats the Service as plaintext";
            case GATEWAY:
                return prefix
                        + "auto mTLS sends plaintext: the destination is a gateway without the tlsMode=istio label";
            case NO_SERVER_SIDECAR:
                return prefix + "auto mTLS sends plaintext: the destination has no sidecar";
            case PORT_DISABLES:
                return prefix + "auto mTLS sends plaintext: the destination disables mTLS on port " + targetPort;
            default:
                return prefix + "auto mTLS: client sends Istio mTLS";
        }
    }

    private static String destinationRule(ClientSide client, int servicePort) {
        String because = "DestinationRule " + client.destRule().ref() + " sets TLS mode " + client.explicitMode()
                + " for port " + servicePort;
        switch (client.tls()) {
            case ISTIO_MTLS:
                return because + ": client sends Istio mTLS";
            case PLAINTEXT:
                return because + ": client sends plaintext";
            default:
                return because + ": client originates its own TLS, which is not Istio mTLS";
        }
    }

    static String unprotectedServer(String clientReason, Workload to, Connection connection) {
        String what = to.gateway()
                ? "is a gateway, whose listeners come from Gateway resources"
                : "has no sidecar, so it cannot terminate Istio mTLS";
        return connection == Connection.BROKEN
                ? clientReason + ", but the destination " + what
                : clientReason + "; the destination " + what;
    }
}
