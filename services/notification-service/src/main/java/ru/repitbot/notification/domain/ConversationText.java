package ru.repitbot.notification.domain;

/**
 * The line above a message saying who wrote it (docs/domain/notifications.md#q17-messages-are-stored), as the
 * reader reads it: a student is told their tutor wrote; a parent also which child it is about (a parent may have
 * several of the tutor's students); a tutor which student or which student's parent wrote. A broadcast says it is
 * one. Arguments are names, to be escaped by the sender (texts are HTML).
 */
public final class ConversationText {

    private ConversationText() {
    }

    /** The header of a message from {@code sender} (in that capacity) to a reader in {@code reader}'s capacity. */
    public static MessageText header(Audience sender, Audience reader, String senderName, String studentName) {
        return switch (sender) {
            case TUTOR -> reader == Audience.PARENT
                    ? MessageText.of("notify.message.from_tutor.parent", senderName, studentName)
                    : MessageText.of("notify.message.from_tutor", senderName);
            case STUDENT -> MessageText.of("notify.message.from_student", senderName);
            case PARENT -> MessageText.of("notify.message.from_parent", senderName, studentName);
        };
    }

    /** Under a conversation message: a Telegram "reply" to it answers the writer. */
    public static MessageText replyHint() {
        return MessageText.of("notify.message.reply_hint");
    }

    public static MessageText broadcastHeader(String tutorName) {
        return MessageText.of("notify.broadcast.header", tutorName);
    }
}
