package dev.trustmap.ui.cluster;

import dev.trustmap.source.cluster.ClusterSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The app's start options for a cluster: {@code --context NAME} connects to that context at once (skipping the
 * Connect dialog), {@code --kubeconfig PATH} reads another kubeconfig than the default.
 *
 * @param context the context, or null for the kubeconfig's current one
 * @param kubeconfig the kubeconfig file
 */
public record ClusterStart(String context, Path kubeconfig) {
    private static final String CONTEXT = "--context";
    private static final String KUBECONFIG = "--kubeconfig";

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
     * @throws IllegalArgumentException on any other argument, or an option without its value
     */
    public static Optional<ClusterStart> parse(List<String> args) {
        String context = null;
        Path kubeconfig = null;
        for (int i = 0; i < args.size(); i++) {
            String[] option = args.get(i).split("=", 2);
            String value = option.length == 2 ? option[1] : i + 1 < args.size() ? args.get(++i) : null;
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(option[0] + " needs a value");
            }
            switch (option[0]) {
                case CONTEXT -> context = value;
                case KUBECONFIG -> kubeconfig = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + option[0]);
            }
        }
        if (args.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new ClusterStart(context, kubeconfig == null ? ClusterSource.defaultKubeconfig() : kubeconfig));
    }

    /** Connects with Prometheus through the service proxy, the defaults of the Connect dialog. */
    public ClusterSettings settings() {
        return ClusterSettings.of(kubeconfig, context);
    }
}
