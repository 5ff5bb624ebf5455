package dev.trustmap.mesh;

import java.util.List;
import java.util.Map;

/**
 * The mesh-wide settings Trustmap needs from Istio's {@code istio} ConfigMap.
 *
 * @param rootNamespace where mesh-wide policies live
 * @param trustDomain the trust domain of workload identities
 * @param trustDomainAliases other trust domains treated as this one in policies
 * @param autoMtls whether clients send Istio mTLS to sidecar endpoints without a DestinationRule
 * @param extensionProviders CUSTOM authorization providers by name, with their kind (e.g. {@code envoyExtAuthzHttp})
 * @param pathNormalization how proxies normalize request paths before authorization
 * @param trustedProxies how many proxies in front of the mesh append to {@code X-Forwarded-For}
 */
public record MeshConfig(
        String rootNamespace,
        String trustDomain,
        List<String> trustDomainAliases,
        boolean autoMtls,
        Map<String, String> extensionProviders,
        PathNormalization pathNormalization,
        int trustedProxies) {

    /** Path normalization options of {@code meshConfig.pathNormalization.normalization}. */
    public enum PathNormalization {
        NONE,
        BASE,
        MERGE_SLASHES,
        DECODE_AND_MERGE_SLASHES
    }

    public MeshConfig {
        trustDomainAliases = List.copyOf(trustDomainAliases);
        extensionProviders = Map.copyOf(extensionProviders);
    }

    /** Istio's defaults: root namespace istio-system, trust domain cluster.local, auto mTLS on. */
    public static MeshConfig defaults() {
        return new MeshConfig("istio-system", "cluster.local", List.of(), true, Map.of(), PathNormalization.BASE, 0);
    }
}
