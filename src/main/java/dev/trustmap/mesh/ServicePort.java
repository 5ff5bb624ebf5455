package dev.trustmap.mesh;

/**
 * One port of a Kubernetes Service.
 *
 * @param name the port name, may be null
 * @param port the port clients dial
 * @param targetPort the container port number or name it forwards to (as written in the Service)
 * @param appProtocol the {@code appProtocol} field, may be null
 */
public record ServicePort(String name, int port, String targetPort, String appProtocol) {

    /** The protocol Istio assumes for traffic on this port. */
    public Protocol protocol() {
        return Protocol.ofServicePort(name, appProtocol);
    }
}
