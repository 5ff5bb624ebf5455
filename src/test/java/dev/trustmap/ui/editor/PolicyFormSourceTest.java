package dev.trustmap.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.source.scenario.ScenarioLoader;
import dev.trustmap.ui.editor.RuleFormViewModel.Field;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The form across a change of mesh, and an ALLOW rule that matches every request. */
class PolicyFormSourceTest extends PolicyFormFixture {
    @Nested
    class AnotherMesh {
        @Test
        void aNamespaceThatLeftTheMeshIsNeverWrittenHidden() throws Exception {
            form.namespaceProperty().set("analytics");
            form.rules().get(0).text(Field.PRINCIPALS).set("cluster.local/ns/frontend/sa/api-gateway");
            MeshSnapshot other = ScenarioLoader.load(
                            Path.of("src/test/resources/scenarios/shared/001-deny-get-precedence.yaml"))
                    .snapshot();

            form.meshChanged(other);

            String shown = form.namespaceProperty().get();
            assertThat(form.choices().namespaces()).doesNotContain("analytics").contains(shown);
            assertThat(form.authorizationPolicy().getMetadata().getNamespace()).isEqualTo(shown);
        }

        @Test
        void anotherSourceStartsANewPolicyInItsFirstNamespace() {
            form.load("AuthorizationPolicy payments/accounts-callers");

            form.sourceChanged();
            form.meshChanged(LAB);

            assertThat(form.original()).isNull();
            assertThat(form.namespaceProperty().get())
                    .isEqualTo(form.choices().namespaces().get(0));
        }

        @Test
        void anEmptyNamespaceIsAnError() {
            form.namespaceProperty().set("");
            form.rules().get(0).text(Field.PRINCIPALS).set("cluster.local/ns/frontend/sa/api-gateway");

            assertThat(form.applyForm()).isFalse();
            assertThat(form.report().errorsProperty().get()).contains("Choose a namespace.");
            assertThat(workspace.draft().isEmpty()).isTrue();
        }
    }

    @Nested
    class AllowEveryRequest {
        @Test
        void anEmptyRuleInANewAllowIsFlaggedAndPutOnlyWhenAskedTwice() {
            form.namespaceProperty().set("payments");
            form.nameProperty().set("open-door");

            assertThat(form.report().warningsProperty().get())
                    .contains("Rule 1 has no from, to or when: this ALLOW allows every request");
            assertThat(form.applyForm()).isFalse();
            assertThat(workspace.draft().isEmpty()).isTrue();
            assertThat(form.report().warningsProperty().get())
                    .contains("Click “Put into the draft” again to put it into the draft as it is");

            assertThat(form.applyForm()).isTrue();
            assertThat(workspace.draft().object("AuthorizationPolicy payments/open-door"))
                    .isPresent();
        }

        @Test
        void aChangeAfterTheQuestionAsksAgain() {
            form.namespaceProperty().set("payments");
            form.nameProperty().set("open-door");
            form.applyForm();

            form.nameProperty().set("open-door-2");

            assertThat(form.applyForm()).isFalse();
            assertThat(workspace.draft().isEmpty()).isTrue();
        }

        @Test
        void aRuleWithASourceIsPutAtOnce() {
            form.namespaceProperty().set("payments");
            form.rules().get(0).text(Field.PRINCIPALS).set("cluster.local/ns/frontend/sa/api-gateway");

            assertThat(form.report().warningsProperty().get()).doesNotContain("allows every request");
            assertThat(form.applyForm()).isTrue();
        }
    }
}
