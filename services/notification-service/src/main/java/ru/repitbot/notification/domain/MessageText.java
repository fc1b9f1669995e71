package ru.repitbot.notification.domain;

import java.util.List;

/**
 * One line of a message as a bundle key with its arguments (already formatted for the reader: dates in their zone),
 * so the domain decides what is said and the bundles ({@code messages*.properties}) how, in the reader's language.
 */
public record MessageText(String key, List<String> args) {

    public MessageText {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a message text needs a key");
        }
        args = List.copyOf(args);
    }

    public static MessageText of(String key, String... args) {
        return new MessageText(key, List.of(args));
    }
}
