package dev.trustmap.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagesTest {
    private final Messages messages = Messages.load();

    @Test
    void theRestoredDraftNoticeCountsEditsInTheRightNumber() {
        assertThat(messages.get("editor.notice.restored", 1)).contains("(1 edit)");
        assertThat(messages.get("editor.notice.restored", 3)).contains("(3 edits)");
        assertThat(messages.get("editor.notice.restored", 12)).contains("(12 edits)");
    }
}
