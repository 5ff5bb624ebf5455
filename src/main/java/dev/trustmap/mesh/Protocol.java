package dev.trustmap.mesh;

import java.util.Locale;

/** Application protocol of a port or a request, as Istio classifies it. */
public enum Protocol {
    HTTP,
    HTTP2,
    GRPC,
    HTTPS,
    TLS,
    TCP,
    /** Istio sniffs the protocol at run time (unnamed port, unknown prefix). */
    UNKNOWN;

    /** Whether the sidecar runs its HTTP filters (and so HTTP authorization) for this protocol. */
    public boolean isHttp() {
        return this == HTTP || this == HTTP2 || this == GRPC;
    }

    /**
     * Classifies a Service port the way Istio does: {@code appProtocol} first, then the port name prefix
     * ({@code http-web}, {@code grpc}, {@code tcp-db}...).
     */
    public static Protocol ofServicePort(String name, String appProtocol) {
        if (appProtocol != null && !appProtocol.isBlank()) {
            return parse(appProtocol);
        }
        if (name == null || name.isBlank()) {
            return UNKNOWN;
        }
        String prefix = name.split("-", 2)[0];
        return parse(prefix);
    }

    /** Parses a protocol name such as {@code http}, {@code grpc-web} or {@code kubernetes.io/h2c}. */
    public static Protocol parse(String text) {
        String value = text.toLowerCase(Locale.ROOT);
        switch (value) {
            case "http":
            case "http-web":
            case "kubernetes.io/h2c":
                return value.endsWith("h2c") ? HTTP2 : HTTP;
            case "http2":
                return HTTP2;
            case "grpc":
            case "grpc-web":
                return GRPC;
            case "https":
                return HTTPS;
            case "tls":
                return TLS;
            case "tcp":
            case "mongo":
            case "mysql":
            case "redis":
                return TCP;
            default:
                return UNKNOWN;
        }
    }
}
