package dev.trustmap.istio;

import dev.trustmap.istio.DestRule.TlsMode;
import dev.trustmap.istio.PeerAuthnPolicy.MtlsMode;
import dev.trustmap.mesh.MeshSnapshot;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicyPortTrafficPolicy;
import io.fabric8.istio.api.api.security.v1beta1.JWTHeader;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLS;
import io.fabric8.istio.api.api.type.v1beta1.WorkloadSelector;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.istio.api.security.v1.RequestAuthentication;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Compiles the Istio objects of a snapshot into a {@link PolicySet}. */
public final class PolicyCompiler {
    private PolicyCompiler() {}

    public static PolicySet compile(MeshSnapshot snapshot) {
        AuthzPolicyMapper authz = new AuthzPolicyMapper(snapshot.meshConfig());
        List<AuthzPolicy> authzPolicies = new ArrayList<>();
        List<PeerAuthnPolicy> peerPolicies = new ArrayList<>();
        List<RequestAuthnPolicy> requestPolicies = new ArrayList<>();
        List<DestRule> destRules = new ArrayList<>();
        for (HasMetadata object : snapshot.policies()) {
            if (object instanceof AuthorizationPolicy p) {
                authzPolicies.add(authz.map(p));
            } else if (object instanceof PeerAuthentication p) {
                peerPolicies.add(peerAuthn(p));
            } else if (object instanceof RequestAuthentication p) {
                requestPolicies.add(requestAuthn(p));
            } else if (object instanceof DestinationRule d) {
                destRules.add(destRule(d));
            }
        }
        return new PolicySet(snapshot.meshConfig(), authzPolicies, peerPolicies, requestPolicies, destRules);
    }

    /**
     * A selector's labels, or null when it selects by namespace: no selector, or one without labels. Istio has only
     * {@code matchLabels}; a selector whose {@code matchExpressions} the API server pruned is empty and, like Istio
     * (a PeerAuthentication with empty labels is namespace-wide; an empty label set matches every workload), applies
     * to the whole namespace.
     */
    static Map<String, String> matchLabels(WorkloadSelector selector) {
        if (selector == null
                || selector.getMatchLabels() == null
                || selector.getMatchLabels().isEmpty()) {
            return null;
        }
        return selector.getMatchLabels();
    }

    static PeerAuthnPolicy peerAuthn(PeerAuthentication resource) {
        var spec = resource.getSpec();
        var meta = resource.getMetadata();
        Map<String, String> selector = null;
        MtlsMode mode = MtlsMode.UNSET;
        Map<Integer, MtlsMode> ports = new HashMap<>();
        if (spec != null) {
            selector = matchLabels(spec.getSelector());
            mode = mode(spec.getMtls());
            if (spec.getPortLevelMtls() != null) {
                // Manifests are checked when read (SchemaChecker); a key that is no number cannot name a port.
                spec.getPortLevelMtls()
                        .forEach((port, mtls) -> portNumber(port).ifPresent(p -> ports.put(p, mode(mtls))));
            }
        }
        return new PeerAuthnPolicy(
                meta.getNamespace(), meta.getName(), selector, mode, ports, Timestamps.created(meta));
    }

    private static Optional<Integer> portNumber(String key) {
        try {
            return Optional.of(Integer.parseInt(key.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static MtlsMode mode(PeerAuthenticationMutualTLS mtls) {
        if (mtls == null || mtls.getMode() == null) {
            return MtlsMode.UNSET;
        }
        return MtlsMode.valueOf(mtls.getMode().name());
    }

    static RequestAuthnPolicy requestAuthn(RequestAuthentication resource) {
        var spec = resource.getSpec();
        var meta = resource.getMetadata();
        List<JwtRule> rules = new ArrayList<>();
        Map<String, String> selector = null;
        if (spec != null) {
            selector = matchLabels(spec.getSelector());
            for (var rule : spec.getJwtRules() == null
                    ? List.<io.fabric8.istio.api.api.security.v1beta1.JWTRule>of()
                    : spec.getJwtRules()) {
                rules.add(new JwtRule(
                        meta.getNamespace() + "/" + meta.getName(),
                        rule.getIssuer(),
                        orEmpty(rule.getAudiences()),
                        readsDefaultLocation(rule),
                        orEmpty(rule.getSpaceDelimitedClaims())));
            }
        }
        return new RequestAuthnPolicy(meta.getNamespace(), meta.getName(), selector, rules);
    }

    private static boolean readsDefaultLocation(io.fabric8.istio.api.api.security.v1beta1.JWTRule rule) {
        List<JWTHeader> headers = orEmpty(rule.getFromHeaders());
        boolean custom = !headers.isEmpty()
                || !orEmpty(rule.getFromParams()).isEmpty()
                || !orEmpty(rule.getFromCookies()).isEmpty();
        return !custom || headers.stream().anyMatch(h -> "authorization".equalsIgnoreCase(h.getName()));
    }

    static DestRule destRule(DestinationRule resource) {
        var spec = resource.getSpec();
        var meta = resource.getMetadata();
        String namespace = meta.getNamespace();
        TrafficPolicy policy = spec == null ? null : spec.getTrafficPolicy();
        Map<Integer, TlsMode> ports = new HashMap<>();
        if (policy != null) {
            for (TrafficPolicyPortTrafficPolicy port : orEmpty(policy.getPortLevelSettings())) {
                if (port.getPort() != null && port.getPort().getNumber() != null && port.getTls() != null) {
                    ports.put(port.getPort().getNumber().intValue(), tlsMode(port.getTls()));
                }
            }
        }
        return new DestRule(
                namespace,
                meta.getName(),
                resolveHost(spec == null ? "" : spec.getHost(), namespace),
                spec == null ? List.of() : orEmpty(spec.getExportTo()),
                spec == null ? null : matchLabels(spec.getWorkloadSelector()),
                policy == null || policy.getTls() == null ? null : tlsMode(policy.getTls()),
                ports,
                policy != null,
                Timestamps.created(meta));
    }

    /** A {@code tls} block without a mode means DISABLE: that is the enum's zero value. */
    private static TlsMode tlsMode(ClientTLSSettings tls) {
        return tls.getMode() == null
                ? TlsMode.DISABLE
                : TlsMode.valueOf(tls.getMode().name());
    }

    /** Istio expands a host without dots relative to the rule's namespace; other hosts stay as written. */
    static String resolveHost(String host, String namespace) {
        if (host == null) {
            return "";
        }
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.equals("*") || lower.contains(".")) {
            return lower;
        }
        return lower + "." + namespace + ".svc.cluster.local";
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
