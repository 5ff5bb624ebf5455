package dev.trustmap.ui.editor;

import dev.trustmap.analysis.workspace.Draft;
import dev.trustmap.analysis.workspace.UnreadableDraftException;
import dev.trustmap.ui.common.Messages;

/** The draft pane's wording of counts and restore problems, shared by its summary and notes. */
final class DraftNotes {
    private DraftNotes() {}

    /** What the draft changes, counted in resources (one edit, one Undo, may change many) and intended edges. */
    static String count(Messages messages, Draft draft) {
        return messages.get(
                "editor.count",
                draft.objects().size() + draft.deleted().size(),
                draft.intended().size());
    }

    /** The note for a saved draft that could not be read: the file, the line when there is one, where it went. */
    static String unreadable(Messages messages, UnreadableDraftException e) {
        // A problem without a line (bytes that are not text) names no line: "line 0" would mean nothing.
        String problem = e.line() > 0 ? messages.get("editor.notice.restoreAt", e.line(), e.problem()) : e.problem();
        return e.copy() == null
                ? messages.get("editor.notice.restoreFailed", e.getMessage())
                : messages.get("editor.notice.restoreMoved", e.file(), problem, e.copy());
    }
}
