package ru.repitbot.notification.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import ru.repitbot.models.errors.InvalidFieldException;

/**
 * What a tutor's message, a reply or a broadcast says (docs/domain/notifications.md#q17-messages-are-stored): text,
 * Telegram file ids of one kind, or both. Checked before anything is stored, so that nothing a person types reaches
 * the delivery queue only to be refused by Telegram: a message text is at most 4096 characters, a caption (text
 * with files) at most 1024, a message carries at most 10 files (an album), a voice message one.
 *
 * @param text the words as typed, stripped; {@code null} when there are none
 */
public record MessageContent(String text, List<String> fileIds, String fileKind) {

    public static final int MAX_TEXT = 4096;
    public static final int MAX_CAPTION = 1024;
    public static final int MAX_FILES = 10;
    public static final int MAX_FILE_ID = 256;
    public static final List<String> FILE_KINDS = List.of("photo", "video", "document", "voice");

    private static final Set<String> KINDS = Set.copyOf(FILE_KINDS);

    public MessageContent {
        fileIds = List.copyOf(fileIds);
    }

    /**
     * @throws InvalidFieldException naming {@code text}, {@code file_ids} ({@code file_ids[i]}) or {@code file_kind}
     */
    public static MessageContent of(String text, List<String> fileIds, String fileKind) {
        String words = text == null || text.isBlank() ? null : text.strip();
        List<String> files = new ArrayList<>();
        List<String> given = fileIds == null ? List.of() : fileIds;
        if (given.size() > MAX_FILES) {
            throw new InvalidFieldException("file_ids", "at most " + MAX_FILES + " files");
        }
        for (int i = 0; i < given.size(); i++) {
            String id = given.get(i);
            if (id == null || id.isBlank()) {
                throw new InvalidFieldException("file_ids[" + i + "]", "must not be blank");
            }
            if (id.strip().length() > MAX_FILE_ID) {
                throw new InvalidFieldException("file_ids[" + i + "]", "at most " + MAX_FILE_ID + " characters");
            }
            files.add(id.strip());
        }
        String kind = fileKind == null || fileKind.isBlank() ? null : fileKind.strip();
        if (kind != null && !KINDS.contains(kind)) {
            throw new InvalidFieldException("file_kind", "must be one of " + String.join(", ", FILE_KINDS));
        }
        if (files.isEmpty() && kind != null) {
            throw new InvalidFieldException("file_kind", "only together with file_ids");
        }
        if (!files.isEmpty() && kind == null) {
            throw new InvalidFieldException("file_kind", "required with file_ids: one of "
                    + String.join(", ", FILE_KINDS));
        }
        if ("voice".equals(kind) && files.size() > 1) {
            throw new InvalidFieldException("file_ids", "a voice message carries one file");
        }
        if (words == null && files.isEmpty()) {
            throw new InvalidFieldException("text", "a message needs text or files");
        }
        MessageContent content = new MessageContent(words, files, kind);
        if (words != null && words.length() > content.maxLength()) {
            throw new InvalidFieldException("text", "at most " + content.maxLength() + " characters"
                    + (files.isEmpty() ? "" : " with files (a Telegram caption)"));
        }
        return content;
    }

    /** How long the whole text a reader gets may be: a message, or a caption when there are files. */
    public int maxLength() {
        return fileIds.isEmpty() ? MAX_TEXT : MAX_CAPTION;
    }

    public boolean hasFiles() {
        return !fileIds.isEmpty();
    }
}
