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
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The YAML editor's state: the draft's objects as text, validated when the user pauses typing (the view debounces),
 * and applied to the draft when valid. An error names its line, which the view marks.
 *
 * <p>Text the user typed that is not in the draft yet (invalid, or not checked yet) is never replaced by a change
 * made elsewhere (a gesture, the form, Generate, Undo): the editor keeps it, marks it stale and stops applying it on
 * its own. The user then applies it over the draft, or reloads the draft, which sets the text aside to restore.
 */
public final class YamlEditorViewModel {
    static final String ORIGIN = "draft.yaml";

    private final UiTasks tasks;
    private final Consumer<Draft> apply;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper errorLine = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper errorLineText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper setAside = new ReadOnlyStringWrapper("");
    private String synced = "";
    private Draft draft = Draft.EMPTY;
    private boolean applying;

    YamlEditorViewModel(UiTasks tasks, Consumer<Draft> apply) {
        this.tasks = tasks;
        this.apply = apply;
    }

    /**
     * The draft changed: the editor shows it, unless the change came from this editor (the user's text stays as
     * typed) or the editor holds text not in the draft yet (kept, and marked stale).
     */
    void showDraft(Draft changed) {
        draft = changed;
        if (applying) {
            return;
        }
        String yaml = YamlWriter.toYaml(DraftStore.documents(changed));
        if (text.get().equals(synced) || text.get().equals(yaml)) {
            replaceText(yaml);
        } else {
            stale.set(true);
        }
    }

    private void replaceText(String yaml) {
        synced = yaml;
        text.set(yaml);
        stale.set(false);
        clearError();
    }

    /** The user changed the text (each key): it is now the editor's, not yet checked nor applied. */
    public void typed(String newText) {
        text.set(newText);
    }

    /** The user paused typing: parse the text in the background, apply it when valid (and not stale). */
    public void edited(String newText) {
        text.set(newText);
        if (newText.equals(synced)) {
            clearError();
            return;
        }
        check(newText, false);
    }

    /** "Apply my text": the stale text replaces the draft when it is valid (one undoable edit). */
    public void applyText() {
        check(text.get(), true);
    }

    /** "Reload draft": shows the draft; the user's text is set aside, to {@link #restoreText()}. */
    public void reload() {
        String yaml = YamlWriter.toYaml(DraftStore.documents(draft));
        if (!text.get().equals(yaml)) {
            setAside.set(text.get());
        }
        replaceText(yaml);
    }

    /**
     * Another source's draft is shown: text kept for the previous source's draft (stale) is set aside, so "Restore
     * my text" brings it back, and is never offered for applying to this draft by itself.
     */
    void sourceChanged() {
        if (stale.get()) {
            reload();
        }
    }

    /** "Restore my text": the text set aside by the last reload comes back, stale, and is checked again. */
    public void restoreText() {
        String kept = setAside.get();
        setAside.set("");
        if (!kept.isEmpty() && !kept.equals(text.get())) {
            text.set(kept);
            stale.set(true);
            check(kept, false);
        }
    }

    private void check(String checked, boolean force) {
        tasks.run(() -> parse(checked), parsed -> valid(checked, parsed, force), failure -> {
            if (checked.equals(text.get())) {
                invalid(failure);
            }
        });
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

    /** A later edit or a reload supersedes this result; stale text is applied only when asked to. */
    private void valid(String checked, Draft parsed, boolean force) {
        if (!checked.equals(text.get())) {
            return;
        }
        clearError();
        if (stale.get() && !force) {
            return;
        }
        applying = true;
        try {
            apply.accept(parsed);
        } finally {
            applying = false;
        }
        synced = checked;
        stale.set(false);
    }

    private void clearError() {
        error.set("");
        errorLine.set(0);
        errorLineText.set("");
    }

    /** Sets the line first and the message last, so whoever sees the message sees its line too. */
    private void invalid(Throwable failure) {
        if (failure instanceof ManifestException bad) {
            errorLineText.set(lineOfText(bad.line()));
            errorLine.set(bad.line());
            error.set(bad.getMessage());
        } else {
            errorLineText.set("");
            errorLine.set(0);
            error.set(String.valueOf(failure.getMessage()));
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

    /** Whether the editor holds text not in the draft while the draft changed elsewhere (it is not applied then). */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** The text the last reload replaced, empty when there is none to restore. */
    public ReadOnlyStringProperty setAsideProperty() {
        return setAside.getReadOnlyProperty();
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
