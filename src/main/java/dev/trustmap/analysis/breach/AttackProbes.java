package dev.trustmap.analysis.breach;

import dev.trustmap.engine.Engine;
import dev.trustmap.engine.Peer;
import dev.trustmap.engine.Request;
import dev.trustmap.istio.Action;
import dev.trustmap.istio.AuthzPolicy;
import dev.trustmap.istio.AuthzRule;
import dev.trustmap.istio.PeerAuthnPolicy.MtlsMode;
import dev.trustmap.mesh.Protocol;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.ServicePort;
import dev.trustmap.mesh.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attack a careful attacker controlling one workload would replay: per Service port of every other workload, the
 * requests the ALLOW policies in force for that workload permit (their methods, paths, hosts and ports, made
 * concrete), plus {@code GET /}, plus one plaintext attempt on the pod IP where the server's sidecar accepts
 * plaintext. TCP ports get one connection. Every probe carries the compromised workload's identity and no token.
 */
public final class AttackProbes {
    static final String GET_ROOT = "GET /";

    private AttackProbes() {}

    /** The probes from {@code from} to every Service port of the other workloads, in the mesh's order. */
    public static List<Probe> plan(Engine engine, Workload from) {
        List<Probe> probes = new ArrayList<>();
        for (Workload to : engine.snapshot().workloads()) {
            if (to.equals(from)) {
                continue;
            }
            for (Service service : engine.snapshot().servicesOf(to)) {
                for (ServicePort port : service.ports()) {
                    probes.addAll(toPort(engine, from, to, service, port.port()));
                }
            }
        }
        return probes;
    }

    /** Decides every probe with {@code engine} (the current policies or a draft's). */
    public static List<ProbeResult> run(Engine engine, List<Probe> probes) {
        return probes.stream()
                .map(p -> new ProbeResult(p, engine.evaluate(p.request())))
                .toList();
    }

    private static List<Probe> toPort(Engine engine, Workload from, Workload to, Service service, int port) {
        int targetPort = engine.targetPort(to, service, port);
        Protocol protocol = engine.protocol(Request.edge(new Peer.Pod(from), to, service, port));
        Map<ProbeRequests.Operation, String> operations = new LinkedHashMap<>();
        if (protocol.isHttp() || protocol == Protocol.UNKNOWN) {
            String host = service.fqdn() + (port == 80 ? "" : ":" + port);
            allowed(engine, to, targetPort, host, operations);
            operations.putIfAbsent(new ProbeRequests.Operation("GET", "/", host), GET_ROOT);
        } else {
            operations.put(new ProbeRequests.Operation(null, null, null), "TCP");
        }
        List<Probe> probes = new ArrayList<>();
        operations.forEach((op, origin) -> probes.add(
                new Probe(from, to, service, port, targetPort, false, op.method(), op.path(), op.host(), origin)));
        if (acceptsPlaintext(engine, to, targetPort) && !probes.isEmpty()) {
            Probe first = probes.get(0);
            probes.add(new Probe(
                    from,
                    to,
                    service,
                    port,
                    targetPort,
                    true,
                    first.method(),
                    first.path(),
                    first.host(),
                    "plaintext, " + first.origin()));
        }
        return probes;
    }

    // TODO(#6): probes carry no headers and no token: rules whose `when` names a header or a JWT claim, and DENY
    // rules an attacker could try to slip past (sub-paths, case, encodings), are not probed yet.
    /** The requests each enforced ALLOW rule of the destination permits on this port, by the rule that names them. */
    private static void allowed(
            Engine engine, Workload to, int targetPort, String host, Map<ProbeRequests.Operation, String> into) {
        for (AuthzPolicy policy : engine.policiesSelecting(to)) {
            if (policy.action() != Action.ALLOW || policy.dryRun() || policy.invalid() != null) {
                continue;
            }
            for (AuthzRule rule : policy.rules()) {
                if (rule.invalid() != null) {
                    continue;
                }
                String origin = policy.ref() + "[rule " + rule.index() + "]";
                for (var operation : rule.to()) {
                    ProbeRequests.of(operation, targetPort, host).forEach(op -> into.putIfAbsent(op, origin));
                }
            }
        }
    }

    /**
     * Whether a plaintext attempt can reach the server's authorization at all: it has a sidecar (not a gateway) whose
     * mode on the port is not STRICT. Against STRICT, or a workload without sidecar (already plaintext), the attempt
     * adds nothing.
     */
    private static boolean acceptsPlaintext(Engine engine, Workload to, int targetPort) {
        return to.sidecar()
                && !to.gateway()
                && engine.serverMode(to, targetPort).mode() != MtlsMode.STRICT;
    }
}
