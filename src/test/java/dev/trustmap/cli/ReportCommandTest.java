package dev.trustmap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path folder;

    @Test
    void writesTheLabReportWithItsWeaknesses() throws Exception {
        Path audit = Files.writeString(folder.resolve("audit.log"), "2025-01-15T09:00:00Z bob applied a draft\n");
        Path output = folder.resolve("out/report.html");

        CliRun run = CliRun.of("report", "--lab", "--audit-log", audit.toString(), "-o", output.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("wrote " + output).contains("findings").contains("observed edges");
        assertThat(Files.readString(output))
                .contains("messaging/notifications-no-admin")
                .contains("payments/fraud-check-callers")
                .contains("bob applied a draft");
    }

    @Test
    void reportsOnAFolderOfManifestsWithoutTraffic() throws Exception {
        Path base = Path.of(getClass().getResource("/findings/base.yaml").toURI());
        Path output = folder.resolve("report.html");

        CliRun run = CliRun.of("report", "--manifests", base.toString(), "-o", output.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(output)).contains("No observed traffic.").contains("Namespace shop");
    }
}
