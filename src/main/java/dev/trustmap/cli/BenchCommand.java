package dev.trustmap.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trustmap bench}: times whole-mesh assessment on generated meshes and prints a table. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Times the engine on generated meshes: compiling the policies, verdicts for every ordered pair of"
                    + " workloads at port level, and re-assessment after one AuthorizationPolicy changes.",
            "Figures are medians of the timed runs, after warm-up runs."
        })
final class BenchCommand extends BaseCommand {

    @Option(
            names = "--workloads",
            split = ",",
            defaultValue = "500,2000,5000",
            description = "Mesh sizes in workloads (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--namespaces", defaultValue = "50", description = "Namespaces (default: ${DEFAULT-VALUE}).")
    int namespaces;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed runs first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--runs", defaultValue = "5", description = "Timed runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    protected int run() throws BadInputException {
        if (runs < 1 || warmup < 0 || namespaces < 1 || sizes.stream().anyMatch(s -> s < 1)) {
            throw new BadInputException("--runs, --namespaces and --workloads must be positive, --warmup not negative");
        }
        out().printf(
                        "cores: %d, max heap: %d MB, runs: %d (+%d warm-up), median shown%n",
                        Runtime.getRuntime().availableProcessors(),
                        Runtime.getRuntime().maxMemory() >> 20,
                        runs,
                        warmup);
        out().println("| workloads | policies | pairs (port level) | compile ms | all pairs ms | all pairs CPU ms"
                + " | one-policy change ms | destinations touched | heap MB |");
        out().println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int size : sizes) {
            EngineBenchmark.Result r = EngineBenchmark.run(size, namespaces, warmup, runs);
            out().println(row(r));
            err().println("  runs for " + size + ": all pairs " + format(r.assessRuns()) + " ms; change "
                    + format(r.changeRuns()) + " ms");
            out().flush();
        }
        return ExitCodes.OK;
    }

    private static String row(EngineBenchmark.Result r) {
        List<String> cells = List.of(
                String.valueOf(r.workloads()),
                String.valueOf(r.policies()),
                String.valueOf(r.pairs()),
                String.format(Locale.ROOT, "%.1f", r.compileMillis()),
                String.format(Locale.ROOT, "%.0f", r.assessMillis()),
                String.format(Locale.ROOT, "%.0f", r.assessCpuMillis()),
                String.format(Locale.ROOT, "%.1f", r.changeMillis()),
                String.valueOf(r.touchedDestinations()),
                String.valueOf(r.heapMegabytes()));
        return "| " + String.join(" | ", cells) + " |";
    }

    private static String format(double[] values) {
        return Arrays.stream(values)
                .mapToObj(v -> String.format(Locale.ROOT, "%.1f", v))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
