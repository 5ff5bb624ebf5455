package dev.trustmap.analysis.findings;

import dev.trustmap.istio.PeerAuthnPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * TM213: PeerAuthentications at the same level (same namespace, same selector, or both namespace-wide): Istio applies
 * only the oldest (then the first by name), silently ignoring the others.
 */
public final class CompetingPeerAuthnChecker implements Checker {
    private static final Comparator<PeerAuthnPolicy> AGE = Comparator.comparing(
                    PeerAuthnPolicy::created, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(PeerAuthnPolicy::name);

    @Override
    public String code() {
        return "TM213";
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public String title() {
        return "Competing PeerAuthentications: the oldest silently wins";
    }

    @Override
    public List<Finding> check(MeshContext ctx) {
        Map<String, List<PeerAuthnPolicy>> levels = new LinkedHashMap<>();
        for (PeerAuthnPolicy policy : ctx.policies().peerPolicies()) {
            if (policy.selector() != null && policy.namespace().equals(ctx.rootNamespace())) {
                continue;
            }
            levels.computeIfAbsent(
                            policy.namespace() + "|" + Objects.toString(policy.selector()), k -> new ArrayList<>())
                    .add(policy);
        }
        List<Finding> findings = new ArrayList<>();
        for (List<PeerAuthnPolicy> competing : levels.values()) {
            if (competing.size() < 2) {
                continue;
            }
            PeerAuthnPolicy winner = competing.stream().min(AGE).orElseThrow();
            competing.stream()
                    .filter(p -> p != winner)
                    .forEach(p -> findings.add(finding(
                            ResourceRefs.of(p),
                            p.selector() == null ? "" : "spec.selector",
                            "competes with " + winner.ref() + " at the same level (" + level(p, ctx) + "); "
                                    + whoWins(p, winner),
                            "merge them into one PeerAuthentication and delete the other")));
        }
        return findings;
    }

    private static String level(PeerAuthnPolicy policy, MeshContext ctx) {
        if (policy.selector() != null) {
            return "selector " + policy.selector();
        }
        return policy.namespace().equals(ctx.rootNamespace()) ? "mesh-wide" : "namespace-wide";
    }

    /** Istio keeps the oldest; without both creation times (manifests rarely carry them) which one is unknown. */
    private static String whoWins(PeerAuthnPolicy loser, PeerAuthnPolicy winner) {
        if (loser.created() == null || winner.created() == null) {
            return "Istio applies only the oldest, and the manifests give no creation time to tell which: "
                    + winner.ref() + " (" + winner.mode() + ") if it was created first, else this one's "
                    + loser.mode();
        }
        return "Istio applies only the oldest, " + winner.ref() + " (" + winner.mode() + "), so this one's "
                + loser.mode() + " is ignored";
    }
}
