package ru.repitbot.bot.dialog;

/**
 * One message the bot sends in answer: a text screen, or a photo / document Telegram already holds (by
 * {@code file_id}) with a caption.
 */
public sealed interface Outgoing permits Screen, Outgoing.Photo, Outgoing.Document {

    Keyboard keyboard();

    record Photo(String fileId, String caption, Keyboard keyboard) implements Outgoing {
    }

    record Document(String fileId, String caption, Keyboard keyboard) implements Outgoing {
    }
}
