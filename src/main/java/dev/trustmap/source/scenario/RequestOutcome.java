package dev.trustmap.source.scenario;

import dev.trustmap.engine.Verdict;

/**
 * The result of one scenario request.
 *
 * @param file the scenario file
 * @param index the request's position in the file's {@code requests}, from 0
 * @param request a one-line description of the request ({@link RequestText#describe})
 * @param verdict what the engine decided
 * @param expectation what the scenario expected
 * @param pass whether the verdict meets the expectation
 * @param mismatch what differs, or null when it passes
 */
public record RequestOutcome(
        String file,
        int index,
        String request,
        Verdict verdict,
        Expectation expectation,
        boolean pass,
        String mismatch) {

    /** {@code file#index}, the name of this request in reports and test names. */
    public String name() {
        return file + "#" + index;
    }
}
