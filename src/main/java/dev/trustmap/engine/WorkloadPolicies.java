package dev.trustmap.engine;

import dev.trustmap.istio.Action;
import dev.trustmap.istio.AuthzPolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The enforced AuthorizationPolicies of one workload, by action. Dry-run, AUDIT and invalid policies are left
 * out, except that a CUSTOM policy Istio cannot build makes it deny every request.
 *
 * @param customProblem why CUSTOM policies deny everything (an unknown provider, several providers), or null
 * @param customBlocker the policy behind {@code customProblem}
 */
record WorkloadPolicies(
        List<AuthzPolicy> custom,
        List<AuthzPolicy> deny,
        List<AuthzPolicy> allow,
        String customProblem,
        AuthzPolicy customBlocker) {

    /** Whether nothing is enforced, so every request that connects is allowed. */
    boolean none() {
        return custom.isEmpty() && deny.isEmpty() && allow.isEmpty() && customProblem == null;
    }

    static WorkloadPolicies of(List<AuthzPolicy> selected, Map<String, String> providers, Set<String> known) {
        List<AuthzPolicy> enforced = selected.stream().filter(p -> !p.dryRun()).toList();
        List<AuthzPolicy> custom = byAction(enforced, Action.CUSTOM);
        String problem = null;
        AuthzPolicy blocker = null;
        for (AuthzPolicy p : custom) {
            if (p.invalid() != null) {
                problem = "CUSTOM policy " + p.ref() + " is invalid (" + p.invalid() + "), so Istio denies every"
                        + " request to the workload";
                blocker = p;
            } else if (!providers.containsKey(p.provider()) && !known.contains(p.provider())) {
                problem = "CUSTOM provider '" + p.provider() + "' of " + p.ref() + " is not among the mesh config's"
                        + " extensionProviders, so Istio denies every request to the workload";
                blocker = p;
            }
        }
        Set<String> distinct = custom.stream().map(AuthzPolicy::provider).collect(Collectors.toSet());
        if (problem == null && distinct.size() > 1) {
            problem = "CUSTOM policies name several providers " + distinct + "; Istio allows one per workload and"
                    + " denies every request";
            blocker = custom.get(0);
        }
        return new WorkloadPolicies(
                custom, byAction(enforced, Action.DENY), byAction(enforced, Action.ALLOW), problem, blocker);
    }

    private static List<AuthzPolicy> byAction(List<AuthzPolicy> policies, Action action) {
        return policies.stream()
                .filter(p -> p.action() == action && (p.invalid() == null || action == Action.CUSTOM))
                .toList();
    }
}
