package dev.trustmap.ui.editor;

import dev.trustmap.analysis.ResourceKey;
import dev.trustmap.analysis.workspace.Draft;
import dev.trustmap.analysis.workspace.Workspace;
import dev.trustmap.mesh.MeshSnapshot;
import dev.trustmap.mesh.Traffic;
import dev.trustmap.source.folder.ManifestException;
import dev.trustmap.source.folder.ManifestParser;
import dev.trustmap.source.lab.Lab;
import dev.trustmap.ui.common.Messages;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/** The policy form over a lab workspace, writing through {@link Workspace#put} as the draft pane does. */
abstract class PolicyFormFixture {
    static final MeshSnapshot LAB = Lab.load().snapshot();

    Workspace workspace;
    PolicyFormViewModel form;

    @BeforeEach
    void openLab() {
        open(LAB);
    }

    void open(MeshSnapshot snapshot) {
        workspace = new Workspace(snapshot, new Traffic(List.of(), Instant.EPOCH), null);
        form = new PolicyFormViewModel(Messages.load(), object -> workspace.put(object));
        workspace.addListener(this::showDraft);
        form.meshChanged(snapshot);
        showDraft();
    }

    private void showDraft() {
        Draft draft = workspace.draft();
        form.policiesChanged(draft.layer(workspace.current().policies()), draft);
    }

    /** The lab with one more object, read from YAML as a manifest folder would be. */
    static MeshSnapshot labWith(String yaml) throws ManifestException {
        List<HasMetadata> policies = new ArrayList<>(LAB.policies());
        policies.add(
                new ManifestParser().parseText(yaml, "extra.yaml", 1).get(0).object());
        return LAB.withPolicies(policies);
    }

    static HasMetadata lab(String key) {
        return LAB.policies().stream()
                .filter(p -> ResourceKey.of(p).equals(key))
                .findFirst()
                .orElseThrow();
    }

    AuthorizationPolicy drafted(String key) {
        return (AuthorizationPolicy) workspace.draft().object(key).orElseThrow();
    }

    RuleFormViewModel rule(int index) {
        return form.rules().get(index);
    }
}
