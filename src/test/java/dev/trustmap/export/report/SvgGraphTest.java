package dev.trustmap.export.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.mesh.Workload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgGraphTest {

    private static Workload workload(String namespace, String name) {
        return new Workload(
                namespace, name, "Deployment", Map.of("app", name), name, true, false, List.of(), List.of());
    }

    @Test
    void namespacesHaveTheFillsTheyHaveInTheApp() throws IOException {
        String css;
        try (InputStream in = SvgGraph.class.getResourceAsStream("/css/graph.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher rule = Pattern.compile("node\\.ns(\\d) \\{ fill-color: (#[0-9a-f]{6}); }")
                .matcher(css);
        String[] app = new String[SvgGraph.NAMESPACE_FILLS.size()];
        int found = 0;
        while (rule.find()) {
            app[Integer.parseInt(rule.group(1))] = rule.group(2);
            found++;
        }

        assertThat(found).isEqualTo(SvgGraph.NAMESPACE_FILLS.size());
        assertThat(List.of(app)).isEqualTo(SvgGraph.NAMESPACE_FILLS);
    }

    @Test
    void aWorkloadIsFilledByItsNamespacesPlaceInTheSortedList() {
        String svg = SvgGraph.draw(List.of(workload("shop", "web"), workload("bank", "api")), List.of(), false);

        assertThat(svg)
                .containsPattern(
                        "<circle [^>]*fill=\"" + SvgGraph.NAMESPACE_FILLS.get(0) + "\"/>\\s*<text[^>]*>bank/api<")
                .containsPattern(
                        "<circle [^>]*fill=\"" + SvgGraph.NAMESPACE_FILLS.get(1) + "\"/>\\s*<text[^>]*>shop/web<");
    }
}
