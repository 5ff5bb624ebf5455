package dev.trustmap.ui.main;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Protocol;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.mesh.Workload;
import dev.trustmap.source.generated.MeshGenerator;
import dev.trustmap.ui.common.MeshState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/** A generated mesh of {@code n} workloads, each calling three others further down, plus outside traffic. */
final class GeneratedFeed implements MeshFeed {
    private final int workloads;

    GeneratedFeed(int workloads) {
        this.workloads = workloads;
    }

    @Override
    public String name() {
        return "generated " + workloads;
    }

    @Override
    public MeshState open(Instant now) {
        MeshSnapshot snapshot = MeshGenerator.generate(workloads, Math.max(5, workloads / 50), 7);
        Engine engine = Engine.of(snapshot);
        Traffic traffic = traffic(snapshot.workloads(), now);
        return new MeshState(name(), engine, traffic, Assessment.of(engine, traffic), now);
    }

    static Traffic traffic(List<Workload> all, Instant now) {
        Random random = new Random(11);
        List<TrafficEdge> edges = new ArrayList<>();
        for (int i = 0; i < Math.min(5, all.size()); i++) {
            edges.add(edge(null, all.get(i), 20));
        }
        int reach = Math.max(2, all.size() / 10);
        for (int i = 0; i < all.size(); i++) {
            for (int k = 0; k < 3; k++) {
                int j = i + 1 + random.nextInt(reach);
                if (j < all.size()) {
                    edges.add(edge(all.get(i), all.get(j), 1 + random.nextInt(50)));
                }
            }
        }
        return new Traffic(edges, now);
    }

    private static TrafficEdge edge(Workload from, Workload to, double rate) {
        return new TrafficEdge(
                from == null ? null : from.namespace(),
                from == null ? null : from.name(),
                to.namespace(),
                to.name(),
                to.name(),
                80,
                Protocol.HTTP,
                rate,
                Map.of(200, rate),
                from == null ? 0 : 1,
                Set.of("GET"),
                Set.of("/api"));
    }

    @Override
    public Optional<Traffic> tick(Instant now) {
        return Optional.empty();
    }

    @Override
    public boolean live() {
        return false;
    }
}
