package ru.repitbot.bot.dialog;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A kind of button press: a short route id ({@code st.v}) and its arguments, written into Telegram's callback data
 * as {@code st.v:123} (see {@link CallbackData}). Flows declare their routes as constants (all of them in
 * {@code flows.Routes}, so two flows never pick the same id) and build buttons with {@link #data}.
 *
 * @param id 1–16 of {@code a-z 0-9 . _ -}
 */
public record CallbackRoute(String id) {

    /** Telegram refuses callback data longer than 64 bytes (UTF-8). */
    public static final int MAX_BYTES = 64;

    private static final Pattern ID = Pattern.compile("[a-z0-9._-]{1,16}");

    public CallbackRoute {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A callback route id is 1-16 of [a-z0-9._-]: " + id);
        }
    }

    public static CallbackRoute of(String id) {
        return new CallbackRoute(id);
    }

    /**
     * The callback data for a button: {@code id:arg1:arg2}. Arguments are ids and short words; one with a colon, or
     * data over 64 bytes, is a programming error and fails at once (the test of the flow catches it), not in Telegram.
     */
    public String data(Object... args) {
        StringBuilder data = new StringBuilder(id);
        for (Object arg : args) {
            String text = String.valueOf(arg);
            if (text.isEmpty() || text.indexOf(CallbackData.SEPARATOR) >= 0) {
                throw new IllegalArgumentException("A callback argument may not be empty or contain ':': " + text);
            }
            data.append(CallbackData.SEPARATOR).append(text);
        }
        String result = data.toString();
        int bytes = result.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("Callback data is " + bytes + " bytes, Telegram allows " + MAX_BYTES
                    + ": " + result);
        }
        return result;
    }
}
