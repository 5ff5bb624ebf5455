package dev.trustmap.cli;

/** Process exit codes of the {@code trustmap} commands. */
public final class ExitCodes {
    /** Every scenario request passed; or simulate: the request is allowed. */
    public static final int OK = 0;
    /** Some scenario request did not meet its expectation; or simulate: the request is denied. */
    public static final int MISMATCH_OR_DENY = 1;
    /** Bad input (unreadable or invalid file, unknown workload, bad option) or an internal error. */
    public static final int BAD_INPUT = 2;
    /** Simulate: the request is allowed only under conditions that were not given (see the output). */
    public static final int CONDITIONAL = 3;
    /** Apply: the cluster could not be reached or read. */
    public static final int CLUSTER = 4;

    private ExitCodes() {}
}
