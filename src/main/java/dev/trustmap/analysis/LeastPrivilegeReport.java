package dev.trustmap.analysis;

import java.util.List;
import java.util.Set;

/** What a least-privilege draft covers, per destination, and what it could not cover, each with its reason. */
public final class LeastPrivilegeReport {

    private LeastPrivilegeReport() {}

    /**
     * One destination workload the draft grants access to.
     *
     * @param workload the destination, {@code namespace/name}
     * @param allow the name of its drafted ALLOW
     * @param strict the name of its drafted STRICT PeerAuthentication, or null when none was drafted
     * @param callers who was observed calling it, one entry per identity and protocol family
     */
    public record Destination(String workload, String allow, String strict, List<ObservedCaller> callers) {
        public Destination {
            callers = List.copyOf(callers);
        }

        /** The container ports all its callers were granted. */
        public Set<Integer> ports() {
            Set<Integer> ports = new java.util.TreeSet<>();
            callers.forEach(c -> ports.addAll(c.ports()));
            return ports;
        }
    }

    /**
     * A caller the draft lets in.
     *
     * @param sources the observed client workloads ({@code namespace/name}, or {@code unknown} for outside the mesh)
     * @param principal the identity the rule names, or null for plaintext callers (the rule then allows any
     *     plaintext caller)
     * @param ports the container ports granted
     * @param methods the methods granted; empty means any (the traffic source did not know them, or TCP)
     * @param paths the paths granted (id-like segments as {@code {*}}); empty means any
     */
    public record ObservedCaller(
            Set<String> sources, String principal, Set<Integer> ports, Set<String> methods, Set<String> paths) {
        public ObservedCaller {
            sources = Set.copyOf(sources);
            ports = Set.copyOf(ports);
            methods = Set.copyOf(methods);
            paths = Set.copyOf(paths);
        }

        /** Whether the caller has no identity (plaintext), so the rule cannot tell it from other plaintext callers. */
        public boolean anonymous() {
            return principal == null;
        }
    }

    /** Why something was left out or only loosely covered. */
    public enum GapKind {
        /** Observed traffic the current policies deny; the draft does not grant it. */
        DENIED_NOW,
        /** A destination, or every workload of a namespace, without sidecar: nothing can enforce a policy there. */
        NO_SIDECAR,
        /** A destination without labels: no selector can pick it out. */
        NO_LABELS,
        /** Callers without identity (outside the mesh, no sidecar, or plaintext): allowed as any plaintext caller. */
        NO_IDENTITY,
        /** STRICT mTLS not drafted: some caller does not use mTLS, or the destination is a gateway. */
        NO_STRICT,
        /** The root namespace: an allow-nothing there would cover the whole mesh. */
        ROOT_NAMESPACE,
        /** A workload of a drafted namespace that received no observed traffic: the allow-nothing denies it all. */
        UNOBSERVED_WORKLOAD,
        /** A chosen namespace or workload with no observed traffic at all in the window: nothing drafted for it. */
        NO_TRAFFIC,
        /** A namespace that already has an allow-nothing (an ALLOW without selector or rules): none drafted. */
        ALLOW_NOTHING_EXISTS,
        /** An existing ALLOW with rules that selects a drafted destination too: it keeps granting what it grants. */
        OTHER_ALLOW_REMAINS
    }

    /**
     * Something the draft could not cover.
     *
     * @param subject the workload or namespace it is about
     * @param message one sentence for people, starting with the subject
     */
    public record Gap(GapKind kind, String subject, String message) {}
}
