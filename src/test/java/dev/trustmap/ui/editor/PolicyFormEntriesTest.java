package dev.trustmap.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.analysis.ResourceKey;
import dev.trustmap.ui.editor.RuleFormViewModel.Field;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every source of a rule's from and every operation of its to is editable, and can be added or removed. */
class PolicyFormEntriesTest extends PolicyFormFixture {
    private static final String TWO_SOURCES = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: two-sources
              namespace: payments
            spec:
              selector:
                matchLabels: {app: ledger}
              action: ALLOW
              rules:
                - from:
                    - source:
                        principals: ["cluster.local/ns/payments/sa/payments"]
                    - source:
                        namespaces: ["analytics"]
                        notPrincipals: ["cluster.local/ns/analytics/sa/batch"]
                        ipBlocks: ["10.0.0.0/8"]
                  to:
                    - operation:
                        methods: ["GET"]
                    - operation:
                        ports: ["8080"]
                        paths: ["/v1/*"]
            """;
    private static final String KEY = "AuthorizationPolicy payments/two-sources";

    private AuthorizationPolicy original;

    @BeforeEach
    void load() throws Exception {
        open(labWith(TWO_SOURCES));
        original = (AuthorizationPolicy) workspace.current().policies().stream()
                .filter(p -> ResourceKey.of(p).equals(KEY))
                .findFirst()
                .orElseThrow();
        assertThat(form.load(KEY)).isTrue();
    }

    private Rule originalRule() {
        return original.getSpec().getRules().get(0);
    }

    @Test
    void showsBothFromEntriesEditableAndRoundTripsExactly() {
        RuleFormViewModel rule = rule(0);
        assertThat(rule.sources()).hasSize(2);
        assertThat(rule.operations()).hasSize(2);
        RuleEntryFormViewModel second = rule.sources().get(1);
        assertThat(second.text(Field.NAMESPACES).get()).isEqualTo("analytics");
        assertThat(second.text(Field.NOT_PRINCIPALS).get()).isEqualTo("cluster.local/ns/analytics/sa/batch");
        assertThat(second.isLocked(Field.NAMESPACES)).isFalse();
        assertThat(rule.operations().get(1).text(Field.PATHS).get()).isEqualTo("/v1/*");
        assertThat(rule.toRule()).isEqualTo(originalRule());
        assertThat(form.report().keptProperty().get())
                .contains("spec.rules[0].from[1].source.ipBlocks")
                .doesNotContain("spec.rules[0].from[1].source.namespaces")
                .doesNotContain("spec.rules[0].to[1]");

        assertThat(form.applyForm()).isTrue();
        assertThat(ResourceKey.comparable(drafted(KEY))).isEqualTo(ResourceKey.comparable(original));
    }

    @Test
    void editingTheSecondEntryChangesOnlyIt() {
        rule(0).sources().get(1).text(Field.NAMESPACES).set("analytics, reporting");
        rule(0).operations().get(1).text(Field.METHODS).set("POST");
        assertThat(form.applyForm()).isTrue();

        Rule saved = drafted(KEY).getSpec().getRules().get(0);
        Rule before = originalRule();
        assertThat(saved.getFrom()).hasSize(2);
        assertThat(saved.getFrom().get(0)).isEqualTo(before.getFrom().get(0));
        var source = saved.getFrom().get(1).getSource();
        assertThat(source.getNamespaces()).containsExactly("analytics", "reporting");
        assertThat(source.getNotPrincipals()).containsExactly("cluster.local/ns/analytics/sa/batch");
        assertThat(source.getIpBlocks()).containsExactly("10.0.0.0/8");
        assertThat(saved.getTo().get(0)).isEqualTo(before.getTo().get(0));
        var operation = saved.getTo().get(1).getOperation();
        assertThat(operation.getMethods()).containsExactly("POST");
        assertThat(operation.getPorts()).containsExactly("8080");
        assertThat(operation.getPaths()).containsExactly("/v1/*");
    }

    @Test
    void addsAndRemovesEntries() {
        RuleFormViewModel rule = rule(0);
        rule.addSource().text(Field.PRINCIPALS).set("cluster.local/ns/frontend/sa/api-gateway");
        rule.removeEntry(rule.sources().get(0));
        rule.removeEntry(rule.operations().get(1));

        Rule written = rule.toRule();
        Rule before = originalRule();
        assertThat(written.getFrom()).hasSize(2);
        assertThat(written.getFrom().get(0)).isEqualTo(before.getFrom().get(1));
        assertThat(written.getFrom().get(1).getSource().getPrincipals())
                .containsExactly("cluster.local/ns/frontend/sa/api-gateway");
        assertThat(written.getTo()).containsExactly(before.getTo().get(0));

        rule.removeEntry(rule.operations().get(0));
        assertThat(rule.operations()).hasSize(1);
        assertThat(rule.operations().get(0).text(Field.METHODS).get()).isEmpty();
        assertThat(rule.toRule().getTo()).isNull();
        assertThat(form.report().keptProperty().get()).contains("spec.rules[0].from[0].source.ipBlocks");
    }

    @Test
    void dropsAnAddedEntryLeftEmpty() {
        rule(0).addSource();
        rule(0).addOperation().text(Field.PORTS).set(" , ");
        assertThat(rule(0).sources()).hasSize(3);
        assertThat(rule(0).operations().get(2).isEmpty()).isTrue();
        assertThat(rule(0).toRule()).isEqualTo(originalRule());
    }

    @Test
    void anEntryEmptiedOfItsShownFieldsKeepsWhatTheFormDoesNotShow() {
        RuleEntryFormViewModel second = rule(0).sources().get(1);
        second.text(Field.NAMESPACES).set("");
        second.text(Field.NOT_PRINCIPALS).set("");
        assertThat(rule(0).toRule().getFrom().get(1).getSource().getIpBlocks()).containsExactly("10.0.0.0/8");
        rule(0).sources().get(0).text(Field.PRINCIPALS).set("");
        assertThat(rule(0).toRule().getFrom()).hasSize(1);
    }

    @Test
    void aNewRuleTakesSeveralSources() {
        form.addRule();
        RuleFormViewModel rule = rule(1);
        rule.text(Field.NAMESPACES).set("payments");
        rule.addSource().text(Field.PRINCIPALS).set("cluster.local/ns/frontend/sa/api-gateway");
        rule.addOperation().text(Field.METHODS).set("get");
        Rule written = rule.toRule();
        assertThat(written.getFrom()).hasSize(2);
        assertThat(written.getFrom().get(0).getSource().getNamespaces()).containsExactly("payments");
        assertThat(written.getTo())
                .singleElement()
                .satisfies(to -> assertThat(to.getOperation().getMethods()).containsExactly("get"));
        assertThat(form.report().warningsProperty().get()).contains("get");
    }
}
