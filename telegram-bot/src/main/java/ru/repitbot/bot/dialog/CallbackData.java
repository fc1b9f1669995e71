package ru.repitbot.bot.dialog;

import java.util.List;
import java.util.Optional;

/**
 * A button press decoded: the route id and its arguments. Data that the bot did not write (an old bot's button, a
 * forged press) decodes as well; the router then finds no route and answers that the button is outdated.
 */
public record CallbackData(String route, List<String> args) {

    static final char SEPARATOR = ':';

    public static Optional<CallbackData> parse(String data) {
        if (data == null || data.isBlank()) {
            return Optional.empty();
        }
        String[] parts = data.split(String.valueOf(SEPARATOR), -1);
        return Optional.of(new CallbackData(parts[0], List.of(parts).subList(1, parts.length)));
    }

    public boolean is(CallbackRoute route) {
        return this.route.equals(route.id());
    }

    public String arg(int index) {
        if (index >= args.size()) {
            throw new BadCallbackException("argument " + index + " missing in " + this);
        }
        return args.get(index);
    }

    /** A numeric argument (an id, a page); a non-number means forged or outdated data. */
    public long longArg(int index) {
        try {
            return Long.parseLong(arg(index));
        } catch (NumberFormatException e) {
            throw new BadCallbackException("argument " + index + " is not a number in " + this);
        }
    }

    public int intArg(int index) {
        long value = longArg(index);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new BadCallbackException("argument " + index + " out of range in " + this);
        }
        return (int) value;
    }

    /** Callback data that does not fit its route: the router answers "outdated button". */
    public static final class BadCallbackException extends RuntimeException {
        public BadCallbackException(String message) {
            super(message);
        }
    }
}
