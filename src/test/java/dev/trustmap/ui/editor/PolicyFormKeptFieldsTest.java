package dev.trustmap.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.analysis.ResourceKey;
import dev.trustmap.ui.editor.RuleFormViewModel.Field;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The policy form keeps, and names, what a loaded policy holds beyond the fields it shows. */
class PolicyFormKeptFieldsTest extends PolicyFormFixture {
    private static final String ODD = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata:
              name: odd
              namespace: payments
              labels: {team: payments}
              annotations: {istio.io/dry-run: "true"}
            spec:
              selector:
                matchLabels: {app: ledger}
              action: ALLOW
              rules:
                - from:
                    - source:
                        principals: ["cluster.local/ns/payments/sa/payments"]
                        requestPrincipals: ["https://issuer/*"]
                        ipBlocks: ["10.0.0.0/8"]
                    - source:
                        namespaces: ["analytics"]
                  to:
                    - operation:
                        paths: ["/v1/*"]
                        notPaths: ["/v1/admin*"]
                        hosts: ["ledger.payments"]
                  when:
                    - key: request.headers[x-list]
                      values: ["a,b"]
                    - key: source.namespace
                      notValues: ["legacy"]
            """;

    private AuthorizationPolicy original;

    @BeforeEach
    void addOddPolicy() throws Exception {
        open(labWith(ODD));
        original = (AuthorizationPolicy) workspace.current().policies().stream()
                .filter(p -> ResourceKey.of(p).equals("AuthorizationPolicy payments/odd"))
                .findFirst()
                .orElseThrow();
        form.load("AuthorizationPolicy payments/odd");
    }

    @Test
    void namesEachOneInTheForm() {
        assertThat(form.report().keptProperty().get())
                .contains("spec.rules[0].from[0].source.requestPrincipals")
                .contains("spec.rules[0].from[0].source.ipBlocks")
                .doesNotContain("spec.rules[0].from[1]")
                .contains("spec.rules[0].to[0].operation.notPaths")
                .contains("spec.rules[0].to[0].operation.hosts")
                .contains("spec.rules[0].when[0]")
                .doesNotContain("spec.rules[0].when[1]")
                .contains("edit them in the YAML tab");
        assertThat(form.rules().get(0).conditions().get(0).isLocked()).isTrue();
        assertThat(form.rules().get(0).conditions().get(1).notValuesProperty().get())
                .isEqualTo("legacy");
    }

    @Test
    void keepsThemWhenTheShownFieldsChange() {
        rule(0).text(Field.PRINCIPALS).set("cluster.local/ns/payments/sa/accounts");
        rule(0).text(Field.PATHS).set("/v2/*");
        rule(0).conditions().get(1).notValuesProperty().set("legacy, frontend");
        assertThat(form.applyForm()).isTrue();

        AuthorizationPolicy saved = drafted("AuthorizationPolicy payments/odd");
        Rule rule = saved.getSpec().getRules().get(0);
        var source = rule.getFrom().get(0).getSource();
        assertThat(source.getPrincipals()).containsExactly("cluster.local/ns/payments/sa/accounts");
        assertThat(source.getRequestPrincipals()).containsExactly("https://issuer/*");
        assertThat(source.getIpBlocks()).containsExactly("10.0.0.0/8");
        assertThat(rule.getFrom().get(1))
                .isEqualTo(original.getSpec().getRules().get(0).getFrom().get(1));
        var operation = rule.getTo().get(0).getOperation();
        assertThat(operation.getPaths()).containsExactly("/v2/*");
        assertThat(operation.getNotPaths()).containsExactly("/v1/admin*");
        assertThat(operation.getHosts()).containsExactly("ledger.payments");
        assertThat(rule.getWhen().get(0).getValues()).containsExactly("a,b");
        assertThat(rule.getWhen().get(1).getNotValues()).containsExactly("legacy", "frontend");
        assertThat(saved.getMetadata().getAnnotations()).containsEntry("istio.io/dry-run", "true");
        assertThat(saved.getMetadata().getLabels()).containsEntry("team", "payments");
    }

    @Test
    void theLoadedObjectIsNeverChanged() {
        Object before = ResourceKey.comparable(original);
        rule(0).text(Field.PRINCIPALS).set("x");
        form.addRule();
        form.applyForm();
        assertThat(ResourceKey.comparable(original)).isEqualTo(before);
    }

    @Test
    void namesTargetRefsAndKeepsThem() throws Exception {
        open(dev.trustmap.source.scenario.ScenarioLoader.load(
                        java.nio.file.Path.of("src/test/resources/scenarios/engine/s16-target-refs.yaml"))
                .snapshot());
        form.load("AuthorizationPolicy foo/gw-deny-admin");
        assertThat(form.report().keptProperty().get()).contains("spec.targetRefs");
        form.addRule();
        rule(form.rules().size() - 1).text(Field.PATHS).set("/debug/*");
        assertThat(form.applyForm()).isTrue();
        assertThat(drafted("AuthorizationPolicy foo/gw-deny-admin").getSpec().getTargetRefs())
                .singleElement()
                .satisfies(ref -> assertThat(ref.getName()).isEqualTo("gw"));
    }
}
