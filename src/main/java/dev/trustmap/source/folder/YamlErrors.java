package dev.trustmap.source.folder;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The one wording for text that does not parse, shared by manifest files and scenario files: {@code is not valid
 * YAML or JSON at column C: <problem>; fix the indentation or quoting.}, at the line where the problem starts.
 * SnakeYAML's token names and Jackson's limits are put into words.
 */
public final class YamlErrors {
    /** SnakeYAML's token names, quoted or not, and what to say instead. */
    private static final Map<String, String> TOKENS = Map.of(
            "block end", "the end of the indented block",
            "block mapping start", "a key",
            "block sequence start", "a list item",
            "document start", "a new document",
            "stream end", "the end of the file");

    /** SnakeYAML's contexts for constructs noticed as broken only later, as what the user should fix. */
    private static final Map<String, String> CONSTRUCTS = Map.of(
            "while parsing a flow sequence", "the list opened with '[' here is not closed with ']'",
            "while parsing a flow mapping", "the mapping opened with '{' here is not closed with '}'",
            "while scanning a simple key", "this key has no ':' after it",
            "while scanning a quoted scalar", "the quote opened here is not closed");

    private static final Pattern TOKEN = Pattern.compile("'?<([a-z ]+)>'?");

    /** Jackson quotes SnakeYAML's event objects ({@code <org.yaml.snakeyaml.events.MappingStartEvent(...)>}). */
    private static final Pattern EVENT = Pattern.compile("<org\\.yaml\\.snakeyaml\\.events\\.(\\w+)Event\\([^>]*\\)>");

    private YamlErrors() {}

    /**
     * The error for a parse failure of text from {@code origin}.
     *
     * @param lineOffset added to the parser's lines, when the text starts further down the file
     */
    public static ManifestException syntax(JsonProcessingException e, String origin, int lineOffset) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            return yamlError(yaml, origin, lineOffset);
        }
        JsonLocation location = e.getLocation();
        int line = location == null || location.getLineNr() < 1 ? 0 : location.getLineNr() + lineOffset;
        if (e instanceof StreamConstraintsException) {
            return new ManifestException(origin, line, null, tooLarge(e.getOriginalMessage()));
        }
        if (e instanceof InputCoercionException) {
            return new ManifestException(origin, line, null, "has a number too large to read; fix the value.");
        }
        int column = location == null ? 0 : location.getColumnNr();
        return new ManifestException(origin, line, null, describe(e.getOriginalMessage(), column));
    }

    /**
     * Points at the problem, or at the start of the construct when the problem is only noticed later: an unclosed
     * {@code [} or {@code {}, a key without ':' or an unclosed quote is reported by SnakeYAML where it gave up (often
     * the next line), but the line to fix is the one where the construct starts.
     */
    private static ManifestException yamlError(MarkedYAMLException yaml, String origin, int lineOffset) {
        Mark mark = yaml.getProblemMark();
        String problem = yaml.getProblem();
        if (startsConstruct(yaml) || (problem != null && problem.contains("end of stream"))) {
            if (yaml.getContextMark() != null && yaml.getContext() != null) {
                mark = yaml.getContextMark();
                String construct = CONSTRUCTS.get(yaml.getContext());
                problem = construct == null ? problem + " " + yaml.getContext() : construct + " (" + problem + ")";
            }
        }
        return new ManifestException(
                origin, mark.getLine() + 1 + lineOffset, null, describe(problem, mark.getColumn() + 1));
    }

    private static boolean startsConstruct(MarkedYAMLException yaml) {
        String context = yaml.getContext();
        return context != null && (context.startsWith("while parsing a flow") || context.startsWith("while scanning"));
    }

    private static String describe(String problem, int column) {
        String first = problem == null
                ? "unreadable input"
                : problem.lines().findFirst().orElse(problem);
        first = TOKEN.matcher(first)
                .replaceAll(token -> Matcher.quoteReplacement(TOKENS.getOrDefault(token.group(1), token.group())));
        first = EVENT.matcher(first).replaceAll(event -> Matcher.quoteReplacement(eventInWords(event.group(1))));
        String where = column > 0 ? " at column " + column : "";
        return "is not valid YAML or JSON" + where + ": " + first + "; fix the indentation or quoting.";
    }

    private static String eventInWords(String event) {
        return switch (event) {
            case "MappingStart" ->
                "a '{' mapping (is this a Helm or other template? render it first, e.g. helm" + " template)";
            case "SequenceStart" -> "a '[' list";
            case "Alias" -> "an alias ('*name')";
            default -> "something else";
        };
    }

    private static String tooLarge(String message) {
        String text = message == null ? "" : message;
        if (text.contains("nesting depth")) {
            return "nests lists and mappings more than 1000 levels deep; Trustmap does not read deeper documents.";
        }
        if (text.contains("Number value length")) {
            return "has a number with more than 1000 digits; fix the value.";
        }
        return "has a value too long to read (" + text.replaceAll(" \\(from `.*", "") + ").";
    }
}
