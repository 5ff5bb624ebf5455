package dev.trustmap.mesh;

/** A SPIFFE-style workload identity: trust domain, namespace and service account. */
public record Identity(String trustDomain, String namespace, String serviceAccount) {

    /** The principal as Istio policies name it: {@code cluster.local/ns/foo/sa/bar}. */
    public String principal() {
        return trustDomain + "/ns/" + namespace + "/sa/" + serviceAccount;
    }

    @Override
    public String toString() {
        return principal();
    }
}
