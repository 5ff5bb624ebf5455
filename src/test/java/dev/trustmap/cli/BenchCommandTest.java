package dev.trustmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void printsOneTableRowPerMeshSize() {
        CliRun run = CliRun.of("bench", "--workloads", "40,80", "--namespaces", "4", "--runs", "1", "--warmup", "0");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().filter(l -> l.startsWith("| 40 |") || l.startsWith("| 80 |")))
                .hasSize(2)
                .allSatisfy(row -> assertThat(row.split("\\|")).hasSize(10));
        assertThat(run.out()).contains("| 80 | 42 | " + (80L * (80 + 20 + 8)) + " |");
    }

    @Test
    void rejectsNonPositiveSizes() {
        CliRun run = CliRun.of("bench", "--workloads", "0");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("must be positive");
    }
}
