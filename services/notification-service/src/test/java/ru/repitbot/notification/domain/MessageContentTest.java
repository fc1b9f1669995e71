package ru.repitbot.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.repitbot.models.errors.InvalidFieldException;

/** docs/domain/notifications.md#q17-messages-are-stored: what a message may carry, refused with the field at fault. */
class MessageContentTest {

    @Test
    void textAloneFilesAloneOrBoth() {
        assertThat(MessageContent.of("  Привет  ", null, null).text()).isEqualTo("Привет");
        MessageContent photo = MessageContent.of(null, List.of(" AgAD1 "), "photo");
        assertThat(photo.text()).isNull();
        assertThat(photo.fileIds()).containsExactly("AgAD1");
        assertThat(MessageContent.of("подпись", List.of("a", "b"), "document").maxLength())
                .isEqualTo(MessageContent.MAX_CAPTION);
    }

    @Test
    void anEmptyMessageIsRefusedNamingText() {
        refused(() -> MessageContent.of(null, null, null), "text");
        refused(() -> MessageContent.of("   ", List.of(), null), "text");
    }

    @Test
    void tooLongTextIsRefusedAndACaptionIsShorter() {
        assertThat(MessageContent.of("я".repeat(4096), null, null).text()).hasSize(4096);
        refused(() -> MessageContent.of("я".repeat(4097), null, null), "text");
        assertThat(MessageContent.of("я".repeat(1024), List.of("f"), "photo").text()).hasSize(1024);
        refused(() -> MessageContent.of("я".repeat(1025), List.of("f"), "photo"), "text");
    }

    @Test
    void filesNeedAKnownKindAndAreLimited() {
        refused(() -> MessageContent.of("x", List.of("f"), null), "file_kind");
        refused(() -> MessageContent.of("x", List.of("f"), "gif"), "file_kind");
        refused(() -> MessageContent.of("x", null, "photo"), "file_kind");
        refused(() -> MessageContent.of("x", Collections.nCopies(11, "f"), "photo"), "file_ids");
        refused(() -> MessageContent.of("x", List.of("a", "b"), "voice"), "file_ids");
        refused(() -> MessageContent.of("x", List.of("a", " "), "photo"), "file_ids[1]");
        refused(() -> MessageContent.of("x", List.of("a".repeat(257)), "photo"), "file_ids[0]");
        assertThat(MessageContent.of(null, Collections.nCopies(10, "f"), "photo").fileIds()).hasSize(10);
    }

    @Test
    void theHeaderSaysWhoWroteAndAboutWhichChildToAParent() {
        assertThat(ConversationText.header(Audience.TUTOR, Audience.STUDENT, "Иван", "Маша"))
                .isEqualTo(MessageText.of("notify.message.from_tutor", "Иван"));
        assertThat(ConversationText.header(Audience.TUTOR, Audience.PARENT, "Иван", "Маша"))
                .isEqualTo(MessageText.of("notify.message.from_tutor.parent", "Иван", "Маша"));
        assertThat(ConversationText.header(Audience.PARENT, Audience.TUTOR, "Анна", "Маша"))
                .isEqualTo(MessageText.of("notify.message.from_parent", "Анна", "Маша"));
        assertThat(ConversationText.header(Audience.STUDENT, Audience.TUTOR, "Маша", "Маша"))
                .isEqualTo(MessageText.of("notify.message.from_student", "Маша"));
    }

    private static void refused(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidFieldException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
