package dev.trustmap.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Service;
import dev.trustmap.mesh.ServicePort;
import dev.trustmap.mesh.Workload;
import dev.trustmap.source.scenario.Scenario;
import dev.trustmap.source.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole-mesh fast path must agree with the explained path on every edge of every scenario mesh. */
class EdgeDecisionConsistencyTest {

    static Stream<Path> scenarioFiles() throws Exception {
        Path root = Path.of(
                EdgeDecisionConsistencyTest.class.getResource("/scenarios").toURI());
        List<Path> files = Stream.of("shared", "engine")
                .flatMap(dir -> list(root.resolve(dir)))
                .toList();
        assertThat(files).hasSizeGreaterThan(30);
        return files.stream();
    }

    private static Stream<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("scenarioFiles")
    void fastEdgeVerdictMatchesTheExplainedOne(Path file) throws Exception {
        Scenario scenario =
                ScenarioLoader.parse(Files.readString(file), file.getFileName().toString());
        MeshSnapshot snapshot = scenario.snapshot();
        Engine engine = Engine.of(snapshot);
        int compared = 0;
        for (Workload to : snapshot.workloads()) {
            for (Service service : snapshot.servicesOf(to)) {
                for (ServicePort port : service.ports()) {
                    EdgeTarget target = engine.target(to, service, port.port());
                    for (Workload from : snapshot.workloads()) {
                        Peer peer = new Peer.Pod(from);
                        Verdict slow = engine.evaluate(Request.edge(peer, to, service, port.port()));
                        EdgeOutcome fast = engine.decide(engine.source(peer), target);
                        String edge = from + " -> " + to + ":" + port.port();
                        assertThat(fast.decision()).as(edge).isEqualTo(slow.decision());
                        assertThat(fast.connection())
                                .as(edge)
                                .isEqualTo(slow.connection().connection());
                        assertThat(fast.policy() == null ? null : fast.policy().ref())
                                .as(edge)
                                .isEqualTo(slow.authz().policy());
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isPositive();
    }
}
