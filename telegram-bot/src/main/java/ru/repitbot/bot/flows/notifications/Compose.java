package ru.repitbot.bot.flows.notifications;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.repitbot.bot.dialog.BotEvent;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.flows.student.FamilyTexts;
import ru.repitbot.bot.i18n.Html;
import ru.repitbot.bot.session.DialogState;

/**
 * What a person composes for a message or a broadcast: a text, a photo or a document (its caption is the text), kept
 * in the dialog state as {@code text}, {@code file} (the Telegram {@code file_id}: Telegram holds the file, the bot
 * never downloads it) and {@code file_kind} ({@code photo|document}); and the request body made from it.
 */
final class Compose {

    /** Telegram's limit of a message's text. */
    static final int MAX_TEXT = 4096;

    private Compose() {
    }

    /** The content of this message as dialog-state changes; empty when it carries nothing to send. */
    static Optional<Map<String, String>> capture(Turn turn) {
        BotEvent event = turn.event();
        Map<String, String> content = new HashMap<>();
        String text = turn.text();
        if (!event.photos().isEmpty()) {
            content.put("file", event.photos().getFirst().fileId());
            content.put("file_kind", "photo");
        } else if (event.document() != null) {
            content.put("file", event.document().fileId());
            content.put("file_kind", "document");
        }
        if (!text.isEmpty()) {
            content.put("text", text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
        }
        if (content.isEmpty()) {
            return Optional.empty();
        }
        // A new content replaces the whole previous one: a photo after a text is not both.
        content.putIfAbsent("text", "");
        content.putIfAbsent("file", "");
        content.putIfAbsent("file_kind", "");
        return Optional.of(content);
    }

    /** The content for the confirmation: the text (escaped, cut) and the attachment, if any. */
    static String preview(Turn turn, DialogState state) {
        String text = state.get("text");
        StringBuilder preview = new StringBuilder(text == null || text.isEmpty()
                ? turn.t("msg.conversation.no_text") : Html.escape(FamilyTexts.shorten(text, 3000)));
        String kind = state.get("file_kind");
        if (kind != null && !kind.isEmpty()) {
            preview.append("\n").append(turn.t("msg.confirm_files", turn.t("msg.file." + kind)));
        }
        return preview.toString();
    }

    /** The "send as urgent" button ({@code <route>:1}) was pressed rather than the plain "send". */
    static boolean urgent(Turn turn) {
        return turn.callback() != null && !turn.callback().args().isEmpty() && turn.intArg(0) == 1;
    }

    /** {@code text?, file_ids?, file_kind?} of a message or broadcast request. */
    static Map<String, Object> body(DialogState state) {
        Map<String, Object> body = new LinkedHashMap<>();
        String text = state.get("text");
        if (text != null && !text.isEmpty()) {
            body.put("text", text);
        }
        String file = state.get("file");
        if (file != null && !file.isEmpty()) {
            body.put("file_ids", List.of(file));
            body.put("file_kind", state.get("file_kind"));
        }
        return body;
    }
}
