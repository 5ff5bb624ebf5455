package dev.trustmap.engine;

import dev.trustmap.engine.MtlsResolver.ClientTls;
import dev.trustmap.mesh.Protocol;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.Workload;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The destination side of an edge, worked out once and reused for every client: the container port, whether the
 * traffic is TCP (no method, path or headers are known, so a port of unknown protocol counts as TCP), the
 * workload's enforced policies and what its JWT filter makes of an unknown token. Made by {@link Engine#target}.
 */
public final class EdgeTarget {
    final Workload workload;
    final Service service;
    final int port;
    final int targetPort;
    final boolean tcp;
    final WorkloadPolicies policies;
    final JwtOutcome token;
    final String sni;
    final boolean grpc;
    final ServerMode serverMode;
    /** What clients send, by {@link EdgeSource#destinationRuleKey}. */
    final Map<Object, ClientTls> clientTls = new ConcurrentHashMap<>();

    /** Whether {@code remote.ip} is the peer's address whatever X-Forwarded-For says. */
    final boolean remoteIsPeer;

    final SourceClasses classes;
    /** Authorization decisions by client class; see {@link SourceClasses}. */
    final Map<SourceClasses.Key, Decided> decisions = new ConcurrentHashMap<>();

    final List<String> destinationIpValue;
    final List<String> destinationPortValue;
    final List<String> sniValue;

    /** What the engine works out about the destination's proxy for this port. */
    record ProxySide(WorkloadPolicies policies, JwtOutcome token, ServerMode serverMode, boolean remoteIsPeer) {}

    EdgeTarget(Workload workload, Service service, int port, int targetPort, Protocol protocol, ProxySide proxy) {
        this.workload = workload;
        this.service = service;
        this.port = port;
        this.targetPort = targetPort;
        this.tcp = !protocol.isHttp();
        this.policies = proxy.policies();
        this.token = proxy.token();
        this.grpc = protocol == Protocol.GRPC;
        this.serverMode = proxy.serverMode();
        this.remoteIsPeer = proxy.remoteIsPeer();
        this.classes = new SourceClasses(proxy.policies());
        this.destinationIpValue = workload.ips().isEmpty()
                ? RequestContext.UNKNOWN
                : List.of(workload.ips().get(0));
        this.destinationPortValue = List.of(String.valueOf(targetPort));
        this.sni = service == null ? null : "outbound_." + port + "_._." + service.fqdn();
        this.sniValue = sni == null ? null : List.of(sni);
    }

    public Workload workload() {
        return workload;
    }

    public Service service() {
        return service;
    }

    /** The Service port (or the container port when dialled by pod IP). */
    public int port() {
        return port;
    }

    public int targetPort() {
        return targetPort;
    }
}
