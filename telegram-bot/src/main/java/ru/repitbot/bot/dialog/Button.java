package ru.repitbot.bot.dialog;

/**
 * An inline button: a press sends {@code data} (built with {@link CallbackRoute#data}), or opens {@code url}.
 */
public record Button(String text, String data, String url) {

    public static Button of(String text, String data) {
        return new Button(text, data, null);
    }

    public static Button url(String text, String url) {
        return new Button(text, null, url);
    }
}
