package ru.repitbot.homework.domain;

/**
 * A document of the tutor's task that Telegram holds: its {@code file_id} (the bot sends it on by this id) and, when
 * known, the file name the tutor's message carried, for showing it in a list ({@code null} when not given).
 */
public record TelegramDocument(String fileId, String fileName) {
}
