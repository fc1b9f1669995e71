package ru.repitbot.bot.dialog;

import java.util.ArrayList;
import java.util.List;

/**
 * What a handler answers: messages in order (the first edits a pressed message in place, see {@link Screen}), and
 * for a button press an optional toast (or an alert, which needs a tap to close). Every button press is answered
 * (Telegram shows a spinner until then), toast or not.
 */
public record Reply(List<Outgoing> messages, String toast, boolean alert) {

    public Reply {
        messages = List.copyOf(messages);
    }

    public static Reply of(Outgoing... messages) {
        return new Reply(List.of(messages), null, false);
    }

    public static Reply text(String text) {
        return of(Screen.of(text));
    }

    /** Nothing to send (a press whose answer is only the toast). */
    public static Reply none() {
        return new Reply(List.of(), null, false);
    }

    /** A toast above the chat for a button press (ignored for texts). */
    public static Reply toastOnly(String toast) {
        return new Reply(List.of(), toast, false);
    }

    /** An alert for a button press: the message stays as it was. */
    public static Reply alertOnly(String alert) {
        return new Reply(List.of(), alert, true);
    }

    public Reply then(Outgoing message) {
        List<Outgoing> all = new ArrayList<>(messages);
        all.add(message);
        return new Reply(all, toast, alert);
    }

    public Reply withToast(String text) {
        return new Reply(messages, text, false);
    }
}
