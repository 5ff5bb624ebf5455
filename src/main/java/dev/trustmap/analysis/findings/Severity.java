package dev.trustmap.analysis.findings;

import java.util.Locale;

/** How bad a finding is: ERROR changes behaviour against the author's intent, WARNING weakens zero trust. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** The SARIF 2.1.0 level: {@code error}, {@code warning} or {@code note}. */
    public String sarifLevel() {
        return this == INFO ? "note" : name().toLowerCase(Locale.ROOT);
    }

    /** Whether this is at least as severe as {@code minimum}. */
    public boolean atLeast(Severity minimum) {
        return ordinal() <= minimum.ordinal();
    }
}
