package ru.repitbot.config.logging;

/**
 * What a caller sent, made fit for a log line: quoted, at most {@value #MAX_CHARS} characters, with line breaks,
 * control and invisible formatting characters (e.g. right-to-left overrides) escaped. Without it a caller writes
 * whole forged lines into the log ({@code "x\n{...}"}), hides text behind direction marks, or fills the disk with one
 * 8 kB header per request. Secrets (tokens, access codes, client secrets) are never logged at all, not even this way.
 */
public final class LogSafe {

    /** Enough to recognise an id, a path or a client name; a longer value is cut and its length said. */
    public static final int MAX_CHARS = 64;

    private LogSafe() {
    }

    /** The value quoted and escaped, e.g. {@code "bad\nvalue"}; {@code null} stays {@code null}. */
    public static String value(String raw) {
        return raw == null ? "null" : escape(raw, true);
    }

    /** The same without the quotes, for a structured field whose name already says what it is (a path). */
    public static String unquoted(String raw) {
        return raw == null ? null : escape(raw, false);
    }

    private static String escape(String raw, boolean quoted) {
        StringBuilder out = new StringBuilder(Math.min(raw.length(), MAX_CHARS) + 8);
        if (quoted) {
            out.append('"');
        }
        int shown = 0;
        int i = 0;
        while (i < raw.length() && shown < MAX_CHARS) {
            int c = raw.codePointAt(i);
            i += Character.charCount(c);
            shown++;
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append(quoted ? "\\\"" : "\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                            || Character.getType(c) == Character.LINE_SEPARATOR
                            || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                            || Character.getType(c) == Character.SURROGATE) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        }
        if (quoted) {
            out.append('"');
        }
        if (i < raw.length()) {
            out.append("…(").append(raw.codePointCount(0, raw.length())).append(" chars)");
        }
        return out.toString();
    }

    /** Any request-derived object (a path variable, an enum, a number) by its {@code toString()}. */
    public static String value(Object raw) {
        return raw == null ? "null" : value(raw.toString());
    }
}
