package dev.trustmap.source.cluster;

/**
 * Trustmap cannot talk to a cluster. {@link #getMessage()} is one sentence on what failed followed by what to do,
 * ready for people; the fabric8 exception behind it is the cause, for the log.
 */
public final class ClusterException extends Exception {
    private final String problem;
    private final String advice;

    /**
     * @param problem what failed, one sentence
     * @param advice what to do next, one sentence
     * @param cause the library exception, may be null
     */
    public ClusterException(String problem, String advice, Throwable cause) {
        super(problem + " " + advice, cause);
        this.problem = problem;
        this.advice = advice;
    }

    /** What failed. */
    public String problem() {
        return problem;
    }

    /** What to do next. */
    public String advice() {
        return advice;
    }
}
