package dev.trustmap.ui.graph;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.analysis.EdgeAssessment;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds the graph model of a mesh: one node per workload, {@code unknown} for outside clients, one edge each. */
public final class GraphModelBuilder {
    private GraphModelBuilder() {}

    /** The graph of a snapshot and the assessment of its observed traffic. */
    public static GraphModel build(MeshSnapshot snapshot, Assessment assessment) {
        List<String> namespaces = snapshot.workloads().stream()
                .map(Workload::namespace)
                .distinct()
                .sorted()
                .toList();
        List<GraphNode> nodes = new ArrayList<>();
        boolean outsideTraffic =
                assessment.edges().stream().anyMatch(e -> e.edge().fromOutside());
        if (outsideTraffic || snapshot.workloads().stream().anyMatch(Workload::gateway)) {
            nodes.add(new GraphNode(GraphNode.UNKNOWN_ID, GraphNode.UNKNOWN_ID, "", NodeKind.UNKNOWN, 0));
        }
        Set<String> repeated = repeatedNames(snapshot.workloads());
        snapshot.workloads().stream()
                .sorted(Comparator.comparing(Workload::id))
                .forEach(w -> nodes.add(node(w, namespaces.indexOf(w.namespace()), repeated.contains(w.name()))));
        List<GraphEdge> edges = new ArrayList<>();
        for (EdgeAssessment edge : assessment.edges()) {
            String id = GraphEdge.idOf(edge.edge());
            edges.add(new GraphEdge(id, edge.edge().sourceId(), edge.edge().destinationId(), edge));
        }
        return new GraphModel(nodes, edges);
    }

    /** Names that more than one namespace uses: their nodes are labelled {@code ns/name} to tell them apart. */
    private static Set<String> repeatedNames(List<Workload> workloads) {
        Map<String, Long> counts =
                workloads.stream().collect(Collectors.groupingBy(Workload::name, Collectors.counting()));
        Set<String> repeated = new HashSet<>();
        counts.forEach((name, count) -> {
            if (count > 1) {
                repeated.add(name);
            }
        });
        return repeated;
    }

    private static GraphNode node(Workload workload, int namespaceIndex, boolean qualified) {
        NodeKind kind =
                workload.gateway() ? NodeKind.GATEWAY : workload.sidecar() ? NodeKind.SIDECAR : NodeKind.NO_SIDECAR;
        String label = qualified ? workload.id() : workload.name();
        return new GraphNode(workload.id(), label, workload.namespace(), kind, namespaceIndex);
    }
}
