package dev.trustmap.source.folder;

import dev.trustmap.mesh.Namespace;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** How Istio treats a pod (or pod template): whether it gets a sidecar, and whether it is a gateway. */
final class PodRules {
    static final String PROXY = "istio-proxy";
    static final String INJECT = "sidecar.istio.io/inject";

    private PodRules() {}

    /** Whether the pod has an {@code istio-proxy} container, or init container (a native sidecar). */
    static boolean hasProxy(PodSpec spec) {
        return proxy(spec) != null;
    }

    /**
     * Whether the pod runs a sidecar: an injected proxy; else the inject annotation, then the inject label; else the
     * namespace's injection labels.
     */
    static boolean sidecar(ObjectMeta meta, PodSpec spec, Namespace namespace) {
        if (hasProxy(spec)) {
            return true;
        }
        Boolean annotated =
                flag(map(meta == null ? null : meta.getAnnotations()).get(INJECT));
        if (annotated != null) {
            return annotated;
        }
        Boolean labelled = flag(map(meta == null ? null : meta.getLabels()).get(INJECT));
        if (labelled != null) {
            return labelled;
        }
        return !namespace.injectionDisabled() && namespace.injectsSidecars();
    }

    /** Whether the pod is an Istio ingress or egress gateway (by label, or a proxy running as a router). */
    static boolean gateway(Map<String, String> labels, PodSpec spec) {
        String istio = labels.get("istio");
        if ("ingressgateway".equals(istio) || "egressgateway".equals(istio)) {
            return true;
        }
        if (labels.containsKey("gateway.networking.k8s.io/gateway-name")
                || labels.containsKey("istio.io/gateway-name")) {
            return true;
        }
        Container proxy = proxy(spec);
        return proxy != null && proxy.getArgs() != null && proxy.getArgs().contains("router");
    }

    private static Container proxy(PodSpec spec) {
        if (spec == null) {
            return null;
        }
        return Stream.of(spec.getContainers(), spec.getInitContainers())
                .filter(Objects::nonNull)
                .flatMap(List::stream)
                .filter(container -> PROXY.equals(container.getName()))
                .findFirst()
                .orElse(null);
    }

    private static Boolean flag(String value) {
        if ("true".equalsIgnoreCase(value)) {
            return Boolean.TRUE;
        }
        return "false".equalsIgnoreCase(value) ? Boolean.FALSE : null;
    }

    static Map<String, String> map(Map<String, String> value) {
        return value == null ? Map.of() : value;
    }
}
