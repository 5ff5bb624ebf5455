package dev.trustmap.source.scenario;

import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Namespace;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.Workload;
import dev.trustmap.source.folder.ManifestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Joins the short-form workloads with the mesh assembled from a scenario's resources: workloads from both (a
 * workload may not be defined twice), the resources' Services over the short form's of the same name, every
 * workload's namespace and service account, and the resources' policies and mesh config.
 */
final class MeshMerger {
    private final Fields fields;

    MeshMerger(Fields fields) {
        this.fields = fields;
    }

    MeshSnapshot merge(WorkloadExpander.Expanded shortForm, MeshSnapshot assembled) throws ManifestException {
        List<Workload> workloads = new ArrayList<>(shortForm.workloads());
        for (Workload workload : assembled.workloads()) {
            if (workloads.stream().anyMatch(w -> w.id().equals(workload.id()))) {
                throw fields.tree()
                        .error(
                                "resources",
                                "workload '" + workload.id() + "' is defined in workloads and in resources");
            }
            workloads.add(workload);
        }
        return new MeshSnapshot(
                namespaces(workloads, assembled.namespaces()),
                workloads,
                services(shortForm.services(), assembled.services()),
                serviceAccounts(workloads, assembled.serviceAccounts()),
                assembled.policies(),
                assembled.meshConfig());
    }

    private static List<Service> services(List<Service> shortForm, List<Service> fromResources) {
        Map<String, Service> byId = new LinkedHashMap<>();
        shortForm.forEach(s -> byId.put(s.namespace() + "/" + s.name(), s));
        fromResources.forEach(s -> byId.put(s.namespace() + "/" + s.name(), s));
        return List.copyOf(byId.values());
    }

    private static List<Namespace> namespaces(List<Workload> workloads, List<Namespace> fromResources) {
        Map<String, Namespace> byName = new LinkedHashMap<>();
        fromResources.forEach(n -> byName.put(n.name(), n));
        workloads.forEach(w -> byName.putIfAbsent(w.namespace(), new Namespace(w.namespace(), Map.of())));
        return List.copyOf(byName.values());
    }

    private static List<String> serviceAccounts(List<Workload> workloads, List<String> fromResources) {
        TreeSet<String> accounts = new TreeSet<>(fromResources);
        workloads.forEach(w -> accounts.add(w.namespace() + "/" + w.serviceAccount()));
        return List.copyOf(accounts);
    }
}
