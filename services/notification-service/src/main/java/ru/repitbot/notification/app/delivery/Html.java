package ru.repitbot.notification.app.delivery;

/**
 * Telegram's HTML parse mode needs {@code <}, {@code >} and {@code &} escaped in plain text. Notice texts are escaped
 * by the code that renders them; this is for plain text the engine itself puts into a message.
 */
public final class Html {

    private Html() {
    }

    public static String escape(String plain) {
        if (plain == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(plain.length() + 16);
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
