package ru.repitbot.standin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A message in a chat, mutable by edits. Guarded by the bot's lock. */
final class StoredMessage {

    final ChatState chat;
    final int messageId;
    final TgUser from;
    final boolean fromBot;
    final long date;
    String text;
    ArrayNode entities;
    String caption;
    ArrayNode captionEntities;
    /** The inline keyboard markup ({"inline_keyboard": …}) or null. */
    ObjectNode inlineMarkup;
    StoredFile photo;
    StoredFile document;
    StoredMessage replyTo;
    long editDate;
    int editCount;
    boolean deleted;
    long version;

    StoredMessage(ChatState chat, int messageId, TgUser from, boolean fromBot, long date) {
        this.chat = chat;
        this.messageId = messageId;
        this.from = from;
        this.fromBot = fromBot;
        this.date = date;
    }

    /** The Bot API Message object. */
    ObjectNode json() {
        return json(true);
    }

    private ObjectNode json(boolean withReply) {
        ObjectNode o = Json.object();
        o.put("message_id", messageId);
        o.set("from", from.json());
        o.set("chat", chat.json());
        o.put("date", date);
        if (editDate > 0) {
            o.put("edit_date", editDate);
        }
        if (withReply && replyTo != null) {
            o.set("reply_to_message", replyTo.json(false));
        }
        if (text != null) {
            o.put("text", text);
            if (entities != null && !entities.isEmpty()) {
                o.set("entities", entities);
            }
        }
        if (photo != null) {
            o.putArray("photo").add(photo.photoSize());
        }
        if (document != null) {
            o.set("document", document.document());
        }
        if (caption != null) {
            o.put("caption", caption);
            if (captionEntities != null && !captionEntities.isEmpty()) {
                o.set("caption_entities", captionEntities);
            }
        }
        if (inlineMarkup != null) {
            o.set("reply_markup", inlineMarkup);
        }
        return o;
    }

    List<List<Button>> keyboard() {
        List<List<Button>> rows = new ArrayList<>();
        if (inlineMarkup == null) {
            return rows;
        }
        int r = 0;
        for (JsonNode row : inlineMarkup.path("inline_keyboard")) {
            List<Button> buttons = new ArrayList<>();
            int c = 0;
            for (JsonNode b : row) {
                buttons.add(new Button(Json.text(b, "text"), Json.text(b, "callback_data"), Json.text(b, "url"), r, c));
                c++;
            }
            rows.add(List.copyOf(buttons));
            r++;
        }
        return List.copyOf(rows);
    }

    String html() {
        return text != null ? Formatting.toHtml(text, entities) : Formatting.toHtml(caption, captionEntities);
    }

    ChatMessage snapshot() {
        return new ChatMessage(chat.id, messageId, fromBot, from.id(), text, caption, keyboard(),
                photo == null ? null : photo.attachment(), document == null ? null : document.attachment(),
                replyTo == null ? null : replyTo.messageId, Instant.ofEpochSecond(date),
                editDate > 0 ? Instant.ofEpochSecond(editDate) : null, editCount, deleted, html());
    }
}
