package dev.trustmap.analysis.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trustmap.analysis.Assessment;
import dev.trustmap.analysis.DraftDiff;
import dev.trustmap.analysis.EdgeAssessment;
import dev.trustmap.analysis.ResourceKey;
import dev.trustmap.engine.Decision;
import dev.trustmap.engine.Engine;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.source.lab.Lab;
import dev.trustmap.source.lab.TrafficSimulator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
    static final String EDGE = "payments/payments -> payments/ledger:80";
    static MeshSnapshot lab;
    static Traffic traffic;

    @TempDir
    Path home;

    @BeforeAll
    static void loadLab() {
        lab = Lab.load().snapshot();
        traffic = new TrafficSimulator(Engine.of(lab), Lab.callGraph(), 42).tick(Instant.parse("2026-01-01T00:00:00Z"));
    }

    static EdgeAssessment edge(Engine engine, String id) {
        return Assessment.of(engine, traffic).edges().stream()
                .filter(e -> id.equals(e.edge().sourceId() + " -> " + e.edge().destinationId() + ":"
                        + e.edge().port()))
                .findFirst()
                .orElseThrow();
    }

    private Workspace workspace() {
        return new Workspace(lab, traffic, new DraftStore(home));
    }

    private static List<HasMetadata> deny(Workspace workspace, String id) {
        Engine effective = Engine.of(workspace.effective());
        return new PolicyGestures(effective).deny(edge(effective, id));
    }

    @Nested
    class Editing {
        @Test
        void undoAndRedoStepThroughEdits() {
            Workspace workspace = workspace();
            List<HasMetadata> denial = deny(workspace, EDGE);
            workspace.put(denial);
            workspace.put(PolicyShapes.allowNothing("analytics"));
            assertThat(workspace.draft().size()).isEqualTo(2);
            assertThat(workspace.undo()).isTrue();
            assertThat(workspace.draft().objects()).containsExactlyElementsOf(denial);
            assertThat(workspace.undo()).isTrue();
            assertThat(workspace.draft().isEmpty()).isTrue();
            assertThat(workspace.undo()).isFalse();
            assertThat(workspace.redo()).isTrue();
            assertThat(workspace.draft().objects()).containsExactlyElementsOf(denial);
            workspace.put(PolicyShapes.allowNothing("identity"));
            assertThat(workspace.canRedo()).isFalse();
        }

        @Test
        void deletingRemovesAnObjectFromTheEffectivePolicies() {
            Workspace workspace = workspace();
            HasMetadata existing = lab.policies().get(0);
            workspace.delete(existing);
            assertThat(workspace.effective().policies()).hasSize(lab.policies().size() - 1);
            assertThat(workspace.effective().policies()).doesNotContain(existing);
            workspace.put(existing);
            assertThat(workspace.effective().policies()).hasSize(lab.policies().size());
        }

        @Test
        void aReplacementKeepsItsPlaceInThePolicyOrder() {
            Workspace workspace = workspace();
            HasMetadata first = lab.policies().get(0);
            HasMetadata copy = new io.fabric8.kubernetes.client.utils.KubernetesSerialization().clone(first);
            workspace.put(copy);
            assertThat(workspace.effective().policies().get(0)).isSameAs(copy);
        }
    }

    @Nested
    class Saving {
        @Test
        void everyEditIsSavedAndRestoredAfterARestart() throws Exception {
            Workspace workspace = workspace();
            workspace.put(deny(workspace, EDGE));
            workspace.delete(lab.policies().get(0));
            IntendedEdge intended = IntendedEdge.between(lab, "analytics/reporting", "payments/ledger")
                    .orElseThrow();
            workspace.edit(d -> d.intend(intended));
            assertThat(Files.readString(home.resolve("draft.yaml")))
                    .contains("name: trustmap-deny-ledger")
                    .contains("trustmap.dev/delete: \"true\"")
                    .contains("kind: IntendedTraffic");

            Draft restored = new DraftStore(home).load().orElseThrow();

            assertThat(restored.objects()).hasSize(1);
            assertThat(ResourceKey.of(restored.objects().get(0)))
                    .isEqualTo("AuthorizationPolicy payments/trustmap-deny-ledger");
            assertThat(restored.deleted())
                    .extracting(ResourceKey::of)
                    .containsExactly(ResourceKey.of(lab.policies().get(0)));
            assertThat(restored.deleted().get(0).getMetadata().getAnnotations()).doesNotContainKey(DraftStore.DELETE);
            assertThat(restored.intended()).containsExactly(intended);
            Workspace after = workspace();
            after.restore(restored);
            assertThat(after.effective().policies())
                    .hasSize(workspace.effective().policies().size());
        }

        @Test
        void anEmptyDraftLeavesNoFile() throws Exception {
            Workspace workspace = workspace();
            workspace.put(PolicyShapes.allowNothing("analytics"));
            workspace.undo();
            assertThat(home.resolve("draft.yaml")).doesNotExist();
            assertThat(new DraftStore(home).load()).isEmpty();
        }
    }

    @Nested
    class Assessing {
        @Test
        void denyThisBreaksTheObservedEdge() {
            Workspace workspace = workspace();
            workspace.put(deny(workspace, EDGE));
            DraftDiff diff = workspace.diff();
            assertThat(diff.wouldBreak())
                    .extracting(c -> c.edge().sourceId() + " -> " + c.edge().destinationId())
                    .containsExactly("payments/payments -> payments/ledger");
            assertThat(diff.resources()).hasSize(1);
            assertThat(diff.brokenRate()).isPositive();
        }

        @Test
        void theIncrementalAssessmentAgreesWithTheFullDiff() {
            Workspace workspace = workspace();
            Baseline base = Baseline.of(Engine.of(lab));
            DraftAssessment assessed = DraftAssessment.of(base, workspace.draft(), traffic);
            workspace.put(deny(workspace, EDGE));
            assessed = assessed.next(base, workspace.draft(), traffic);
            workspace.put(PolicyShapes.allowNothing("analytics"));
            assessed = assessed.next(base, workspace.draft(), traffic);
            workspace.delete(lab.policies().stream()
                    .filter(p -> p.getKind().equals("AuthorizationPolicy"))
                    .findFirst()
                    .orElseThrow());
            assessed = assessed.next(base, workspace.draft(), traffic);
            DraftDiff full = workspace.diff();
            DraftDiff incremental = assessed.diff();
            assertThat(incremental.wouldBreak()).containsExactlyInAnyOrderElementsOf(full.wouldBreak());
            assertThat(incremental.changed()).containsExactlyInAnyOrderElementsOf(full.changed());
            assertThat(incremental.opens()).hasSameSizeAs(full.opens());
            assertThat(incremental.resources()).hasSameSizeAs(full.resources());
            assertThat(assessed.mark(full.wouldBreak().get(0).edge())).isEqualTo(DraftAssessment.Mark.WOULD_BREAK);
        }

        @Test
        void undoingAnEditRestoresTheCurrentVerdicts() {
            Workspace workspace = workspace();
            Baseline base = Baseline.of(Engine.of(lab));
            workspace.put(deny(workspace, EDGE));
            DraftAssessment assessed = DraftAssessment.of(base, workspace.draft(), traffic);
            workspace.undo();
            assessed = assessed.next(base, workspace.draft(), traffic);
            assertThat(assessed.diff().changed()).isEmpty();
            assertThat(assessed.diff().opens()).isEmpty();
        }
    }

    @Nested
    class Gestures {
        @Test
        void allowOnlyThisKeepsEveryObservedAllowedEdgeAllowed() {
            Engine current = Engine.of(lab);
            List<EdgeAssessment> allowed = Assessment.of(current, traffic).edges().stream()
                    .filter(e -> e.verdict().decision() == Decision.ALLOW)
                    .toList();
            assertThat(allowed).hasSizeGreaterThan(10);
            for (EdgeAssessment edge : allowed) {
                MeshSnapshot draft = lab.withPolicies(
                        Draft.EMPTY.layer(lab.policies()).stream().toList());
                Workspace workspace = new Workspace(lab, traffic, null);
                workspace.put(new PolicyGestures(current).allowOnly(edge));
                Engine after = Engine.of(workspace.effective());
                assertThat(after.evaluate(edge.request()).decision())
                        .as("%s after allow only this", edge.edge().destinationId())
                        .isEqualTo(Decision.ALLOW);
                assertThat(draft.policies()).hasSameSizeAs(lab.policies());
            }
        }

        @Test
        void allowOnlyThisAddsTheNamespaceAllowNothingOnce() {
            Workspace workspace = new Workspace(lab, traffic, null);
            workspace.delete(lab.policies().stream()
                    .filter(p -> ResourceKey.of(p).equals("AuthorizationPolicy payments/allow-nothing"))
                    .findFirst()
                    .orElseThrow());
            Engine current = Engine.of(workspace.effective());
            assertThat(new PolicyGestures(current).allowOnly(edge(current, EDGE)))
                    .hasSize(2);
            workspace.put(new PolicyGestures(current).allowOnly(edge(current, EDGE)));
            Engine effective = Engine.of(workspace.effective());
            List<HasMetadata> again = new PolicyGestures(effective).allowOnly(edge(effective, EDGE));
            assertThat(again).hasSize(1);
            assertThat(workspace.draft().objects())
                    .extracting(ResourceKey::of)
                    .contains("AuthorizationPolicy payments/trustmap-allow-nothing");
        }

        @Test
        void defaultDenyRefusesTheRootNamespace() {
            PolicyGestures gestures = new PolicyGestures(Engine.of(lab));
            assertThatThrownBy(() -> gestures.defaultDeny(lab.meshConfig().rootNamespace()))
                    .isInstanceOf(PolicyGestures.GestureException.class)
                    .hasMessageContaining("root namespace");
            assertThat(gestures.defaultDeny("analytics")).as("has one already").isEmpty();
            assertThat(gestures.defaultDeny("legacy")).hasSize(1);
        }

        @Test
        void drawingAnEdgeAllowsItUnderTheDraft() {
            Workspace workspace = new Workspace(lab, traffic, null);
            IntendedEdge intended = IntendedEdge.between(lab, "analytics/reporting", "payments/ledger")
                    .orElseThrow();
            workspace.edit(d -> d.intend(intended));
            workspace.put(new PolicyGestures(Engine.of(workspace.effective())).intend(intended));
            Baseline base = Baseline.of(Engine.of(lab));
            DraftAssessment assessed = DraftAssessment.of(base, workspace.draft(), traffic);
            var drawn = intended.asTraffic(lab);
            assertThat(assessed.edge(drawn).orElseThrow().verdict().decision()).isEqualTo(Decision.ALLOW);
        }
    }
}
