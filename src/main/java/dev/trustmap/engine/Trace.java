package dev.trustmap.engine;

import java.util.ArrayList;
import java.util.List;

/** What rule matching found, field by field, for explanations. */
final class Trace {
    final List<String> matched = new ArrayList<>();
    final List<String> failed = new ArrayList<>();
    final List<String> unknown = new ArrayList<>();

    /** The first failed field, or a fallback. */
    String firstFailure() {
        return failed.isEmpty() ? "no field failed" : failed.get(0);
    }
}
