package ru.repitbot.standin;

/** A photo or document of a message: its Bot API file ids and what the stand-in knows about the file. */
public record Attachment(String fileId, String fileUniqueId, String fileName, String mimeType, long fileSize,
        int width, int height) {
}
