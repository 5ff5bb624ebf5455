package dev.trustmap.ui.editor;

import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Colours YAML for the draft's editor, line by line as a reader scans it: mapping keys, quoted strings, comments and
 * the {@code ---} between documents. It does not parse; the editor's validation does that.
 */
final class YamlHighlighter {
    static final String KEY = "yaml-key";
    static final String STRING = "yaml-string";
    static final String COMMENT = "yaml-comment";
    static final String SEPARATOR = "yaml-separator";

    private static final Pattern TOKENS = Pattern.compile(
            "(?<comment>(?:^|(?<=[ \\t]))#[^\\n]*)"
                    + "|(?<string>\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\n]|'')*')"
                    + "|(?<separator>^---[ \\t]*$)"
                    + "|(?<key>[A-Za-z0-9_./-]+(?=:(?:[ \\t]|$)))",
            Pattern.MULTILINE);

    private YamlHighlighter() {}

    /** The style classes of every character of {@code text}: one of the four above, or none. */
    static StyleSpans<Collection<String>> spans(String text) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        Matcher token = TOKENS.matcher(text);
        int plainFrom = 0;
        while (token.find()) {
            String style = token.group("comment") != null
                    ? COMMENT
                    : token.group("string") != null ? STRING : token.group("separator") != null ? SEPARATOR : KEY;
            spans.add(List.of(), token.start() - plainFrom);
            spans.add(List.of(style), token.end() - token.start());
            plainFrom = token.end();
        }
        spans.add(List.of(), text.length() - plainFrom);
        return spans.create();
    }
}
