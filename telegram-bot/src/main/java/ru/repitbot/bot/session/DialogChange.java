package ru.repitbot.bot.session;

/**
 * What one update did to a person's dialog in a chat, not yet saved: {@code state} is the dialog to keep, or null when
 * the dialog ended. The worker saves it together with the mark that the update was handled (one Redis script), so a
 * crash before that mark leaves the dialog as it was before the update — and the update is handled again from there.
 */
public record DialogChange(long userId, long chatId, DialogState state) {

    public boolean ended() {
        return state == null;
    }
}
