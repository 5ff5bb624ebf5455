package dev.trustmap.ui.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Who calls whom, by node id, for layout. */
final class Adjacency {
    private final Map<String, Set<String>> out = new HashMap<>();
    private final Map<String, Set<String>> in = new HashMap<>();

    static Adjacency of(GraphModel model) {
        Adjacency adjacency = new Adjacency();
        for (GraphEdge edge : model.edges()) {
            if (!edge.source().equals(edge.target())) {
                adjacency
                        .out
                        .computeIfAbsent(edge.source(), k -> new LinkedHashSet<>())
                        .add(edge.target());
                adjacency
                        .in
                        .computeIfAbsent(edge.target(), k -> new LinkedHashSet<>())
                        .add(edge.source());
            }
        }
        return adjacency;
    }

    Set<String> out(String id) {
        return out.getOrDefault(id, Set.of());
    }

    Set<String> in(String id) {
        return in.getOrDefault(id, Set.of());
    }

    List<String> neighbours(String id) {
        List<String> all = new ArrayList<>(in(id));
        all.addAll(out(id));
        return all;
    }
}
