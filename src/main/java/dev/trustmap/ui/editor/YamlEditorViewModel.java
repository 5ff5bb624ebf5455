package dev.trustmap.ui.editor;

import dev.trustmap.analysis.workspace.Draft;
import dev.trustmap.analysis.workspace.DraftStore;
import dev.trustmap.export.YamlWriter;
import dev.trustmap.source.folder.ManifestException;
import dev.trustmap.source.folder.ManifestParser;
import dev.trustmap.source.folder.ParsedResource;
import dev.trustmap.ui.common.UiTasks;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The YAML editor's state: the draft's objects as text, validated when the user pauses typing (the view debounces),
 * and applied to the draft when valid. An error names its line, which the view marks.
 */
public final class YamlEditorViewModel {
    static final String ORIGIN = "draft.yaml";

    private final UiTasks tasks;
    private final Consumer<Draft> apply;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper errorLine = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper errorLineText = new ReadOnlyStringWrapper("");
    private boolean applying;

    YamlEditorViewModel(UiTasks tasks, Consumer<Draft> apply) {
        this.tasks = tasks;
        this.apply = apply;
    }

    /** Shows the draft's objects, unless the change came from this editor (the user's text stays as typed). */
    void showDraft(Draft draft) {
        if (applying) {
            return;
        }
        text.set(YamlWriter.toYaml(DraftStore.documents(draft)));
        error.set("");
        errorLine.set(0);
        errorLineText.set("");
    }

    /** The user changed the text (after a pause in typing): parse it in the background, apply it when valid. */
    public void edited(String newText) {
        if (newText.equals(text.get())) {
            return;
        }
        text.set(newText);
        tasks.run(() -> parse(newText), this::valid, this::invalid);
    }

    static Draft parse(String yaml) throws ManifestException {
        List<HasMetadata> objects = new ArrayList<>();
        List<HasMetadata> deleted = new ArrayList<>();
        for (ParsedResource resource : new ManifestParser().parseText(yaml, ORIGIN, 1)) {
            check(resource);
            if (DraftStore.isDeletion(resource.object())) {
                deleted.add(DraftStore.unmarked(resource.object()));
            } else {
                objects.add(resource.object());
            }
        }
        return Draft.of(objects, deleted, List.of());
    }

    private static void check(ParsedResource resource) throws ManifestException {
        HasMetadata object = resource.object();
        if (!resource.supported()) {
            throw new ManifestException(
                    ORIGIN,
                    resource.line(),
                    "kind",
                    object.getKind() + " is not a policy kind Trustmap drafts (AuthorizationPolicy,"
                            + " PeerAuthentication, RequestAuthentication, DestinationRule)");
        }
        String namespace = object.getMetadata().getNamespace();
        if (namespace == null || namespace.isBlank()) {
            throw new ManifestException(ORIGIN, resource.line(), "metadata.namespace", "is required in a draft");
        }
    }

    private void valid(Draft draft) {
        error.set("");
        errorLine.set(0);
        errorLineText.set("");
        applying = true;
        try {
            apply.accept(draft);
        } finally {
            applying = false;
        }
    }

    private void invalid(Throwable failure) {
        if (failure instanceof ManifestException bad) {
            error.set(bad.getMessage());
            errorLineText.set(lineOfText(bad.line()));
            errorLine.set(bad.line());
        } else {
            error.set(String.valueOf(failure.getMessage()));
            errorLineText.set("");
            errorLine.set(0);
        }
    }

    /** The text of a line of the editor (1-based), trimmed; empty when there is no such line. */
    private String lineOfText(int line) {
        List<String> lines = text.get().lines().toList();
        return line >= 1 && line <= lines.size() ? lines.get(line - 1).strip() : "";
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The problem with the text, empty when it is valid. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The text of the problem's line as the editor shows it, empty for none. */
    public ReadOnlyStringProperty errorLineTextProperty() {
        return errorLineText.getReadOnlyProperty();
    }

    /** The line of the problem (1-based, counted in the editor's text), 0 for none. */
    public ReadOnlyIntegerProperty errorLineProperty() {
        return errorLine.getReadOnlyProperty();
    }
}
