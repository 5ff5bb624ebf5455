package dev.trustmap.cli;

import dev.trustmap.analysis.ChangeImpact;
import dev.trustmap.analysis.MeshAssessment;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.source.generated.MeshGenerator;
import io.fabric8.istio.api.api.security.v1beta1.Source;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Measures whole-mesh assessment on a generated mesh: compiling the policies, assessing every ordered pair at port
 * level, and re-assessing after one AuthorizationPolicy changes (a caller added). Each figure is the median of the
 * timed runs, after warm-up runs.
 */
public final class EngineBenchmark {

    /** The figures for one mesh size; times in milliseconds. */
    public record Result(
            int workloads,
            int namespaces,
            int policies,
            long pairs,
            double compileMillis,
            double assessMillis,
            double assessCpuMillis,
            double changeMillis,
            int touchedDestinations,
            long heapMegabytes,
            double[] assessRuns,
            double[] changeRuns) {}

    private EngineBenchmark() {}

    public static Result run(int workloads, int namespaces, int warmup, int runs) {
        MeshSnapshot snapshot = MeshGenerator.generate(workloads, namespaces, 42);
        double[] compile = new double[runs];
        double[] assess = new double[runs];
        double[] assessCpu = new double[runs];
        double[] change = new double[runs];
        MeshAssessment assessment = null;
        int touched = 0;
        for (int i = -warmup; i < runs; i++) {
            long start = System.nanoTime();
            Engine engine = Engine.of(snapshot);
            long compiled = System.nanoTime();
            long cpuBefore = processCpuNanos();
            assessment = MeshAssessment.of(engine);
            long assessed = System.nanoTime();
            long cpuAfter = processCpuNanos();
            Edit edit = edit(snapshot, i);
            long editing = System.nanoTime();
            touched = apply(edit, assessment);
            long changed = System.nanoTime();
            if (i >= 0) {
                compile[i] = millis(compiled - start);
                assess[i] = millis(assessed - compiled);
                assessCpu[i] = millis(cpuAfter - cpuBefore);
                change[i] = millis(changed - editing);
            }
        }
        long heap = heapMegabytes();
        return new Result(
                workloads,
                namespaces,
                snapshot.policies().size(),
                assessment.pairCount(),
                median(compile),
                median(assess),
                median(assessCpu),
                median(change),
                touched,
                heap,
                assess,
                change);
    }

    /** A user's edit: one ALLOW policy with a caller added, and the snapshot with it. */
    private record Edit(MeshSnapshot edited, AuthorizationPolicy before, AuthorizationPolicy after) {}

    private static Edit edit(MeshSnapshot snapshot, int run) {
        List<HasMetadata> policies = new ArrayList<>(snapshot.policies());
        int index = firstAllow(policies, Math.abs(run * 7));
        AuthorizationPolicy before = (AuthorizationPolicy) policies.get(index);
        AuthorizationPolicy after = withExtraCaller(before, "cluster.local/ns/ns-00/sa/svc-00000");
        policies.set(index, after);
        return new Edit(snapshot.withPolicies(policies), before, after);
    }

    /** Recompiles and re-assesses what the edit touches; returns how many destinations that is. */
    private static int apply(Edit edit, MeshAssessment assessment) {
        Set<String> touched = ChangeImpact.touchedBy(edit.edited(), List.of(edit.before(), edit.after()));
        assessment.reassess(Engine.of(edit.edited()), touched);
        return touched.size();
    }

    private static int firstAllow(List<HasMetadata> policies, int from) {
        for (int i = 0; i < policies.size(); i++) {
            int candidate = (from + i) % policies.size();
            if (policies.get(candidate) instanceof AuthorizationPolicy p
                    && p.getMetadata().getName().endsWith("-allow")) {
                return candidate;
            }
        }
        throw new IllegalStateException("the generated mesh has no ALLOW policy");
    }

    private static AuthorizationPolicy withExtraCaller(AuthorizationPolicy policy, String principal) {
        KubernetesSerialization serialization = new KubernetesSerialization();
        AuthorizationPolicy copy = serialization.clone(policy);
        Source source = copy.getSpec().getRules().get(0).getFrom().get(0).getSource();
        List<String> principals = new ArrayList<>(source.getPrincipals());
        principals.add(principal);
        source.setPrincipals(principals);
        return copy;
    }

    /** CPU time of all the process's threads: less disturbed than wall time by other work on a shared machine. */
    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static long heapMegabytes() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
