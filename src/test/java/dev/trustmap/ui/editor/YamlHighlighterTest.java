package dev.trustmap.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

class YamlHighlighterTest {

    /** The styled pieces of the text, as "style:text", in order. */
    private static List<String> pieces(String text) {
        StyleSpans<Collection<String>> spans = YamlHighlighter.spans(text);
        List<String> out = new ArrayList<>();
        int at = 0;
        for (StyleSpan<Collection<String>> span : spans) {
            if (!span.getStyle().isEmpty()) {
                out.add(String.join(",", span.getStyle()) + ":" + text.substring(at, at + span.getLength()));
            }
            at += span.getLength();
        }
        assertThat(at).as("the spans cover the text").isEqualTo(text.length());
        return out;
    }

    @Test
    void coloursKeysStringsCommentsAndSeparators() {
        String yaml = "# a policy\napiVersion: security.istio.io/v1\nmetadata: {name: x, namespace: 'pay'}\n---\n"
                + "spec:\n  rules:\n  - to: [{operation: {paths: [\"/a:b\"]}}] # only /a:b\n";

        assertThat(pieces(yaml))
                .containsExactly(
                        "yaml-comment:# a policy",
                        "yaml-key:apiVersion",
                        "yaml-key:metadata",
                        "yaml-key:name",
                        "yaml-key:namespace",
                        "yaml-string:'pay'",
                        "yaml-separator:---",
                        "yaml-key:spec",
                        "yaml-key:rules",
                        "yaml-key:to",
                        "yaml-key:operation",
                        "yaml-key:paths",
                        "yaml-string:\"/a:b\"",
                        "yaml-comment:# only /a:b");
    }

    @Test
    void leavesValuesWithColonsAndHashesInsideWordsPlain() {
        assertThat(pieces("url: http://x.example/a#frag\ntime: 10:30\n"))
                .containsExactly("yaml-key:url", "yaml-key:time");
    }

    @Test
    void anEmptyTextHasNoSpans() {
        assertThat(pieces("")).isEmpty();
    }
}
