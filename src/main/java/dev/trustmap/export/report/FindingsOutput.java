package dev.trustmap.export.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.trustmap.analysis.findings.Checker;
import dev.trustmap.analysis.findings.Finding;
import dev.trustmap.analysis.findings.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Findings as text lines, a JSON array, or a SARIF 2.1.0 log. */
public final class FindingsOutput {
    static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FindingsOutput() {}

    /** One line per finding, then a summary line: {@code 3 findings: 1 error, 2 warnings, 0 info}. */
    public static String text(List<Finding> findings) {
        return text(findings, f -> Optional.empty());
    }

    /** {@link #text(List)} with each line starting {@code file:line: } where the finding's field was read. */
    public static String text(List<Finding> findings, Function<Finding, Optional<LocatedManifests.Location>> locate) {
        StringBuilder out = new StringBuilder();
        findings.forEach(f -> {
            locate.apply(f)
                    .ifPresent(l ->
                            out.append(l.file()).append(':').append(l.line()).append(": "));
            out.append(f.toLine()).append('\n');
        });
        out.append(summary(findings)).append('\n');
        return out.toString();
    }

    /** {@code 3 findings: 1 error, 2 warnings, 0 info}. */
    public static String summary(List<Finding> findings) {
        Map<Severity, Long> counts = new EnumMap<>(Severity.class);
        findings.forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
        long errors = counts.getOrDefault(Severity.ERROR, 0L);
        long warnings = counts.getOrDefault(Severity.WARNING, 0L);
        return findings.size() + (findings.size() == 1 ? " finding: " : " findings: ") + errors
                + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning, " : " warnings, ")
                + counts.getOrDefault(Severity.INFO, 0L) + " info";
    }

    /** A JSON array of objects with the finding's fields. */
    public static String json(List<Finding> findings, Function<Finding, Optional<LocatedManifests.Location>> locate) {
        List<Map<String, Object>> array = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("code", f.code());
            item.put("severity", f.severity().name());
            item.put("resource", f.resource());
            item.put("path", f.path());
            item.put("message", f.message());
            item.put("fix", f.fix());
            locate.apply(f).ifPresent(l -> {
                item.put("file", l.file());
                item.put("line", l.line());
            });
            array.add(item);
        }
        return write(array);
    }

    /** A SARIF 2.1.0 log with one run of the tool {@code trustmap}. */
    public static String sarif(
            List<Finding> findings,
            List<Checker> checkers,
            String version,
            Function<Finding, Optional<LocatedManifests.Location>> locate) {
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Checker checker : checkers) {
            ruleIndex.put(checker.code(), rules.size());
            rules.add(rule(checker));
        }
        List<Map<String, Object>> results = findings.stream()
                .map(f -> result(f, ruleIndex.getOrDefault(f.code(), -1), locate.apply(f)))
                .collect(Collectors.toList());
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "trustmap");
        driver.put("version", version);
        driver.put("rules", rules);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("results", results);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SARIF_SCHEMA);
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        return write(log);
    }

    private static Map<String, Object> rule(Checker checker) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", checker.code());
        rule.put("name", checker.getClass().getSimpleName().replace("Checker", ""));
        rule.put("shortDescription", Map.of("text", checker.title()));
        rule.put("defaultConfiguration", Map.of("level", checker.severity().sarifLevel()));
        return rule;
    }

    private static Map<String, Object> result(Finding f, int ruleIndex, Optional<LocatedManifests.Location> where) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", f.code());
        if (ruleIndex >= 0) {
            result.put("ruleIndex", ruleIndex);
        }
        result.put("level", f.severity().sarifLevel());
        result.put("message", Map.of("text", f.message() + (f.fix().isEmpty() ? "" : ". Fix: " + f.fix())));
        Map<String, Object> location = new LinkedHashMap<>();
        where.ifPresent(l -> location.put(
                "physicalLocation",
                Map.of(
                        "artifactLocation", Map.of("uri", uri(l.file())),
                        "region", Map.of("startLine", Math.max(1, l.line())))));
        String name = f.path().isEmpty() ? f.resource() : f.resource() + " " + f.path();
        location.put("logicalLocations", List.of(Map.of("fullyQualifiedName", name, "kind", "resource")));
        result.put("locations", List.of(location));
        return result;
    }

    /**
     * A SARIF artifact URI: {@code file:///...} for an absolute path, else a relative reference (as given, from the
     * working directory); either way with {@code #}, spaces and the like percent-encoded.
     */
    static String uri(String file) {
        java.nio.file.Path path = java.nio.file.Path.of(file);
        if (path.isAbsolute()) {
            return path.toUri().toASCIIString();
        }
        try {
            return new java.net.URI(null, null, file.replace('\\', '/'), null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + file, e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write findings as JSON", e);
        }
    }
}
