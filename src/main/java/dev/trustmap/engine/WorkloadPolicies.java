package dev.trustmap.engine;

import dev.trustmap.istio.Action;
import dev.trustmap.istio.AuthzPolicy;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The AuthorizationPolicies one workload's proxy enforces, by action, as Istio builds them. DENY and ALLOW leave
 * out dry-run policies; AUDIT never decides. CUSTOM policies keep their dry-run ones (Istio still calls the
 * authorizer for them) — unless Istio cannot build the authorizer (a provider the mesh config does not define, a
 * policy without provider, several providers on one workload): then the enforced CUSTOM policies' rules deny
 * the requests they match.
 *
 * @param custom CUSTOM policies sent to their provider
 * @param customTcp those of {@code custom} whose provider also authorizes TCP (gRPC providers)
 * @param customAsDeny CUSTOM policies whose rules deny, because the authorizer cannot be built
 * @param customProblem why, for explanations; null when {@code customAsDeny} is empty
 */
record WorkloadPolicies(
        List<AuthzPolicy> custom,
        List<AuthzPolicy> customTcp,
        List<AuthzPolicy> customAsDeny,
        String customProblem,
        List<AuthzPolicy> deny,
        List<AuthzPolicy> allow) {

    private static final String GRPC_PROVIDER = "envoyExtAuthzGrpc";

    /** Whether nothing is enforced, so every request that connects is allowed. */
    boolean none() {
        return custom.isEmpty() && customAsDeny.isEmpty() && deny.isEmpty() && allow.isEmpty();
    }

    /** The CUSTOM policies that apply to HTTP or to TCP traffic. */
    List<AuthzPolicy> custom(boolean tcp) {
        return tcp ? customTcp : custom;
    }

    /**
     * @param providers the mesh config's extension providers: name to kind ({@code envoyExtAuthzHttp}...)
     * @param known providers an external authorizer stands for although the mesh config does not list them
     */
    static WorkloadPolicies of(List<AuthzPolicy> selected, Map<String, String> providers, Set<String> known) {
        List<AuthzPolicy> custom =
                selected.stream().filter(p -> p.action() == Action.CUSTOM).toList();
        String problem = customProblem(custom, providers, known);
        List<AuthzPolicy> enforced = selected.stream()
                .filter(p -> !p.dryRun() && p.invalid() == null)
                .toList();
        List<AuthzPolicy> deny = byAction(enforced, Action.DENY);
        List<AuthzPolicy> allow = byAction(enforced, Action.ALLOW);
        if (problem != null) {
            List<AuthzPolicy> asDeny = custom.stream().filter(p -> !p.dryRun()).toList();
            return new WorkloadPolicies(List.of(), List.of(), asDeny, problem, deny, allow);
        }
        List<AuthzPolicy> tcp = custom.stream()
                .filter(p -> GRPC_PROVIDER.equals(providers.get(p.provider())))
                .toList();
        return new WorkloadPolicies(custom, tcp, List.of(), null, deny, allow);
    }

    private static String customProblem(List<AuthzPolicy> custom, Map<String, String> providers, Set<String> known) {
        Set<String> names = custom.stream()
                .map(p -> Objects.requireNonNullElse(p.provider(), ""))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (names.size() > 1) {
            return "the workload's CUSTOM policies name several providers " + names + ", which Istio does not"
                    + " support on one workload, so it denies what their rules match";
        }
        if (names.isEmpty()) {
            return null;
        }
        String provider = names.iterator().next();
        if (provider.isEmpty()) {
            return "a CUSTOM policy names no provider, so Istio denies what its rules match";
        }
        if (!providers.containsKey(provider) && !known.contains(provider)) {
            return "CUSTOM provider '" + provider + "' is not among the mesh config's extensionProviders, so Istio"
                    + " denies what the policy's rules match";
        }
        return null;
    }

    private static List<AuthzPolicy> byAction(List<AuthzPolicy> policies, Action action) {
        return policies.stream().filter(p -> p.action() == action).toList();
    }
}
