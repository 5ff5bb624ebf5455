package dev.trustmap.analysis.workspace;

import dev.trustmap.analysis.EdgeAssessment;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Protocol;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.mesh.TrafficEdge;
import dev.trustmap.mesh.Workload;
import dev.trustmap.source.generated.MeshGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Edit to updated edges on a generated mesh: a graph gesture ("deny this" or "allow only this" on a random observed
 * edge) turned into policies, put into the workspace, and the draft re-assessed incrementally (observed edges,
 * would-break, opens over all pairs, resource changes). Not part of {@code mvn verify}; see docs/benchmarks.md.
 */
public final class DraftingBench {
    private static final Logger LOG = LoggerFactory.getLogger(DraftingBench.class);

    private DraftingBench() {}

    public static void main(String[] args) {
        int workloads = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int edits = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        MeshSnapshot mesh = MeshGenerator.generate(workloads, 50, 42);
        Traffic traffic = traffic(mesh, 3, new Random(7));
        long start = System.nanoTime();
        Baseline base = Baseline.of(Engine.of(mesh));
        Workspace workspace = new Workspace(mesh, traffic, null);
        DraftAssessment assessed = DraftAssessment.of(base, workspace.draft(), traffic);
        LOG.info(
                "{} workloads, {} edges: baseline and first assessment in {} ms",
                workloads,
                traffic.edges().size(),
                (System.nanoTime() - start) / 1_000_000);
        Random random = new Random(11);
        double[] millis = new double[edits];
        for (int i = -5; i < edits; i++) {
            long t0 = System.nanoTime();
            assessed = edit(workspace, assessed, random, i % 2 == 0);
            if (i >= 0) {
                millis[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(millis);
        LOG.info(
                "edit to updated edges over {} edits: median {} ms, p90 {} ms, max {} ms; draft of {} objects,"
                        + " {} would break, {} opens",
                edits,
                String.format("%.1f", millis[edits / 2]),
                String.format("%.1f", millis[edits * 9 / 10]),
                String.format("%.1f", millis[edits - 1]),
                workspace.draft().size(),
                assessed.diff().wouldBreak().size(),
                assessed.diff().opens().size());
    }

    private static DraftAssessment edit(Workspace workspace, DraftAssessment previous, Random random, boolean deny) {
        List<EdgeAssessment> edges = previous.edges();
        EdgeAssessment edge = edges.get(random.nextInt(edges.size()));
        PolicyGestures gestures = new PolicyGestures(previous.engine());
        workspace.put(deny ? gestures.deny(edge) : gestures.allowOnly(edge));
        return previous.next(previous.baseline(), workspace.draft(), workspace.traffic());
    }

    /** {@code perWorkload} edges from each workload to random workloads' HTTP Service port. */
    static Traffic traffic(MeshSnapshot mesh, int perWorkload, Random random) {
        List<Workload> all = mesh.workloads();
        List<TrafficEdge> edges = new ArrayList<>();
        for (Workload from : all) {
            for (int i = 0; i < perWorkload; i++) {
                Workload to = all.get(random.nextInt(all.size()));
                edges.add(new TrafficEdge(
                        from.namespace(),
                        from.name(),
                        to.namespace(),
                        to.name(),
                        to.name(),
                        80,
                        Protocol.HTTP,
                        1 + random.nextInt(20),
                        Map.of(200, 1.0),
                        1,
                        Set.of(),
                        Set.of()));
            }
        }
        return new Traffic(edges, Instant.parse("2026-01-01T00:00:00Z"));
    }
}
