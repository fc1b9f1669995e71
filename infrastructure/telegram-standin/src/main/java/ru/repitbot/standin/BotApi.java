package ru.repitbot.standin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.ObjectNode;

/** The Bot API methods: validation as Telegram does it, then the change to the bot's state. */
final class BotApi {

    /** A successful answer: {@code {"ok":true,"result":…}} plus Telegram's description where it sends one. */
    record Result(JsonNode result, String description) {
        static Result of(JsonNode result) {
            return new Result(result, null);
        }
    }

    static final int MAX_TEXT = 4096;
    static final int MAX_CAPTION = 1024;
    static final int MAX_CALLBACK_DATA = 64;
    static final long MAX_PHOTO_BYTES = 10L * 1024 * 1024;
    static final long MAX_UPLOAD_BYTES = 50L * 1024 * 1024;
    static final long MAX_DOWNLOAD_BYTES = 20L * 1024 * 1024;

    private static final String[] METHODS = {"getMe", "getUpdates", "setWebhook", "deleteWebhook", "getWebhookInfo",
        "sendMessage", "sendPhoto", "sendDocument", "editMessageText", "editMessageCaption", "editMessageReplyMarkup",
        "deleteMessage", "answerCallbackQuery", "getFile", "sendChatAction", "setMyCommands", "getMyCommands",
        "deleteMyCommands", "getChat", "logOut", "close"};
    private static final Map<String, String> CANONICAL = new HashMap<>();
    private static final Set<String> CHAT_ACTIONS = Set.of("typing", "upload_photo", "record_video", "upload_video",
            "record_voice", "upload_voice", "upload_document", "choose_sticker", "find_location", "record_video_note",
            "upload_video_note");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]{1,32}");

    static {
        for (String m : METHODS) {
            CANONICAL.put(m.toLowerCase(Locale.ROOT), m);
        }
    }

    private final TelegramStandIn owner;

    BotApi(TelegramStandIn owner) {
        this.owner = owner;
    }

    /** Telegram's spelling of a method name (method names are case-insensitive); unknown names as given. */
    static String canonical(String method) {
        return CANONICAL.getOrDefault(method.toLowerCase(Locale.ROOT), method);
    }

    Result call(StandInBot bot, String rawMethod, Params p) {
        String method = canonical(rawMethod);
        bot.counted(method);
        if (!CANONICAL.containsKey(method.toLowerCase(Locale.ROOT))) {
            throw ApiError.notFound();
        }
        // Files given by URL are fetched before taking the bot's lock.
        byte[] fetched = null;
        if (method.equals("sendPhoto") || method.equals("sendDocument")) {
            String ref = p.string(method.equals("sendPhoto") ? "photo" : "document");
            if (ref != null && (ref.startsWith("http://") || ref.startsWith("https://"))) {
                fetched = fetch(ref);
            }
        }
        ForcedFailure failure;
        bot.lock.lock();
        try {
            failure = bot.takeForced(method);
        } finally {
            bot.lock.unlock();
        }
        if (failure != null) {
            if (failure.hangMillis() > 0) {
                try {
                    Thread.sleep(failure.hangMillis()); // outside the lock: other calls go on meanwhile
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            throw failure.error();
        }
        bot.lock.lock();
        try {
            return switch (method) {
                case "getMe" -> Result.of(getMe(bot));
                case "getUpdates" -> getUpdates(bot, p);
                case "setWebhook" -> setWebhook(bot, p);
                case "deleteWebhook" -> new Result(BooleanNode.TRUE,
                        bot.deleteWebhook(p.bool("drop_pending_updates")) ? "Webhook was deleted"
                                : "Webhook is already deleted");
                case "getWebhookInfo" -> Result.of(bot.webhookInfo());
                case "sendMessage" -> Result.of(sendMessage(bot, p));
                case "sendPhoto" -> Result.of(sendMedia(bot, p, true, fetched));
                case "sendDocument" -> Result.of(sendMedia(bot, p, false, fetched));
                case "editMessageText" -> Result.of(editText(bot, p));
                case "editMessageCaption" -> Result.of(editCaption(bot, p));
                case "editMessageReplyMarkup" -> Result.of(editMarkup(bot, p));
                case "deleteMessage" -> Result.of(deleteMessage(bot, p));
                case "answerCallbackQuery" -> Result.of(answerCallback(bot, p));
                case "getFile" -> Result.of(getFile(bot, p));
                case "sendChatAction" -> Result.of(chatAction(bot, p));
                case "setMyCommands" -> Result.of(setCommands(bot, p));
                case "getMyCommands" -> Result.of(bot.commands.deepCopy());
                case "deleteMyCommands" -> {
                    bot.commands = Json.array();
                    yield Result.of(BooleanNode.TRUE);
                }
                case "getChat" -> Result.of(getChat(bot, p));
                default -> Result.of(BooleanNode.TRUE); // logOut, close
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.serverError(500, false);
        } finally {
            bot.lock.unlock();
        }
    }

    private static ObjectNode getMe(StandInBot bot) {
        ObjectNode o = bot.me.json();
        o.put("can_join_groups", true);
        o.put("can_read_all_group_messages", false);
        o.put("supports_inline_queries", false);
        o.put("can_connect_to_business", false);
        o.put("has_main_web_app", false);
        return o;
    }

    private static Result getUpdates(StandInBot bot, Params p) throws InterruptedException {
        Long offset = p.longOrNull("offset");
        int limit = Math.max(1, Math.min(100, p.integer("limit", 100)));
        int timeout = Math.max(0, Math.min(50, p.integer("timeout", 0)));
        Set<String> allowed = StandInBot.parseAllowedUpdates(p.json("allowed_updates", "can't parse allowed updates"));
        return Result.of(bot.getUpdates(offset, limit, timeout, allowed));
    }

    private static Result setWebhook(StandInBot bot, Params p) {
        String url = p.string("url");
        if (url == null) {
            boolean was = bot.deleteWebhook(p.bool("drop_pending_updates"));
            return new Result(BooleanNode.TRUE, was ? "Webhook was deleted" : "Webhook is already deleted");
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("bad webhook: invalid URL");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            // Telegram accepts HTTPS only; a stand-in on a laptop accepts plain HTTP too.
            throw ApiError.badRequest("bad webhook: An HTTPS URL must be provided for webhook");
        }
        String secret = p.string("secret_token");
        if (secret != null && !SECRET.matcher(secret).matches()) {
            throw ApiError.badRequest(secret.length() > 256 ? "secret token is too long"
                    : "secret token contains unallowed characters");
        }
        int maxConnections = p.integer("max_connections", 40);
        if (maxConnections < 1 || maxConnections > 100) {
            throw ApiError.badRequest("bad webhook: max_connections must be between 1 and 100");
        }
        Set<String> allowed = StandInBot.parseAllowedUpdates(p.json("allowed_updates", "can't parse allowed updates"));
        bot.setWebhook(url.trim(), secret, maxConnections, allowed, p.bool("drop_pending_updates"));
        return new Result(BooleanNode.TRUE, "Webhook was set");
    }

    // ---- chats -----------------------------------------------------------------------------------------------

    /** The chat of chat_id: 400 when missing or unknown, 403 when the user blocked the bot. */
    private ChatState chat(StandInBot bot, Params p) {
        String raw = p.string("chat_id");
        if (raw == null) {
            throw ApiError.badRequest("chat_id is empty");
        }
        long id;
        try {
            id = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("chat not found");
        }
        ChatState chat = bot.chat(id);
        if (chat == null && bot.syncPersonas()) {
            chat = bot.chat(id);
        }
        if (chat == null) {
            throw ApiError.badRequest("chat not found");
        }
        if (chat.blocked) {
            throw ApiError.forbidden("bot was blocked by the user");
        }
        return chat;
    }

    private static ObjectNode getChat(StandInBot bot, Params p) {
        String raw = p.string("chat_id");
        ChatState chat = null;
        try {
            chat = raw == null ? null : bot.chat(Long.parseLong(raw.trim()));
        } catch (NumberFormatException ignored) {
            // chat not found below
        }
        if (chat == null) {
            throw ApiError.badRequest("chat not found");
        }
        ObjectNode o = chat.json();
        o.put("accent_color_id", 0);
        o.put("max_reaction_count", 11);
        return o;
    }

    // ---- sending ---------------------------------------------------------------------------------------------

    private ObjectNode sendMessage(StandInBot bot, Params p) {
        ChatState chat = chat(bot, p);
        Formatting.Formatted f = text(p, "text", "entities", MAX_TEXT, "message text is empty", "message is too long");
        Markup markup = markup(p);
        StoredMessage replyTo = replyTarget(chat, p);
        bot.flood("sendMessage", chat);
        StoredMessage m = bot.addMessage(chat, bot.me, true);
        m.text = f.text();
        m.entities = f.entities();
        m.replyTo = replyTo;
        apply(bot, chat, m, markup);
        bot.accepted("sendMessage", m);
        bot.signal();
        return m.json();
    }

    private ObjectNode sendMedia(StandInBot bot, Params p, boolean photo, byte[] fetched) {
        ChatState chat = chat(bot, p);
        String field = photo ? "photo" : "document";
        StoredFile file = media(bot, p, field, photo, fetched);
        Formatting.Formatted caption = p.raw("caption") == null ? null
                : text(p, "caption", "caption_entities", MAX_CAPTION, null, "message caption is too long");
        Markup markup = markup(p);
        StoredMessage replyTo = replyTarget(chat, p);
        bot.flood(photo ? "sendPhoto" : "sendDocument", chat);
        StoredMessage m = bot.addMessage(chat, bot.me, true);
        if (photo) {
            m.photo = file;
        } else {
            m.document = file;
        }
        if (caption != null && !caption.text().isEmpty()) {
            m.caption = caption.text();
            m.captionEntities = caption.entities();
        }
        m.replyTo = replyTo;
        apply(bot, chat, m, markup);
        bot.accepted(photo ? "sendPhoto" : "sendDocument", m);
        bot.signal();
        return m.json();
    }

    private static StoredFile media(StandInBot bot, Params p, String field, boolean photo, byte[] fetched) {
        Params.Upload upload = p.file(field);
        String ref = p.string(field);
        if (upload == null && ref != null && ref.startsWith("attach://")) {
            upload = p.file(ref.substring("attach://".length()));
        }
        if (upload == null && fetched != null) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            upload = new Params.Upload(name.isEmpty() ? "file" : name, null, fetched);
        }
        if (upload != null) {
            byte[] bytes = upload.bytes();
            if (bytes.length == 0) {
                throw ApiError.badRequest("file must be non-empty");
            }
            if (bytes.length > MAX_UPLOAD_BYTES) {
                throw new ApiError(413, "Request Entity Too Large");
            }
            if (photo) {
                if (bytes.length > MAX_PHOTO_BYTES) {
                    throw ApiError.badRequest("PHOTO_INVALID_DIMENSIONS");
                }
                int[] size = Images.size(bytes);
                if (size == null) {
                    throw ApiError.badRequest("IMAGE_PROCESS_FAILED");
                }
                return bot.storeFile(StoredFile.PHOTO, bytes, null, "image/jpeg", size[0], size[1]);
            }
            return bot.storeFile(StoredFile.DOCUMENT, bytes, upload.fileName(),
                    Images.mimeType(upload.fileName(), upload.contentType()), 0, 0);
        }
        if (ref == null) {
            throw ApiError.badRequest("there is no " + field + " in the request");
        }
        StoredFile known = bot.file(ref.trim());
        if (known == null) {
            throw ApiError.badRequest("wrong file identifier/HTTP URL specified");
        }
        String want = photo ? StoredFile.PHOTO : StoredFile.DOCUMENT;
        if (!known.kind().equals(want)) {
            throw ApiError.badRequest("can't use file of type " + known.typeName() + " as "
                    + (photo ? "Photo" : "Document"));
        }
        return known;
    }

    private byte[] fetch(String url) {
        try {
            HttpResponse<byte[]> r = owner.httpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() / 100 != 2) {
                throw ApiError.badRequest("wrong file identifier/HTTP URL specified");
            }
            return r.body();
        } catch (IOException | IllegalArgumentException e) {
            throw ApiError.badRequest("failed to get HTTP URL content");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.badRequest("failed to get HTTP URL content");
        }
    }

    private static Formatting.Formatted text(Params p, String field, String entitiesField, int max, String emptyError,
            String tooLong) {
        String raw = p.raw(field);
        if ((raw == null || raw.isEmpty()) && emptyError != null) {
            throw ApiError.badRequest(emptyError);
        }
        JsonNode explicit = p.json(entitiesField, "can't parse entities JSON object");
        Formatting.Formatted f = Formatting.parse(raw == null ? "" : raw, p.string("parse_mode"), explicit);
        if (f.text().isEmpty() && emptyError != null) {
            throw ApiError.badRequest(emptyError);
        }
        if (f.text().length() > max) {
            throw ApiError.badRequest(tooLong);
        }
        return f;
    }

    private static StoredMessage replyTarget(ChatState chat, Params p) {
        Long id = p.longOrNull("reply_to_message_id");
        boolean allowWithout = p.bool("allow_sending_without_reply");
        JsonNode params = p.json("reply_parameters", "can't parse reply parameters JSON object");
        if (params != null) {
            if (!params.isObject() || !params.has("message_id")) {
                throw ApiError.badRequest("can't parse reply parameters JSON object");
            }
            id = params.path("message_id").asLong();
            allowWithout = params.path("allow_sending_without_reply").asBoolean(false);
        }
        if (id == null) {
            return null;
        }
        StoredMessage target = chat.message(id);
        if (target == null && !allowWithout) {
            throw ApiError.badRequest("message to be replied not found");
        }
        return target;
    }

    // ---- keyboards -------------------------------------------------------------------------------------------

    private record Markup(String kind, ObjectNode node) {
    }

    private static Markup markup(Params p) {
        JsonNode node = p.json("reply_markup", "can't parse reply keyboard markup JSON object");
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            throw ApiError.badRequest("can't parse reply keyboard markup JSON object");
        }
        ObjectNode o = (ObjectNode) node;
        if (o.has("inline_keyboard")) {
            return new Markup("inline", inline(o));
        }
        if (o.has("keyboard")) {
            return new Markup("keyboard", replyKeyboard(o));
        }
        if (o.path("remove_keyboard").asBoolean(false)) {
            return new Markup("remove", o);
        }
        if (o.path("force_reply").asBoolean(false)) {
            return new Markup("force_reply", o);
        }
        throw ApiError.badRequest("can't parse reply keyboard markup JSON object");
    }

    private static ObjectNode inline(ObjectNode o) {
        JsonNode rows = o.get("inline_keyboard");
        if (!rows.isArray()) {
            throw ApiError.badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array");
        }
        ObjectNode clean = Json.object();
        ArrayNode outRows = clean.putArray("inline_keyboard");
        int count = 0;
        for (JsonNode row : rows) {
            if (!row.isArray()) {
                throw ApiError.badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of "
                        + "Arrays");
            }
            ArrayNode outRow = outRows.addArray();
            for (JsonNode b : row) {
                if (!b.isObject()) {
                    throw ApiError.badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an "
                            + "Object");
                }
                JsonNode textNode = b.get("text");
                if (textNode == null || !textNode.isString()) {
                    throw ApiError.badRequest("can't parse inline keyboard button: Field \"text\" must be of type "
                            + "String");
                }
                if (textNode.asString().isBlank()) {
                    throw ApiError.badRequest("BUTTON_TEXT_INVALID");
                }
                ObjectNode button = outRow.addObject();
                button.put("text", textNode.asString());
                String data = Json.text(b, "callback_data");
                String url = Json.text(b, "url");
                boolean other = b.has("switch_inline_query") || b.has("switch_inline_query_current_chat")
                        || b.has("web_app") || b.has("login_url") || b.has("callback_game") || b.has("pay")
                        || b.has("copy_text") || b.has("switch_inline_query_chosen_chat");
                if (data != null) {
                    int bytes = data.getBytes(StandardCharsets.UTF_8).length;
                    if (bytes < 1 || bytes > MAX_CALLBACK_DATA) {
                        throw ApiError.badRequest("BUTTON_DATA_INVALID");
                    }
                    button.put("callback_data", data);
                } else if (url != null) {
                    if (!(url.startsWith("http://") || url.startsWith("https://") || url.startsWith("tg://"))) {
                        throw ApiError.badRequest("BUTTON_URL_INVALID");
                    }
                    button.put("url", url);
                } else if (other) {
                    b.properties().forEach(e -> {
                        if (!e.getKey().equals("text")) {
                            button.set(e.getKey(), e.getValue());
                        }
                    });
                } else {
                    throw ApiError.badRequest("text buttons are unallowed in the inline keyboard");
                }
                count++;
            }
        }
        if (count > 100) {
            throw ApiError.badRequest("reply markup is too long");
        }
        return clean;
    }

    private static ObjectNode replyKeyboard(ObjectNode o) {
        JsonNode rows = o.get("keyboard");
        if (!rows.isArray()) {
            throw ApiError.badRequest("field \"keyboard\" of the ReplyKeyboardMarkup must be an Array");
        }
        ObjectNode clean = Json.object();
        ArrayNode outRows = clean.putArray("keyboard");
        for (JsonNode row : rows) {
            if (!row.isArray()) {
                throw ApiError.badRequest("field \"keyboard\" of the ReplyKeyboardMarkup must be an Array of Arrays");
            }
            ArrayNode outRow = outRows.addArray();
            for (JsonNode b : row) {
                String text = b.isString() ? b.asString() : b.isObject() ? Json.text(b, "text") : null;
                if (text == null) {
                    throw ApiError.badRequest("can't parse keyboard button: KeyboardButton must be a String or an "
                            + "Object");
                }
                if (text.isBlank()) {
                    throw ApiError.badRequest("BUTTON_TEXT_INVALID");
                }
                outRow.addObject().put("text", text);
            }
        }
        for (String flag : new String[] {"resize_keyboard", "one_time_keyboard", "is_persistent", "selective"}) {
            if (o.path(flag).asBoolean(false)) {
                clean.put(flag, true);
            }
        }
        String placeholder = Json.text(o, "input_field_placeholder");
        if (placeholder != null) {
            clean.put("input_field_placeholder", placeholder);
        }
        return clean;
    }

    /** Inline keyboards stay on the message; reply keyboards change what the chat shows under the input. */
    private static void apply(StandInBot bot, ChatState chat, StoredMessage m, Markup markup) {
        if (markup == null) {
            return;
        }
        switch (markup.kind()) {
            case "inline" -> m.inlineMarkup = markup.node();
            case "keyboard" -> {
                chat.replyKeyboard = markup.node();
                chat.keyboardVersion = bot.nextVersion();
            }
            case "remove" -> {
                chat.replyKeyboard = null;
                chat.keyboardVersion = bot.nextVersion();
            }
            default -> {
                // force_reply: the page just focuses the input
            }
        }
    }

    // ---- editing ---------------------------------------------------------------------------------------------

    private StoredMessage editable(StandInBot bot, Params p) {
        if (p.string("inline_message_id") != null) {
            throw ApiError.badRequest("MESSAGE_ID_INVALID");
        }
        ChatState chat = chat(bot, p);
        Long id = p.longOrNull("message_id");
        if (id == null) {
            throw ApiError.badRequest("message identifier is not specified");
        }
        StoredMessage m = chat.message(id);
        if (m == null) {
            throw ApiError.badRequest("message to edit not found");
        }
        if (!m.fromBot) {
            throw ApiError.badRequest("message can't be edited");
        }
        return m;
    }

    private static ObjectNode inlineOnly(Params p) {
        Markup markup = markup(p);
        if (markup == null) {
            return null;
        }
        if (!markup.kind().equals("inline")) {
            throw ApiError.badRequest("inline keyboard expected");
        }
        return markup.node();
    }

    private static final String NOT_MODIFIED = "message is not modified: specified new message content and reply "
            + "markup are exactly the same as a current content and reply markup of the message";

    private ObjectNode editText(StandInBot bot, Params p) {
        StoredMessage m = editable(bot, p);
        if (m.text == null) {
            throw ApiError.badRequest("there is no text in the message to edit");
        }
        Formatting.Formatted f = text(p, "text", "entities", MAX_TEXT, "message text is empty", "message is too long");
        ObjectNode markup = inlineOnly(p);
        if (f.text().equals(m.text) && f.entities().equals(nonNull(m.entities)) && same(markup, m.inlineMarkup)) {
            throw ApiError.badRequest(NOT_MODIFIED);
        }
        m.text = f.text();
        m.entities = f.entities();
        m.inlineMarkup = markup;
        edited(bot, m);
        return m.json();
    }

    private ObjectNode editCaption(StandInBot bot, Params p) {
        StoredMessage m = editable(bot, p);
        if (m.text != null) {
            throw ApiError.badRequest("there is no caption in the message to edit");
        }
        Formatting.Formatted f = text(p, "caption", "caption_entities", MAX_CAPTION, null, "message caption is too long");
        ObjectNode markup = inlineOnly(p);
        String caption = f.text().isEmpty() ? null : f.text();
        if (java.util.Objects.equals(caption, m.caption) && f.entities().equals(nonNull(m.captionEntities))
                && same(markup, m.inlineMarkup)) {
            throw ApiError.badRequest(NOT_MODIFIED);
        }
        m.caption = caption;
        m.captionEntities = f.entities();
        m.inlineMarkup = markup;
        edited(bot, m);
        return m.json();
    }

    private ObjectNode editMarkup(StandInBot bot, Params p) {
        StoredMessage m = editable(bot, p);
        ObjectNode markup = inlineOnly(p);
        if (same(markup, m.inlineMarkup)) {
            throw ApiError.badRequest(NOT_MODIFIED);
        }
        m.inlineMarkup = markup;
        edited(bot, m);
        return m.json();
    }

    private static ArrayNode nonNull(ArrayNode a) {
        return a == null ? Json.array() : a;
    }

    private static boolean same(ObjectNode a, ObjectNode b) {
        boolean emptyA = a == null || a.path("inline_keyboard").isEmpty();
        boolean emptyB = b == null || b.path("inline_keyboard").isEmpty();
        if (emptyA || emptyB) {
            return emptyA && emptyB;
        }
        return a.equals(b);
    }

    private static void edited(StandInBot bot, StoredMessage m) {
        if (m.inlineMarkup != null && m.inlineMarkup.path("inline_keyboard").isEmpty()) {
            m.inlineMarkup = null;
        }
        m.editDate = Instant.now().getEpochSecond();
        m.editCount++;
        bot.changedMessage(m);
    }

    private JsonNode deleteMessage(StandInBot bot, Params p) {
        ChatState chat = chat(bot, p);
        Long id = p.longOrNull("message_id");
        if (id == null) {
            throw ApiError.badRequest("message identifier is not specified");
        }
        StoredMessage m = chat.message(id);
        if (m == null) {
            throw ApiError.badRequest("message to delete not found");
        }
        if (!m.fromBot && chat.group) {
            throw ApiError.badRequest("message can't be deleted");
        }
        m.deleted = true;
        bot.changedMessage(m);
        return BooleanNode.TRUE;
    }

    // ---- callback queries, files, the rest -------------------------------------------------------------------

    private static JsonNode answerCallback(StandInBot bot, Params p) {
        String id = p.string("callback_query_id");
        CallbackRecord record = id == null ? null : bot.callback(id.trim());
        if (record == null || record.answered) {
            throw ApiError.badRequest("query is too old and response timeout expired or query ID is invalid");
        }
        String text = p.string("text");
        if (text != null && text.length() > 200) {
            throw ApiError.badRequest("MESSAGE_TOO_LONG");
        }
        record.answered = true;
        record.text = text;
        record.showAlert = p.bool("show_alert");
        record.url = p.string("url");
        record.answeredAt = Instant.now();
        if (text != null) {
            bot.toast(record.chat, text, record.showAlert);
        }
        bot.signal();
        return BooleanNode.TRUE;
    }

    private static JsonNode getFile(StandInBot bot, Params p) {
        String id = p.string("file_id");
        if (id == null) {
            throw ApiError.badRequest("file_id is empty");
        }
        StoredFile f = bot.file(id.trim());
        if (f == null) {
            throw ApiError.badRequest("invalid file_id");
        }
        if (f.bytes().length > MAX_DOWNLOAD_BYTES) {
            throw ApiError.badRequest("file is too big");
        }
        return f.file();
    }

    private JsonNode chatAction(StandInBot bot, Params p) {
        ChatState chat = chat(bot, p);
        String action = p.string("action");
        if (action == null) {
            throw ApiError.badRequest("action is empty");
        }
        if (!CHAT_ACTIONS.contains(action)) {
            throw ApiError.badRequest("wrong parameter action in request");
        }
        chat.typingUntilMillis = System.currentTimeMillis() + 5000;
        chat.keyboardVersion = bot.nextVersion();
        bot.signal();
        return BooleanNode.TRUE;
    }

    private static JsonNode setCommands(StandInBot bot, Params p) {
        JsonNode commands = p.json("commands", "can't parse commands JSON object");
        if (commands == null || !commands.isArray()) {
            throw ApiError.badRequest("can't parse commands JSON object");
        }
        if (commands.size() > 100) {
            throw ApiError.badRequest("too many commands");
        }
        ArrayNode clean = Json.array();
        for (JsonNode c : commands) {
            String command = Json.text(c, "command");
            String description = Json.text(c, "description");
            if (command == null || !COMMAND.matcher(command).matches()) {
                throw ApiError.badRequest("BOT_COMMAND_INVALID");
            }
            if (description == null || description.isBlank() || description.length() > 256) {
                throw ApiError.badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
            }
            ObjectNode o = clean.addObject();
            o.put("command", command);
            o.put("description", description);
        }
        bot.commands = clean;
        bot.nextVersion();
        return BooleanNode.TRUE;
    }
}
