package dev.trustmap.ui.cluster;

/** Where the Connect dialog finds Prometheus. */
public enum PrometheusMode {
    /** Through the API server's service proxy, with the cluster's credentials. */
    AUTO,
    /** At a URL, with optional bearer token, basic auth and CA file. */
    URL,
    /** No telemetry: the graph shows the configuration only. */
    NONE
}
