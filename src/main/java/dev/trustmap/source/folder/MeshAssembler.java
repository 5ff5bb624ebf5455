package dev.trustmap.source.folder;

import dev.trustmap.mesh.MeshConfig;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Namespace;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.ServicePort;
import dev.trustmap.mesh.Workload;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.istio.api.security.v1.RequestAuthentication;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link MeshSnapshot} from parsed manifests: workloads (pods grouped by controller, with sidecar and
 * gateway status), services, service accounts, namespaces, the Istio policy objects and the mesh config.
 */
public final class MeshAssembler {
    private static final Logger LOG = LoggerFactory.getLogger(MeshAssembler.class);
    private static final String DEFAULT_NAMESPACE = "default";

    private MeshAssembler() {}

    /**
     * Assembles the mesh. Kinds Trustmap does not read are counted in {@link AssembledMesh#skippedKinds()}. Istio
     * policies without a namespace are placed in {@code default}, as kubectl would, with a warning naming them.
     *
     * @throws ManifestException when the {@code istio} ConfigMap holds unreadable mesh settings
     */
    public static AssembledMesh assemble(List<ParsedResource> resources) throws ManifestException {
        List<String> warnings = new ArrayList<>();
        List<HasMetadata> objects = resources.stream()
                .filter(ParsedResource::supported)
                .map(ParsedResource::object)
                .toList();
        Map<String, Namespace> namespaces = namespaces(resources);
        List<Workload> workloads = new WorkloadCollector(
                        name -> namespaces.getOrDefault(name, new Namespace(name, Map.of())), warnings)
                .collect(objects);
        MeshConfig meshConfig = MeshConfigReader.read(resources, warnings);

        MeshSnapshot snapshot = new MeshSnapshot(
                List.copyOf(namespaces.values()),
                workloads,
                services(objects, warnings),
                serviceAccounts(objects, workloads),
                policies(resources, warnings),
                meshConfig);
        Map<String, Integer> skipped = skippedKinds(resources);
        LOG.info(
                "Assembled {} workloads, {} services and {} policies; skipped {}",
                workloads.size(),
                snapshot.services().size(),
                snapshot.policies().size(),
                skipped);
        return new AssembledMesh(snapshot, skipped, warnings);
    }

    /** The object's namespace, {@code default} when it names none. */
    static String namespaceOf(HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        return namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace;
    }

    /** Whether the object is one of the policy kinds a snapshot (and a draft) holds. */
    static boolean isPolicy(HasMetadata object) {
        return object instanceof AuthorizationPolicy
                || object instanceof PeerAuthentication
                || object instanceof RequestAuthentication
                || object instanceof DestinationRule;
    }

    private static Map<String, Namespace> namespaces(List<ParsedResource> resources) {
        Map<String, Namespace> declared = new LinkedHashMap<>();
        Set<String> used = new TreeSet<>();
        for (ParsedResource resource : resources) {
            HasMetadata object = resource.object();
            if (object instanceof io.fabric8.kubernetes.api.model.Namespace ns) {
                declared.putIfAbsent(
                        ns.getMetadata().getName(),
                        new Namespace(
                                ns.getMetadata().getName(),
                                PodRules.map(ns.getMetadata().getLabels())));
            } else if (resource.supported() || object.getMetadata().getNamespace() != null) {
                used.add(namespaceOf(object));
            }
        }
        used.addAll(declared.keySet());
        Map<String, Namespace> all = new LinkedHashMap<>();
        used.forEach(name -> all.put(name, declared.getOrDefault(name, new Namespace(name, Map.of()))));
        return all;
    }

    private static List<Service> services(List<HasMetadata> objects, List<String> warnings) {
        List<Service> services = new ArrayList<>();
        for (HasMetadata object : objects) {
            if (object instanceof io.fabric8.kubernetes.api.model.Service service) {
                services.add(service(service, warnings));
            }
        }
        return services;
    }

    private static Service service(io.fabric8.kubernetes.api.model.Service service, List<String> warnings) {
        var spec = service.getSpec();
        List<ServicePort> ports = new ArrayList<>();
        String id = namespaceOf(service) + "/" + service.getMetadata().getName();
        for (var port : spec == null || spec.getPorts() == null
                ? List.<io.fabric8.kubernetes.api.model.ServicePort>of()
                : spec.getPorts()) {
            if (port.getPort() == null) {
                warnings.add(String.format("Service %s has a port without a number; it is left out.", id));
                continue;
            }
            ports.add(new ServicePort(
                    port.getName(),
                    port.getPort(),
                    targetPort(port.getTargetPort(), port.getPort()),
                    port.getAppProtocol()));
        }
        Map<String, String> selector = spec == null ? Map.of() : PodRules.map(spec.getSelector());
        return new Service(namespaceOf(service), service.getMetadata().getName(), selector, ports);
    }

    private static String targetPort(IntOrString target, int port) {
        if (target == null || (target.getIntVal() == null && target.getStrVal() == null)) {
            return String.valueOf(port);
        }
        return target.getIntVal() != null ? String.valueOf(target.getIntVal()) : target.getStrVal();
    }

    private static List<String> serviceAccounts(List<HasMetadata> objects, List<Workload> workloads) {
        Set<String> accounts = new LinkedHashSet<>();
        objects.stream()
                .filter(ServiceAccount.class::isInstance)
                .forEach(sa ->
                        accounts.add(namespaceOf(sa) + "/" + sa.getMetadata().getName()));
        workloads.forEach(w -> accounts.add(w.namespace() + "/" + w.serviceAccount()));
        return List.copyOf(accounts);
    }

    private static List<HasMetadata> policies(List<ParsedResource> resources, List<String> warnings) {
        List<HasMetadata> policies = new ArrayList<>();
        for (ParsedResource resource : resources) {
            HasMetadata object = resource.object();
            if (isPolicy(object)) {
                String namespace = object.getMetadata().getNamespace();
                if (namespace == null || namespace.isBlank()) {
                    warnings.add(String.format(
                            "%s: %s %s has no metadata.namespace; assumed namespace '%s' (as kubectl would).",
                            resource.location(),
                            object.getKind(),
                            object.getMetadata().getName(),
                            DEFAULT_NAMESPACE));
                }
                object.getMetadata().setNamespace(namespaceOf(object));
                policies.add(object);
            }
        }
        return policies;
    }

    /** A traffic file ({@code trustmap.dev/v1 Traffic}) found among the manifests: read as traffic, not skipped. */
    private static boolean isTrafficFile(ParsedResource resource) {
        return "Traffic".equals(resource.object().getKind())
                && "trustmap.dev/v1".equals(resource.object().getApiVersion());
    }

    private static Map<String, Integer> skippedKinds(List<ParsedResource> resources) {
        Map<String, Integer> skipped = new TreeMap<>();
        resources.stream()
                .filter(resource -> !resource.supported() && !isTrafficFile(resource))
                .forEach(resource -> skipped.merge(resource.object().getKind(), 1, Integer::sum));
        return skipped;
    }
}
