package dev.trustmap.engine;

import dev.trustmap.mesh.Workload;

/** Who sends a request: a workload of the mesh, or a client outside it. */
public sealed interface Peer permits Peer.Pod, Peer.External {

    /** The peer IP the receiving proxy sees, or null when not known. */
    String ip();

    /** A pod of a workload; a gateway forwarding traffic counts as its own pod. */
    record Pod(Workload workload) implements Peer {
        @Override
        public String ip() {
            return workload.ips().isEmpty() ? null : workload.ips().get(0);
        }
    }

    /** A client outside the cluster: always plaintext. */
    record External(String ip) implements Peer {}
}
