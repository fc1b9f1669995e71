package ru.repitbot.bot.dialog;

/**
 * Answers one event: a command, a button press, a label, or the input a dialog step awaits. Reads what it needs from
 * the {@link Turn} (the event, the person, their texts, the gateway on their behalf, the dialog) and returns the
 * {@link Reply}. A {@code GatewayException} it lets through becomes a clear sentence for the person.
 */
@FunctionalInterface
public interface Handler {

    Reply handle(Turn turn);
}
