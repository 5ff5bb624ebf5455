package dev.trustmap.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagesTest {
    private final Messages messages = Messages.load();

    @Test
    void theDraftCountNamesResourcesAndIntendedEdgesInTheRightNumber() {
        assertThat(messages.get("editor.count", 1, 0)).isEqualTo("1 resource changed");
        assertThat(messages.get("editor.count", 3, 1)).isEqualTo("3 resources changed, 1 intended edge");
        assertThat(messages.get("editor.count", 120, 12)).isEqualTo("120 resources changed, 12 intended edges");
        assertThat(messages.get("editor.notice.restored", messages.get("editor.count", 2, 0)))
                .contains("(2 resources changed)");
    }
}
