package dev.trustmap.istio;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A compiled DestinationRule: its host, where it is visible, and the client TLS mode it sets.
 *
 * @param host the host as resolved: a short name becomes {@code name.namespace.svc.cluster.local}
 * @param exportTo namespaces that see it ({@code *} for all, {@code .} for its own)
 * @param workloadSelector {@code spec.workloadSelector.matchLabels} (client side), or null
 * @param tlsMode {@code trafficPolicy.tls.mode}, or null when there is no {@code tls}
 * @param portTlsModes {@code portLevelSettings[].tls.mode} keyed by Service port
 * @param hasTrafficPolicy whether it has a top-level {@code trafficPolicy}: when rules for one host merge, the
 *     oldest one that has one provides it
 */
public record DestRule(
        String namespace,
        String name,
        String host,
        List<String> exportTo,
        Map<String, String> workloadSelector,
        TlsMode tlsMode,
        Map<Integer, TlsMode> portTlsModes,
        boolean hasTrafficPolicy,
        Instant created) {

    /** Client TLS modes. */
    public enum TlsMode {
        DISABLE,
        SIMPLE,
        MUTUAL,
        ISTIO_MUTUAL
    }

    public DestRule {
        exportTo = List.copyOf(exportTo);
        workloadSelector = workloadSelector == null || workloadSelector.isEmpty() ? null : Map.copyOf(workloadSelector);
        portTlsModes = Map.copyOf(portTlsModes);
    }

    public String ref() {
        return namespace + "/" + name;
    }

    /** The TLS mode for traffic to this Service port, or null when the rule sets none. */
    public TlsMode tlsModeFor(int servicePort) {
        return portTlsModes.getOrDefault(servicePort, tlsMode);
    }

    /** Whether this rule's host covers {@code fqdn} ({@code *.ns.svc.cluster.local} style wildcards included). */
    public boolean covers(String fqdn) {
        if (host.equals("*")) {
            return true;
        }
        if (host.startsWith("*")) {
            return fqdn.endsWith(host.substring(1));
        }
        return host.equalsIgnoreCase(fqdn);
    }

    /**
     * Whether clients in {@code clientNamespace} see this rule: everyone without {@code exportTo} or with
     * {@code *}; its own namespace with {@code .}; and any namespace listed by name (its own included only then).
     */
    public boolean visibleTo(String clientNamespace) {
        if (exportTo.isEmpty() || exportTo.contains("*") || exportTo.contains(clientNamespace)) {
            return true;
        }
        return exportTo.contains(".") && clientNamespace.equals(namespace);
    }
}
