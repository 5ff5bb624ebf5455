package dev.trustmap.ui.replay;

import dev.trustmap.engine.Connection;
import dev.trustmap.engine.Peer;
import dev.trustmap.engine.Verdict;
import dev.trustmap.source.scenario.RequestOutcome;
import dev.trustmap.source.scenario.RequestText;
import dev.trustmap.source.scenario.ScenarioRequest;

/**
 * One request of the scenario in the replay list.
 *
 * @param request the scenario's request
 * @param edgeId the graph edge it travels on
 * @param status where the replay is with it
 * @param outcome what {@code trustmap test} computes for it, or null before it is replayed
 */
public record ReplayRow(ScenarioRequest request, String edgeId, Status status, RequestOutcome outcome) {

    /** Where a replay is with one request. */
    public enum Status {
        /** Not replayed yet. */
        PENDING,
        /** Being replayed: its edge is highlighted. */
        REPLAYING,
        /** Replayed; the verdict meets the expectation. */
        PASS,
        /** Replayed; the verdict does not meet the expectation. */
        FAIL
    }

    static ReplayRow pending(ScenarioRequest request) {
        return new ReplayRow(request, ScenarioTraffic.edgeId(request.request()), Status.PENDING, null);
    }

    ReplayRow replaying(RequestOutcome result) {
        return new ReplayRow(request, edgeId, Status.REPLAYING, result);
    }

    ReplayRow done(RequestOutcome result) {
        return new ReplayRow(request, edgeId, result.pass() ? Status.PASS : Status.FAIL, result);
    }

    ReplayRow reset() {
        return new ReplayRow(request, edgeId, Status.PENDING, null);
    }

    /** Whether the row has its result (pass or fail). */
    public boolean finished() {
        return status == Status.PASS || status == Status.FAIL;
    }

    /** {@code foo/sleep -> foo/httpbin:8000 GET /get}, as {@code trustmap test} prints it. */
    public String text() {
        return RequestText.describe(request.request());
    }

    /** Whether the client is outside the cluster (drawn from the {@code unknown} node). */
    public boolean fromOutside() {
        return request.request().from() instanceof Peer.External;
    }

    /** What the scenario expects, e.g. {@code DENY connection=mtls mtls=true httpStatus=403}. */
    public String expected() {
        return request.expect().describe();
    }

    /** What the engine decided, in the same words as {@link #expected}; empty before the result is shown. */
    public String actual() {
        return finished() ? describe(outcome.verdict()) : "";
    }

    /** The expected decision and connection for the list, e.g. {@code DENY mtls} ({@code DENY} alone if not given). */
    public String expectedShort() {
        Connection connection = request.expect().connection();
        return request.expect().decision() + (connection == null ? "" : " " + connection.label());
    }

    /** The decision and connection the engine gave, e.g. {@code DENY mtls}; empty before the result is shown. */
    public String actualShort() {
        return finished()
                ? outcome.verdict().decision() + " "
                        + outcome.verdict().connection().connection().label()
                : "";
    }

    /** Why a failed row failed, e.g. {@code mtls: expected false, got true}; empty unless it failed. */
    public String mismatch() {
        return status == Status.FAIL && outcome.mismatch() != null ? outcome.mismatch() : "";
    }

    /** {@code PASS}, {@code FAIL}, or what the replay is doing. */
    public String result() {
        return switch (status) {
            case PENDING -> "";
            case REPLAYING -> "\u25b6";
            case PASS -> "PASS";
            case FAIL -> "FAIL";
        };
    }

    /** A verdict as {@code DENY connection=mtls mtls=true httpStatus=403}; a broken connection has no mTLS flag. */
    static String describe(Verdict verdict) {
        Connection connection = verdict.connection().connection();
        StringBuilder text = new StringBuilder(verdict.decision().name())
                .append(" connection=")
                .append(connection.label());
        if (connection != Connection.BROKEN) {
            text.append(" mtls=").append(verdict.mtls());
        }
        return text.append(" httpStatus=").append(verdict.httpStatus()).toString();
    }
}
