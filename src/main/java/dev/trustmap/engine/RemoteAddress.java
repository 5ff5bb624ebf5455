package dev.trustmap.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The original client address ({@code remote.ip}) as Envoy derives it. A sidecar does not use the connection's
 * address as the client's: it takes the last {@code X-Forwarded-For} entry, or the peer when there is none. A
 * gateway trusts the peer, unless the mesh config says N proxies stand in front of it: then it takes the Nth entry
 * from the right of {@code X-Forwarded-For}, or the peer when the header is shorter.
 */
final class RemoteAddress {
    private RemoteAddress() {}

    /** The address, or null when unknown: headers not known, where they could change it. */
    static String of(String peerIp, Map<String, String> headers, boolean gateway, int trustedProxies) {
        if (headers == null && (!gateway || trustedProxies > 0)) {
            return null;
        }
        List<String> hops = forwardedFor(headers);
        if (!gateway) {
            return hops.isEmpty() ? peerIp : hops.get(hops.size() - 1);
        }
        if (trustedProxies <= 0 || hops.size() < trustedProxies) {
            return peerIp;
        }
        return hops.get(hops.size() - trustedProxies);
    }

    /** Whether the address is the peer's whatever the headers say. */
    static boolean alwaysPeer(boolean gateway, int trustedProxies) {
        return gateway && trustedProxies <= 0;
    }

    private static List<String> forwardedFor(Map<String, String> headers) {
        List<String> hops = new ArrayList<>();
        if (headers == null || !headers.containsKey("x-forwarded-for")) {
            return hops;
        }
        for (String hop : headers.get("x-forwarded-for").split(",")) {
            if (!hop.isBlank()) {
                hops.add(hop.trim());
            }
        }
        return hops;
    }
}
