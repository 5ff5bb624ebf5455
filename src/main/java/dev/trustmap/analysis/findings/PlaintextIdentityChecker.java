package dev.trustmap.analysis.findings;

import dev.trustmap.engine.Connection;
import dev.trustmap.engine.ServerMode;
import dev.trustmap.istio.AuthzPolicy;
import dev.trustmap.istio.AuthzRule;
import dev.trustmap.istio.Clause;
import dev.trustmap.istio.PeerAuthnPolicy.MtlsMode;
import dev.trustmap.istio.ValueMatcher;
import dev.trustmap.mesh.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TM201: principals, namespaces or service accounts named in a policy whose callers cannot present mTLS: the policy
 * selects a gateway (in-mesh clients reach gateways in plaintext), or a named workload reaches a selected one in
 * plaintext (no sidecar, a DestinationRule with DISABLE) or not at all (no sidecar, the server STRICT). Such a caller
 * carries no identity: an ALLOW never matches it, a DENY never stops it. The message names the cause: the client's
 * side, the server's PeerAuthentication with DISABLE (auto mTLS then sends plaintext), or a server without sidecar
 * (which enforces no policy at all).
 */
public final class PlaintextIdentityChecker implements Checker {
    /** Why a named caller reaches a selected workload without identity; {@code peerAuthentication} for DISABLE. */
    private record Cause(Kind kind, String peerAuthentication) {
        enum Kind {
            NO_SERVER_SIDECAR,
            SERVER_DISABLE,
            CLIENT
        }

        static final Cause NO_SERVER_SIDECAR = new Cause(Kind.NO_SERVER_SIDECAR, null);
        static final Cause CLIENT = new Cause(Kind.CLIENT, null);
    }

    @Override
    public String code() {
        return "TM201";
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public String title() {
        return "Peer identity required from callers that cannot present mTLS";
    }

    @Override
    public List<Finding> check(MeshContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (AuthzPolicy policy : ctx.policies().authzPolicies()) {
            if (!MeshContext.enforced(policy)) {
                continue;
            }
            List<Workload> selected = ctx.selected(policy);
            for (AuthzRule rule : policy.rules()) {
                for (Clause clause : rule.from().stream().flatMap(List::stream).toList()) {
                    if (isIdentity(clause)) {
                        check(ctx, policy, clause, selected, findings);
                    }
                }
            }
        }
        return findings;
    }

    private void check(MeshContext ctx, AuthzPolicy policy, Clause clause, List<Workload> selected, List<Finding> out) {
        Map<Cause, Set<String>> byCause = new LinkedHashMap<>();
        List<String> gateways = new ArrayList<>();
        List<Workload> callers = ctx.snapshot().workloads().stream()
                .filter(from -> named(ctx, clause, from))
                .toList();
        for (Workload to : selected) {
            if (to.gateway()) {
                gateways.add(to.id());
                continue;
            }
            for (Workload from : callers) {
                if (!from.equals(to) && withoutIdentity(ctx, from, to)) {
                    Cause cause = cause(ctx, from, to);
                    byCause.computeIfAbsent(cause, k -> new LinkedHashSet<>())
                            .add(cause.kind() == Cause.Kind.NO_SERVER_SIDECAR ? to.id() : from.id() + " -> " + to.id());
                }
            }
        }
        String field = clause.path().substring(clause.path().lastIndexOf('.') + 1) + " " + clause.describeValues();
        if (!gateways.isEmpty()) {
            out.add(finding(
                    ResourceRefs.of(policy),
                    clause.path(),
                    field + " on gateway " + String.join(", ", gateways)
                            + ": in-mesh clients reach a gateway in plaintext, so they carry no identity",
                    "match gateway callers by ipBlocks or remoteIpBlocks, or by requestPrincipals of a JWT"));
        }
        byCause.forEach((cause, pairs) -> out.add(finding(policy, clause, field, cause, pairs)));
    }

    private Finding finding(AuthzPolicy policy, Clause clause, String field, Cause cause, Set<String> pairs) {
        String edges = " (" + String.join(", ", pairs) + ")";
        if (cause.kind() == Cause.Kind.NO_SERVER_SIDECAR) {
            return finding(
                    ResourceRefs.of(policy),
                    clause.path(),
                    "the policy selects " + String.join(", ", pairs)
                            + ", which runs no sidecar: no AuthorizationPolicy is enforced there, so " + field
                            + " decides nothing",
                    "inject the sidecar into " + String.join(", ", pairs));
        }
        if (cause.kind() == Cause.Kind.SERVER_DISABLE) {
            return finding(
                    ResourceRefs.of(policy),
                    clause.path(),
                    field + ": PeerAuthentication " + cause.peerAuthentication() + " sets mTLS DISABLE on the server"
                            + edges
                            + ", so its callers send plaintext and carry no peer identity: the " + policy.action()
                            + " rule never matches them",
                    "set the PeerAuthentication " + cause.peerAuthentication() + " to STRICT (or PERMISSIVE)");
        }
        return finding(
                ResourceRefs.of(policy),
                clause.path(),
                field + " names callers that cannot present mTLS to it" + edges
                        + ": they carry no peer identity, so the " + policy.action() + " rule never matches them",
                "give those callers a sidecar and mTLS, or match them by ipBlocks");
    }

    /**
     * Why {@code from} reaches {@code to} without identity: the server has no sidecar, its PeerAuthentication
     * disables mTLS (and no DestinationRule of the client sets TLS itself), or the client's side.
     */
    private static Cause cause(MeshContext ctx, Workload from, Workload to) {
        if (!to.sidecar()) {
            return Cause.NO_SERVER_SIDECAR;
        }
        if (!from.sidecar()) {
            return Cause.CLIENT;
        }
        for (MeshContext.ServedPort port : ctx.servedPorts(to)) {
            ServerMode mode = ctx.engine().serverMode(to, port.containerPort());
            boolean clientTls = ctx.policies()
                    .destRuleFor(from, port.service())
                    .map(d -> d.tlsModeFor(port.port().port()) != null)
                    .orElse(false);
            if (mode.mode() == MtlsMode.DISABLE && mode.policy() != null && !clientTls) {
                return new Cause(Cause.Kind.SERVER_DISABLE, mode.policy().ref());
            }
        }
        return Cause.CLIENT;
    }

    private static boolean isIdentity(Clause clause) {
        return clause.attribute().needsPeerIdentity()
                && !clause.negated()
                && clause.values().stream().map(ValueMatcher::raw).noneMatch("*"::equals);
    }

    private static boolean named(MeshContext ctx, Clause clause, Workload from) {
        String value = switch (clause.attribute()) {
            case PRINCIPAL ->
                from.identity(ctx.policies().meshConfig().trustDomain()).principal();
            case NAMESPACE -> from.namespace();
            default -> from.namespace() + "/" + from.serviceAccount();
        };
        return clause.values().stream().anyMatch(v -> v.matches(value));
    }

    /**
     * Whether {@code from} reaches {@code to} without a peer identity: in plaintext, or not at all because it has no
     * sidecar and the server requires mTLS (STRICT); either way a rule naming it never matches.
     */
    private static boolean withoutIdentity(MeshContext ctx, Workload from, Workload to) {
        return ctx.outcomes(from, to).stream()
                .anyMatch(o -> o.connection() == Connection.PLAINTEXT
                        || o.connection() == Connection.BROKEN && !from.sidecar());
    }
}
