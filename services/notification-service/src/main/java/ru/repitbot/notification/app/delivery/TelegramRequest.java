package ru.repitbot.notification.app.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.repitbot.notification.db.QueuedMessage;

/**
 * One Bot API call: the method and its JSON parameters. A queued message becomes one or more of them
 * ({@link #of}): a text is one {@code sendMessage} in HTML parse mode; files are one {@code sendPhoto} /
 * {@code sendVideo} / {@code sendDocument} / {@code sendVoice} each, the first with the text as its caption (or, when
 * the text is longer than a caption may be, the text first as a message of its own).
 */
public record TelegramRequest(String method, Map<String, Object> parameters) {

    /** Telegram's longest caption, in characters. */
    static final int MAX_CAPTION = 1024;

    public static List<TelegramRequest> of(QueuedMessage message, long chatId) {
        List<TelegramRequest> requests = new ArrayList<>();
        String text = message.text() == null || message.text().isBlank() ? null : message.text();
        if (message.fileIds().isEmpty()) {
            requests.add(new TelegramRequest("sendMessage", text(chatId, text)));
            return requests;
        }
        String caption = text;
        if (text != null && text.length() > MAX_CAPTION) {
            requests.add(new TelegramRequest("sendMessage", text(chatId, text)));
            caption = null;
        }
        String kind = message.fileKind() == null ? "document" : message.fileKind();
        String method = switch (kind) {
            case "photo" -> "sendPhoto";
            case "video" -> "sendVideo";
            case "voice" -> "sendVoice";
            default -> "sendDocument";
        };
        String field = switch (kind) {
            case "photo", "video", "voice" -> kind;
            default -> "document";
        };
        for (String fileId : message.fileIds()) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("chat_id", chatId);
            parameters.put(field, fileId);
            if (caption != null) {
                parameters.put("caption", caption);
                parameters.put("parse_mode", "HTML");
                caption = null;
            }
            requests.add(new TelegramRequest(method, parameters));
        }
        return requests;
    }

    private static Map<String, Object> text(long chatId, String text) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("chat_id", chatId);
        parameters.put("text", text);
        parameters.put("parse_mode", "HTML");
        parameters.put("link_preview_options", Map.of("is_disabled", true));
        return parameters;
    }
}
