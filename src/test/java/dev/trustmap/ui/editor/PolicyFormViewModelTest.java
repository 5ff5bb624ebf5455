package dev.trustmap.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.analysis.ResourceKey;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.source.scenario.ScenarioLoader;
import dev.trustmap.ui.editor.RuleFormViewModel.Field;
import io.fabric8.istio.api.api.security.v1beta1.Rule;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyFormViewModelTest extends PolicyFormFixture {
    @Nested
    class RoundTrip {
        static Stream<Path> scenarioFiles() throws IOException {
            List<Path> files = new ArrayList<>();
            for (String dir : List.of("shared", "engine", "cli", "loader")) {
                try (Stream<Path> listed = Files.list(Path.of("src/test/resources/scenarios", dir))) {
                    listed.filter(p -> p.toString().endsWith(".yaml")).forEach(files::add);
                }
            }
            return files.stream().sorted();
        }

        @Test
        void everyLabPolicySavedUnchangedEqualsTheOriginal() {
            int loaded = roundTripAll(LAB);
            assertThat(loaded).isGreaterThan(20);
        }

        @ParameterizedTest
        @MethodSource("scenarioFiles")
        void everyScenarioPolicySavedUnchangedEqualsTheOriginal(Path file) throws Exception {
            open(ScenarioLoader.load(file).snapshot());
            roundTripAll(workspace.current());
        }

        private int roundTripAll(MeshSnapshot snapshot) {
            int loaded = 0;
            for (HasMetadata original : snapshot.policies()) {
                String key = ResourceKey.of(original);
                if (!form.load(key)) {
                    continue;
                }
                assertThat(form.validProperty().get())
                        .as(
                                "%s loads without errors: %s",
                                key, form.report().errorsProperty().get())
                        .isTrue();
                assertThat(form.applyForm()).isTrue();
                assertThat(ResourceKey.comparable(workspace.draft().object(key).orElseThrow()))
                        .as(key)
                        .isEqualTo(ResourceKey.comparable(original));
                loaded++;
            }
            return loaded;
        }

        @Test
        void retypingAFieldWithTheSameValuesKeepsThePolicyEqual() {
            form.load("AuthorizationPolicy payments/accounts-callers");
            rule(0).text(Field.PRINCIPALS).set("");
            rule(0).text(Field.PRINCIPALS)
                    .set("cluster.local/ns/frontend/sa/api-gateway ,cluster.local/ns/payments/sa/payments");
            form.applyForm();
            assertThat(ResourceKey.comparable(drafted("AuthorizationPolicy payments/accounts-callers")))
                    .isEqualTo(ResourceKey.comparable(lab("AuthorizationPolicy payments/accounts-callers")));
        }
    }

    @Nested
    class Load {
        @Test
        void showsEveryRuleOfAPolicy() {
            assertThat(form.load("AuthorizationPolicy payments/ledger-callers")).isTrue();
            assertThat(form.rules()).hasSize(3);
            assertThat(form.selectorProperty().get()).isEqualTo("app=ledger");
            assertThat(rule(1).text(Field.PRINCIPALS).get()).isEqualTo("cluster.local/ns/payments/sa/settlement-batch");
            assertThat(rule(1).text(Field.PATHS).get()).isEqualTo("/v1/entries*, /v1/settlements*");
            assertThat(rule(2).text(Field.METHODS).get()).isEqualTo("GET");
            assertThat(form.report().statusProperty().get())
                    .isEqualTo(
                            "Editing AuthorizationPolicy payments/ledger-callers (current policies; saving changes only"
                                    + " the draft).");
            assertThat(form.report().meaningProperty().get())
                    .startsWith("ALLOW:")
                    .contains("matches one of these 3 rules");
            assertThat(form.report().keptProperty().get()).isEmpty();
        }

        @Test
        void refusesAKeyItDoesNotKnow() {
            assertThat(form.load("AuthorizationPolicy payments/nothing-here")).isFalse();
            assertThat(form.load("Service payments/ledger")).isFalse();
        }

        @Test
        void offersPoliciesOfTheDraftAndSaysSo() {
            form.newAuthorizationPolicy();
            form.namespaceProperty().set("payments");
            form.nameProperty().set("from-the-form");
            rule(0).text(Field.PRINCIPALS).set("cluster.local/ns/frontend/sa/api-gateway");
            form.applyForm();
            assertThat(form.choices().loadable()).contains("AuthorizationPolicy payments/from-the-form");
            assertThat(form.report().statusProperty().get())
                    .isEqualTo("Editing AuthorizationPolicy payments/from-the-form (from the draft).");
        }
    }

    @Nested
    class MultipleRules {
        @Test
        void addsASecondRuleAndKeepsTheFirstAsItWas() {
            form.load("AuthorizationPolicy payments/payments-callers");
            form.addRule();
            rule(1).text(Field.PRINCIPALS).set("cluster.local/ns/payments/sa/settlement-batch");
            rule(1).text(Field.PORTS).set("8080");
            rule(1).conditions().add(ConditionFormViewModel.empty());
            rule(1).conditions().get(0).keyProperty().set("request.headers[x-batch]");
            rule(1).conditions().get(0).valuesProperty().set("nightly, weekly");
            assertThat(form.applyForm()).isTrue();

            AuthorizationPolicy saved = drafted("AuthorizationPolicy payments/payments-callers");
            List<Rule> rules = saved.getSpec().getRules();
            assertThat(rules).hasSize(2);
            AuthorizationPolicy original = (AuthorizationPolicy) lab("AuthorizationPolicy payments/payments-callers");
            assertThat(rules.get(0)).isEqualTo(original.getSpec().getRules().get(0));
            assertThat(rules.get(1).getFrom().get(0).getSource().getPrincipals())
                    .containsExactly("cluster.local/ns/payments/sa/settlement-batch");
            assertThat(rules.get(1).getTo().get(0).getOperation().getPorts()).containsExactly("8080");
            assertThat(rules.get(1).getWhen().get(0).getValues()).containsExactly("nightly", "weekly");
            assertThat(form.report().meaningProperty().get()).contains("2 rules");
        }

        @Test
        void removesARule() {
            form.load("AuthorizationPolicy payments/ledger-callers");
            form.removeRule(rule(1));
            form.applyForm();
            List<Rule> rules = drafted("AuthorizationPolicy payments/ledger-callers")
                    .getSpec()
                    .getRules();
            assertThat(rules).hasSize(2);
            assertThat(rules.get(1).getFrom().get(0).getSource().getPrincipals())
                    .containsExactly("cluster.local/ns/analytics/sa/reporting");
        }

        @Test
        void clearingAllOfFromDropsTheSource() {
            form.load("AuthorizationPolicy payments/payments-callers");
            rule(0).text(Field.PRINCIPALS).set("");
            form.applyForm();
            Rule saved = drafted("AuthorizationPolicy payments/payments-callers")
                    .getSpec()
                    .getRules()
                    .get(0);
            assertThat(saved.getFrom()).isNullOrEmpty();
            assertThat(saved.getTo().get(0).getOperation().getMethods()).containsExactly("GET", "POST");
        }
    }

    @Nested
    class Meaning {
        @Test
        void anAllowWithoutRulesAllowsNothing() {
            form.load("AuthorizationPolicy payments/allow-nothing");
            assertThat(form.rules()).isEmpty();
            assertThat(form.report().meaningProperty().get())
                    .startsWith("ALLOW with no rules allows nothing")
                    .contains("for every workload in payments");
        }

        @Test
        void anAllowWithAnEmptyRuleAllowsEverything() {
            form.newAuthorizationPolicy();
            form.namespaceProperty().set("payments");
            assertThat(form.rules()).hasSize(1);
            assertThat(form.report().meaningProperty().get())
                    .startsWith("Rule 1 has no from, to or when, so it matches every request")
                    .contains("lets everything through");
            form.removeRule(rule(0));
            assertThat(form.report().meaningProperty().get()).startsWith("ALLOW with no rules allows nothing");
        }

        @Test
        void aDenyWithoutRulesDeniesNothingAndWithAnEmptyOneEverything() {
            form.newAuthorizationPolicy();
            form.actionProperty().set("DENY");
            assertThat(form.report().meaningProperty().get()).contains("refuses everything");
            form.removeRule(rule(0));
            assertThat(form.report().meaningProperty().get()).isEqualTo("DENY with no rules denies nothing.");
        }

        @Test
        void namesTheWorkloadsASelectorPicks() {
            form.load("AuthorizationPolicy payments/ledger-callers");
            assertThat(form.report().meaningProperty().get())
                    .contains("1 workload in payments with app=ledger (ledger)");
            form.selectorProperty().set("app=nothing");
            assertThat(form.report().warningsProperty().get()).contains("picks no workload in payments");
        }
    }

    @Nested
    class Validation {
        @BeforeEach
        void startNew() {
            form.newAuthorizationPolicy();
            form.namespaceProperty().set("payments");
            form.nameProperty().set("checked");
        }

        @Test
        void aBadPortStopsTheRuleWithTheEnginesReason() {
            rule(0).text(Field.PORTS).set("80, http");
            assertThat(form.validProperty().get()).isFalse();
            assertThat(rule(0).problemsProperty().get())
                    .contains("The proxy would skip this rule")
                    .contains("spec.rules[0].to[0].operation.ports")
                    .contains("http");
            assertThat(form.report().errorsProperty().get())
                    .as("the rule's problem is listed beside the form too")
                    .startsWith("Rule 1: The proxy would skip this rule");
            assertThat(form.applyForm()).isFalse();
            assertThat(workspace.draft().isEmpty()).isTrue();
            rule(0).text(Field.PORTS).set("80");
            assertThat(form.validProperty().get()).isTrue();
        }

        @Test
        void anUnknownConditionKeyOrOneWithoutValuesIsAnError() {
            rule(0).addCondition();
            rule(0).conditions().get(0).keyProperty().set("request.header[x]");
            rule(0).conditions().get(0).valuesProperty().set("a");
            assertThat(rule(0).problemsProperty().get()).contains("unknown condition key request.header[x]");
            rule(0).conditions().get(0).keyProperty().set("request.headers[x]");
            assertThat(form.validProperty().get()).isTrue();
            rule(0).conditions().get(0).valuesProperty().set("");
            assertThat(rule(0).problemsProperty().get()).contains("needs values or notValues");
        }

        @Test
        void headerProblemsAreNamed() {
            form.nameProperty().set("Not_A_Name");
            form.selectorProperty().set("app");
            form.actionProperty().set("CUSTOM");
            assertThat(form.report().errorsProperty().get())
                    .contains("Name “Not_A_Name” is not a Kubernetes name")
                    .contains("Selector: “app” is not key=value")
                    .contains("CUSTOM needs the name of an extension provider");
            assertThat(form.validProperty().get()).isFalse();
        }

        @Test
        void customWithAProviderIsSavedWithIt() {
            form.actionProperty().set("CUSTOM");
            form.providerProperty().set("ext-authz");
            rule(0).text(Field.PATHS).set("/admin/*");
            assertThat(form.applyForm()).isTrue();
            AuthorizationPolicy saved = drafted("AuthorizationPolicy payments/checked");
            assertThat(saved.getSpec().getAction().name()).isEqualTo("CUSTOM");
            assertThat(ResourceKey.comparable(saved).toString()).contains("provider={name=ext-authz}");
        }

        @Test
        void warnsOfLowerCaseMethodsPathsWithoutSlashAndReplacingAnotherPolicy() {
            rule(0).text(Field.METHODS).set("get");
            rule(0).text(Field.PATHS).set("v1/entries");
            form.nameProperty().set("ledger-callers");
            assertThat(form.report().warningsProperty().get())
                    .contains("“get” never matches; write GET")
                    .contains("path “v1/entries” does not start with /")
                    .contains("AuthorizationPolicy payments/ledger-callers already exists");
            assertThat(form.validProperty().get()).isTrue();
        }

        @Test
        void savingUnderAnotherNameAddsAPolicyWithoutServerFields() {
            form.load("AuthorizationPolicy payments/cards-callers");
            form.nameProperty().set("cards-callers-copy");
            assertThat(form.report().statusProperty().get())
                    .isEqualTo("Saving adds AuthorizationPolicy payments/cards-callers-copy to the draft;"
                            + " AuthorizationPolicy payments/cards-callers stays as it is.");
            form.applyForm();
            assertThat(workspace.draft().objects()).hasSize(1);
            assertThat(drafted("AuthorizationPolicy payments/cards-callers-copy")
                            .getMetadata()
                            .getResourceVersion())
                    .isNull();
        }
    }
}
