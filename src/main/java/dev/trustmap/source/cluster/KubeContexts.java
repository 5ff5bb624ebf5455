package dev.trustmap.source.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the contexts of a kubeconfig file, and the fabric8 configuration of one. */
final class KubeContexts {
    private static final Pattern MARK = Pattern.compile("\\s*in .*line (\\d+), column (\\d+):?\\s*");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private KubeContexts() {}

    /** The contexts of this kubeconfig file, the current one first, then by name. */
    static List<ContextInfo> list(Path kubeconfig) throws ClusterException {
        if (!Files.isRegularFile(kubeconfig)) {
            throw new ClusterException(
                    "There is no kubeconfig at " + kubeconfig + ".",
                    "Set KUBECONFIG or create ~/.kube/config (your cluster's CLI writes it when you log in).",
                    null);
        }
        Config config = read(kubeconfig, null);
        String current = config.getCurrentContext() == null
                ? null
                : config.getCurrentContext().getName();
        List<ContextInfo> contexts = new ArrayList<>();
        for (NamedContext context : config.getContexts()) {
            var spec = context.getContext();
            contexts.add(new ContextInfo(
                    context.getName(),
                    spec == null ? null : spec.getCluster(),
                    spec == null ? null : spec.getUser(),
                    spec == null ? null : spec.getNamespace(),
                    context.getName().equals(current)));
        }
        contexts.sort(Comparator.comparing((ContextInfo c) -> !c.current()).thenComparing(ContextInfo::name));
        return contexts;
    }

    /** The kubeconfig fabric8 would use: the first file of {@code KUBECONFIG}, else {@code ~/.kube/config}. */
    static Path defaultKubeconfig() {
        return Config.getKubeconfigFilenames().stream()
                .map(Path::of)
                .findFirst()
                .orElse(Path.of(System.getProperty("user.home"), ".kube", "config"));
    }

    /** The fabric8 configuration of one context (null: the current one). */
    static Config read(Path kubeconfig, String context) throws ClusterException {
        requireKubeconfig(kubeconfig);
        try {
            return Config.fromKubeconfig(context, kubeconfig.toFile());
        } catch (RuntimeException e) {
            // fabric8 wraps some problems in KubernetesClientException, but YAML syntax errors arrive unwrapped
            throw new ClusterException(
                    "The kubeconfig " + kubeconfig + " cannot be read (" + oneLine(FailureMessages.rootMessage(e))
                            + ").",
                    "Check the file, e.g. with 'kubectl config view'.",
                    e);
        }
    }

    /**
     * Refuses a file that is empty or holds no clusters and no contexts (some other YAML file), which fabric8 would
     * read as a kubeconfig without contexts or fail on with an internal error. Syntax errors are left to fabric8's
     * reading, whose message names the line.
     */
    private static void requireKubeconfig(Path kubeconfig) throws ClusterException {
        JsonNode root;
        try {
            root = YAML.readTree(kubeconfig.toFile());
        } catch (IOException | RuntimeException e) {
            return;
        }

        if (root == null || !(hasEntries(root, "clusters") || hasEntries(root, "contexts"))) {
            throw new ClusterException(
                    "The kubeconfig " + kubeconfig + " has no clusters or contexts; is it a kubeconfig?",
                    "Point KUBECONFIG or --kubeconfig at the file your cluster's CLI writes when you log in"
                            + " (usually ~/.kube/config); 'kubectl config view' shows what a file holds.",
                    null);
        }
    }

    private static boolean hasEntries(JsonNode root, String field) {
        JsonNode entries = root.path(field);
        return entries.isArray() && !entries.isEmpty();
    }

    /**
     * A YAML parser's message on one line: its sentences with their line and column, without the quoted snippet and
     * caret lines, e.g. {@code expected the node content, but found '<stream end>' at line 2, column 1}.
     */
    static String oneLine(String message) {
        List<String> parts = new ArrayList<>();
        for (String line : message.split("\\R")) {
            Matcher mark = MARK.matcher(line);
            if (mark.matches() && !parts.isEmpty()) {
                int last = parts.size() - 1;
                parts.set(last, parts.get(last) + " at line " + mark.group(1) + ", column " + mark.group(2));
            } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                parts.add(line.strip());
            }
        }
        return parts.isEmpty() ? message.strip() : String.join("; ", parts);
    }

    /** Whether the file names this context. */
    static boolean has(Path kubeconfig, String context) throws ClusterException {
        return list(kubeconfig).stream().anyMatch(c -> c.name().equals(context));
    }
}
