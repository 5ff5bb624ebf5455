package dev.trustmap.analysis.findings;

import dev.trustmap.istio.Attribute;
import dev.trustmap.istio.AuthzPolicy;
import dev.trustmap.istio.AuthzRule;
import dev.trustmap.istio.Clause;
import dev.trustmap.istio.ValueMatcher;
import dev.trustmap.mesh.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * TM207: {@code hosts} (or {@code notHosts}) values without a port while the selected workloads serve Service ports
 * other than 80 and 443: clients then send {@code Host: name:port}, which an exact host without the port never
 * matches.
 */
public final class HostsWithoutPortChecker implements Checker {
    private static final Set<Integer> DEFAULT_PORTS = Set.of(80, 443);

    @Override
    public String code() {
        return "TM207";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String title() {
        return "hosts without the port of a non-default Service port";
    }

    @Override
    public List<Finding> check(MeshContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (AuthzPolicy policy : ctx.policies().authzPolicies()) {
            Set<Integer> ports = nonDefaultPorts(ctx, ctx.selected(policy));
            if (ports.isEmpty() || !MeshContext.enforced(policy)) {
                continue;
            }
            for (AuthzRule rule : policy.rules()) {
                for (Clause clause : rule.to().stream().flatMap(List::stream).toList()) {
                    if (clause.attribute() != Attribute.HOST) {
                        continue;
                    }
                    List<String> hosts =
                            clause.values().stream().map(ValueMatcher::raw).toList();
                    hosts.stream()
                            .filter(h -> !h.contains(":") && !h.endsWith("*"))
                            .forEach(h -> missingPort(h, hosts, ports)
                                    .ifPresent(port -> findings.add(finding(policy, clause, h, port))));
                }
            }
        }
        return findings;
    }

    /**
     * The first non-default port whose {@code host:port} form the same list does not match: neither {@code host:*}
     * nor {@code host:port} is in it.
     */
    private static Optional<Integer> missingPort(String host, List<String> hosts, Set<Integer> ports) {
        if (hosts.contains(host + ":*")) {
            return Optional.empty();
        }
        return ports.stream().filter(p -> !hosts.contains(host + ":" + p)).findFirst();
    }

    private Finding finding(AuthzPolicy policy, Clause clause, String host, int port) {
        return finding(
                ResourceRefs.of(policy),
                clause.path(),
                "host \"" + host + "\" has no port, but clients of Service port " + port + " send Host \"" + host + ":"
                        + port + "\", which it does not match",
                "match the host with any port too: hosts: [\"" + host + "\", \"" + host + ":*\"]");
    }

    private static Set<Integer> nonDefaultPorts(MeshContext ctx, List<Workload> workloads) {
        Set<Integer> ports = new TreeSet<>();
        for (Workload workload : workloads) {
            ctx.servedPorts(workload).stream()
                    .map(p -> p.port().port())
                    .filter(p -> !DEFAULT_PORTS.contains(p))
                    .forEach(ports::add);
        }
        return ports;
    }
}
