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
            Set<String> tcp = ports(ctx, ctx.selected(policy), false);
            Set<String> httpPorts = ports(ctx, ctx.selected(policy), true);
            for (AuthzRule rule : policy.rules()) {
                Optional<Clause> http =
                        clauses(rule).filter(c -> c.attribute().httpOnly()).findFirst();
                Set<String> hit = new TreeSet<>(tcp);
                hit.retainAll(portsOf(rule, tcp));
                if (rule.httpOnly() && http.isPresent() && !hit.isEmpty()) {
                    Set<String> httpHit = new TreeSet<>(httpPorts);
                    httpHit.retainAll(portsOf(rule, httpPorts));
                    findings.add(finding(policy, http.get(), hit, httpHit));
                }
            }
        }
        return findings;
    }

    /**
     * On TCP, Istio drops an ALLOW rule with HTTP-only fields (fails closed: its callers are denied there) and strips
     * the fields from a DENY rule (it then denies all TCP traffic its other fields match). An ALLOW that also covers
     * HTTP ports is a warning; one that covers only TCP ports never matches, and a DENY denies more: errors.
     */
    private Finding finding(AuthzPolicy policy, Clause http, Set<String> tcp, Set<String> httpPorts) {
        String where = "the rule uses HTTP-only fields but applies to TCP port(s) " + String.join(", ", tcp);
        String limit = httpPorts.isEmpty()
                ? "remove the HTTP-only fields or the rule: the ports it applies to are TCP"
                : "name the HTTP port(s) in the operation: ports: [" + quoted(httpPorts) + "]";
        if (policy.action() == Action.DENY) {
            return new Finding(
                    code(),
                    Severity.ERROR,
                    ResourceRefs.of(policy),
                    http.path(),
                    where + ": on TCP the sidecar ignores those fields, so the DENY rule matches all TCP traffic"
                            + " its other fields match",
                    limit + "; to deny the TCP port(s) to these callers on purpose, add a rule with only from and"
                            + " ports");
        }
        return new Finding(
                code(),
                httpPorts.isEmpty() ? Severity.ERROR : Severity.WARNING,
                ResourceRefs.of(policy),
                http.path(),
                where + ": on TCP the sidecar drops the whole rule, so the callers it names are denied there",
                limit + " (the TCP port(s) stay closed to them, as now)");
    }

    private static String quoted(Set<String> ports) {
        return ports.stream().map(p -> "\"" + p + "\"").collect(java.util.stream.Collectors.joining(", "));
    }

    private static Stream<Clause> clauses(AuthzRule rule) {
        return Stream.concat(
                Stream.concat(
                        rule.from().stream().flatMap(List::stream),
                        rule.to().stream().flatMap(List::stream)),
                rule.when().stream());
    }

    /**
     * Container ports served with a non-HTTP protocol Istio knows (TCP, TLS, HTTPS), or, with {@code http}, the
     * others (HTTP ones and sniffed ones).
     */
    private static Set<String> ports(MeshContext ctx, List<Workload> workloads, boolean http) {
        Set<String> ports = new TreeSet<>();
        for (Workload workload : workloads) {
            for (MeshContext.ServedPort port : ctx.servedPorts(workload)) {
                Protocol protocol = port.port().protocol();
                if (http != (!protocol.isHttp() && protocol != Protocol.UNKNOWN)) {
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
