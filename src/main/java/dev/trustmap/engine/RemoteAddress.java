package dev.trustmap.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The original client address the proxy derives from X-Forwarded-For and the number of trusted proxies. */
final class RemoteAddress {
    private RemoteAddress() {}

    /**
     * With no trusted proxies the remote address is the peer's; with N, it is the address N hops back in
     * {@code x-forwarded-for} (the peer itself counting as the last hop).
     */
    static String of(String peerIp, Map<String, String> headers, int trustedProxies) {
        if (trustedProxies <= 0 || headers == null || !headers.containsKey("x-forwarded-for")) {
            return peerIp;
        }
        List<String> hops = new ArrayList<>();
        for (String hop : headers.get("x-forwarded-for").split(",")) {
            if (!hop.isBlank()) {
                hops.add(hop.trim());
            }
        }
        hops.add(peerIp);
        int index = Math.max(0, hops.size() - 1 - trustedProxies);
        return hops.get(index);
    }
}
