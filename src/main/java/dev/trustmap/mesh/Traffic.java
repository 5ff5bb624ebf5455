package dev.trustmap.mesh;

import java.time.Instant;
import java.util.List;

/** What was observed over a window: the edges between workloads with their rates. */
public record Traffic(List<TrafficEdge> edges, Instant observedAt) {

    public Traffic {
        edges = List.copyOf(edges);
    }

    public static Traffic none() {
        return new Traffic(List.of(), Instant.EPOCH);
    }
}
