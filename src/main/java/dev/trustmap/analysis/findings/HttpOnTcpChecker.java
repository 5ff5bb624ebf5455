package dev.trustmap.analysis.findings;

import dev.trustmap.istio.Action;
import dev.trustmap.istio.Attribute;
import dev.trustmap.istio.AuthzPolicy;
import dev.trustmap.istio.AuthzRule;
import dev.trustmap.istio.Clause;
import dev.trustmap.istio.ValueMatcher;
import dev.trustmap.mesh.Protocol;
import dev.trustmap.mesh.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * TM205: HTTP-only fields (methods, paths, hosts, headers, JWT claims) in a rule that applies to TCP ports of the
 * selected workloads. On TCP the sidecar drops such an ALLOW rule (its callers are denied) and ignores the HTTP fields
 * of a DENY rule (it denies more than written).
 */
public final class HttpOnTcpChecker implements Checker {

    @Override
    public String code() {
        return "TM205";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String title() {
        return "HTTP-only fields in a rule that applies to TCP ports";
    }

    @Override
    public List<Finding> check(MeshContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (AuthzPolicy policy : ctx.policies().authzPolicies()) {
            if (!MeshContext.enforced(policy) || policy.action() == Action.AUDIT) {
                continue;
            }
            Set<String> tcp = tcpPorts(ctx, ctx.selected(policy));
            for (AuthzRule rule : policy.rules()) {
                Optional<Clause> http =
                        clauses(rule).filter(c -> c.attribute().httpOnly()).findFirst();
                Set<String> hit = new TreeSet<>(tcp);
                hit.retainAll(portsOf(rule, tcp));
                if (rule.httpOnly() && http.isPresent() && !hit.isEmpty()) {
                    findings.add(finding(ResourceRefs.of(policy), http.get().path(), message(policy, hit), fix()));
                }
            }
        }
        return findings;
    }

    private static String message(AuthzPolicy policy, Set<String> ports) {
        String where = "the rule uses HTTP-only fields but applies to TCP port(s) " + String.join(", ", ports);
        return policy.action() == Action.DENY
                ? where + ": on TCP the sidecar ignores those fields, so the DENY rule matches all TCP traffic"
                        + " its other fields match"
                : where + ": on TCP the sidecar drops the whole rule, so the callers it names are denied there";
    }

    private static String fix() {
        return "split the rule: one for the TCP port(s) with only from and ports, one for the HTTP ports with the"
                + " HTTP fields and ports naming them";
    }

    private static Stream<Clause> clauses(AuthzRule rule) {
        return Stream.concat(
                Stream.concat(
                        rule.from().stream().flatMap(List::stream),
                        rule.to().stream().flatMap(List::stream)),
                rule.when().stream());
    }

    /** Container ports served with a non-HTTP protocol Istio knows (TCP, TLS, HTTPS); sniffed ports left out. */
    private static Set<String> tcpPorts(MeshContext ctx, List<Workload> workloads) {
        Set<String> ports = new TreeSet<>();
        for (Workload workload : workloads) {
            for (MeshContext.ServedPort port : ctx.servedPorts(workload)) {
                Protocol protocol = port.port().protocol();
                if (!protocol.isHttp() && protocol != Protocol.UNKNOWN) {
                    ports.add(String.valueOf(port.containerPort()));
                }
            }
        }
        return ports;
    }

    /** The ports a rule can apply to: those its operations name, or all when an operation names none. */
    private static Set<String> portsOf(AuthzRule rule, Set<String> all) {
        if (rule.to().isEmpty()) {
            return all;
        }
        Set<String> ports = new TreeSet<>();
        for (List<Clause> operation : rule.to()) {
            List<Clause> named = operation.stream()
                    .filter(c -> c.attribute() == Attribute.DESTINATION_PORT && !c.negated())
                    .toList();
            if (named.isEmpty()) {
                return all;
            }
            named.forEach(c -> c.values().stream().map(ValueMatcher::raw).forEach(ports::add));
        }
        return ports;
    }
}
