package dev.trustmap.mesh;

import java.util.Map;

/** A Kubernetes namespace and its labels (sidecar injection, ambient mode). */
public record Namespace(String name, Map<String, String> labels) {

    public Namespace {
        labels = Map.copyOf(labels);
    }

    /** Whether pods created here get a sidecar unless they opt out. */
    public boolean injectsSidecars() {
        return "enabled".equals(labels.get("istio-injection")) || labels.containsKey("istio.io/rev");
    }

    /** Whether injection is switched off explicitly (this wins over a revision label). */
    public boolean injectionDisabled() {
        return "disabled".equals(labels.get("istio-injection"));
    }
}
