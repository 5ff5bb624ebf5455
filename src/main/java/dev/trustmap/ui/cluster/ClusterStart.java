package dev.trustmap.ui.cluster;

import dev.trustmap.source.cluster.ClusterSource;
import dev.trustmap.source.cluster.PrometheusOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The app's start options for a cluster: {@code --context NAME} connects to that context at once (skipping the
 * Connect dialog), {@code --kubeconfig PATH} reads another kubeconfig than the default, {@code --prometheus URL}
 * reads traffic from that Prometheus instead of the service proxy.
 *
 * @param context the context, or null for the kubeconfig's current one
 * @param kubeconfig the kubeconfig file
 * @param prometheus Prometheus's URL, or null for the service proxy
 */
public record ClusterStart(String context, Path kubeconfig, URI prometheus) {
    private static final String CONTEXT = "--context";
    private static final String KUBECONFIG = "--kubeconfig";
    private static final String PROMETHEUS = "--prometheus";

    /** Whether these arguments only name a context or kubeconfig, so they start the app rather than a command. */
    public static boolean isAppStart(String... args) {
        try {
            return parse(List.of(args)).isPresent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The cluster to connect to at start, or empty without options.
     *
     * @throws IllegalArgumentException on any other argument, an option without its value, or a bad URL
     */
    public static Optional<ClusterStart> parse(List<String> args) {
        String context = null;
        Path kubeconfig = null;
        URI prometheus = null;
        for (int i = 0; i < args.size(); i++) {
            String[] option = args.get(i).split("=", 2);
            String value = option.length == 2 ? option[1] : i + 1 < args.size() ? args.get(++i) : null;
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(option[0] + " needs a value");
            }
            switch (option[0]) {
                case CONTEXT -> context = value;
                case KUBECONFIG -> kubeconfig = Path.of(value);
                case PROMETHEUS -> prometheus = URI.create(value.endsWith("/") ? value : value + "/");
                default -> throw new IllegalArgumentException("unknown option " + option[0]);
            }
        }
        if (args.isEmpty()) {
            return Optional.empty();
        }
        Path file = kubeconfig == null ? ClusterSource.defaultKubeconfig() : kubeconfig;
        return Optional.of(new ClusterStart(context, file, prometheus));
    }

    /** The Connect dialog's defaults, with Prometheus at the URL given. */
    public ClusterSettings settings() {
        ClusterSettings defaults = ClusterSettings.of(kubeconfig, context);
        return prometheus == null
                ? defaults
                : defaults.withPrometheus(PrometheusMode.URL, PrometheusOptions.of(prometheus));
    }
}
