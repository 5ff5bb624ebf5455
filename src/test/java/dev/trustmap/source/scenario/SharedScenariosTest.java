package dev.trustmap.source.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The acceptance tests: every request of the shared scenario files (copied unchanged from the scenario library)
 * and of the engine's own scenarios (one file per subtle Istio behaviour) must get the expected verdict. One test
 * per request, named {@code file#index}.
 */
class SharedScenariosTest {

    @TestFactory
    Stream<DynamicContainer> everySharedScenarioRequestMeetsItsExpectation() throws Exception {
        return testsFor(scenarioFiles("/scenarios/shared", 16));
    }

    @TestFactory
    Stream<DynamicContainer> everyEngineScenarioRequestMeetsItsExpectation() throws Exception {
        return testsFor(scenarioFiles("/scenarios/engine", 38));
    }

    private static Stream<DynamicContainer> testsFor(List<Path> scenarioFiles) throws Exception {
        List<DynamicContainer> files = new ArrayList<>();
        for (Path file : scenarioFiles) {
            Scenario scenario = ScenarioLoader.parse(
                    Files.readString(file), file.getFileName().toString());
            Stream<DynamicTest> tests = scenario.requests().stream()
                    .map(request -> DynamicTest.dynamicTest(
                            scenario.file() + "#" + request.index(), () -> assertPasses(scenario, request)));
            files.add(DynamicContainer.dynamicContainer(scenario.file(), tests));
        }
        return files.stream();
    }

    private static void assertPasses(Scenario scenario, ScenarioRequest request) {
        Engine engine = Engine.of(scenario.snapshot(), scenario.externalAuthorizer());

        RequestOutcome outcome = ScenarioRunner.run(engine, scenario.file(), request);

        assertThat(outcome.pass())
                .as(
                        "%s %s (%s): %s; engine said: %s",
                        outcome.name(),
                        outcome.request(),
                        request.expect().reason(),
                        outcome.mismatch(),
                        outcome.verdict())
                .isTrue();
    }

    private static List<Path> scenarioFiles(String folder, int expectedCount) throws IOException {
        try (Stream<Path> files = Files.list(TestFiles.resource(folder))) {
            List<Path> sorted =
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertThat(sorted).hasSize(expectedCount);
            return sorted;
        }
    }
}
