package ru.repitbot.bot.dialog;

/**
 * A text message with its keyboard, in HTML ({@code parse_mode=HTML}; texts come from the bundles, people's input is
 * escaped by {@code Lang#get}). Answering a button press, the first screen of a {@link Reply} replaces the pressed
 * message (edited in place) unless {@code asNew} — or it carries a reply keyboard, which only a new message can.
 */
public record Screen(String text, Keyboard keyboard, boolean asNew) implements Outgoing {

    public Screen {
        keyboard = keyboard == null ? Keyboard.NONE : keyboard;
    }

    public static Screen of(String text) {
        return new Screen(text, Keyboard.NONE, false);
    }

    public static Screen of(String text, Keyboard keyboard) {
        return new Screen(text, keyboard, false);
    }

    /** Sent as a new message even when answering a button press (the old message stays as it was). */
    public Screen asNewMessage() {
        return new Screen(text, keyboard, true);
    }

    /** Whether it can replace a pressed message: inline buttons or none can, a reply keyboard cannot. */
    public boolean editable() {
        return !asNew && (keyboard instanceof Keyboard.Inline || keyboard instanceof Keyboard.None);
    }
}
