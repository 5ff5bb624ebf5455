package dev.trustmap.source.scenario;

import dev.trustmap.engine.Engine;
import dev.trustmap.engine.Verdict;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a scenario's requests through the engine and compares each verdict with its expectation: the decision
 * must be equal, and the connection and mTLS flag too where the scenario gives them.
 */
public final class ScenarioRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioRunner.class);

    private ScenarioRunner() {}

    /** The outcome of every request of {@code scenario}, in file order. */
    public static List<RequestOutcome> run(Scenario scenario) {
        Engine engine = Engine.of(scenario.snapshot(), scenario.externalAuthorizer());
        return scenario.requests().stream()
                .map(request -> run(engine, scenario.file(), request))
                .toList();
    }

    /** The outcome of one request against an engine built for its scenario. */
    public static RequestOutcome run(Engine engine, String file, ScenarioRequest request) {
        Verdict verdict = engine.evaluate(request.request());
        String mismatch = request.expect().mismatch(verdict);
        LOG.debug("{}#{}: {} -> {}", file, request.index(), request.request(), verdict);
        return new RequestOutcome(
                file,
                request.index(),
                RequestText.describe(request.request()),
                verdict,
                request.expect(),
                mismatch == null,
                mismatch);
    }
}
