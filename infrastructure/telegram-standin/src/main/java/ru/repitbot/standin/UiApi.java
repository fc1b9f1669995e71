package ru.repitbot.standin;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The chat page's JSON API under {@code /ui/api/}. Every endpoint takes an optional {@code ?bot=<bot id>} (default:
 * the default bot). Errors are {@code {"error": "..."}} with a 4xx status. Cross-site POSTs are refused (an
 * {@code Origin} header must match the {@code Host}).
 *
 * <pre>
 * GET  info                         the bot(s), whether the bot is connected, the limits
 * GET  personas                     the people to talk as
 * GET  chats                        private chats (personas, made-up users, test users)
 * POST users                        {"first_name", "last_name"?, "username"?, "telegram_id"?} a new Telegram user
 * GET  chats/{id}/messages?since=V  messages new/changed since version V, toasts, reply keyboard, typing, version;
 *                                   &amp;wait=S (max 30): waits until something in the chat is newer than V
 * POST chats/{id}/send              {"text", "via_keyboard"?}
 * POST chats/{id}/press             {"message_id", "row", "column", "callback_data"?} -> {"callback_query_id"}
 *                                   (callback_data forges the data sent, as a modified client could)
 * POST chats/{id}/photo             multipart: file, caption?
 * POST chats/{id}/document          multipart: file, caption?
 * POST chats/{id}/block             {"blocked": true|false}
 * GET  files/{file_id}              the file's bytes
 * GET  stats                        calls per method, 429s, callback queries, pending updates, webhook
 * POST control/fail                 {"count", "method"?, "error_code": 429|500|502, "retry_after"?}
 * POST control/clear                forget forced failures
 * </pre>
 */
final class UiApi {

    static final class UiError extends RuntimeException {
        final int status;

        UiError(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private static final Map<String, String> ROLE_LABELS = Map.of("admin", "администратор", "tutor", "репетитор",
            "student", "ученик", "parent", "родитель");

    /** The longest {@code wait} of {@code GET chats/{id}/messages}. */
    static final int MAX_WAIT_SECONDS = 30;

    private final TelegramStandIn owner;

    UiApi(TelegramStandIn owner) {
        this.owner = owner;
    }

    void handle(HttpExchange ex, String route, byte[] body) throws IOException {
        try {
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            if (method.equals("POST")) {
                checkOrigin(ex);
                if (body == null) {
                    throw new UiError(413, "the upload is too large");
                }
            }
            URI uri = ex.getRequestURI();
            Params query = Params.parse(uri.getRawQuery(), null, null);
            StandInBot bot = bot(query);
            bot.syncPersonas();
            String[] parts = route.split("/");
            JsonNode answer;
            if (method.equals("GET") && route.equals("info")) {
                answer = info(bot);
            } else if (method.equals("GET") && route.equals("personas")) {
                answer = personas();
            } else if (method.equals("GET") && route.equals("chats")) {
                answer = chats(bot);
            } else if (method.equals("POST") && route.equals("users")) {
                answer = newUser(bot, json(body));
            } else if (method.equals("GET") && route.equals("stats")) {
                answer = stats(bot);
            } else if (method.equals("GET") && route.equals("received")) {
                answer = received(bot, query.raw("since_ms"));
            } else if (method.equals("POST") && route.equals("control/fail")) {
                answer = fail(bot, json(body));
            } else if (method.equals("POST") && route.equals("control/clear")) {
                bot.clearForcedFailures();
                answer = Json.object().put("ok", true);
            } else if (method.equals("GET") && parts.length == 2 && parts[0].equals("files")) {
                StoredFile f = bot.fileById(java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
                if (f == null) {
                    throw new UiError(404, "no such file");
                }
                ex.getResponseHeaders().set("Cache-Control", "private, max-age=3600");
                if (f.fileName() != null) {
                    ex.getResponseHeaders().set("Content-Disposition", "inline; filename*=UTF-8''"
                            + java.net.URLEncoder.encode(f.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
                }
                TelegramStandIn.send(ex, 200, TelegramStandIn.contentType(f), f.bytes());
                return;
            } else if (parts.length == 3 && parts[0].equals("chats")) {
                answer = chatRoute(ex, bot, method, parts, query, body);
            } else {
                throw new UiError(404, "no such endpoint: " + method + " /ui/api/" + route);
            }
            TelegramStandIn.send(ex, 200, "application/json; charset=utf-8", Json.bytes(answer));
        } catch (UiError e) {
            error(ex, e.status, e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            error(ex, 400, e.getMessage());
        } catch (ApiError e) {
            error(ex, 400, e.description());
        }
    }

    private JsonNode chatRoute(HttpExchange ex, StandInBot bot, String method, String[] parts, Params query,
            byte[] body) {
        long chatId;
        try {
            chatId = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            throw new UiError(404, "no such chat: " + parts[1]);
        }
        ChatState chat;
        bot.lock.lock();
        try {
            chat = bot.chat(chatId);
        } finally {
            bot.lock.unlock();
        }
        if (chat == null) {
            throw new UiError(404, "no such chat: " + chatId + " (create the user first: POST /ui/api/users)");
        }
        TgUser user = chat.user;
        if (chat.group) {
            user = chat.members.values().stream().findFirst()
                    .orElseThrow(() -> new UiError(400, "the group has no member to talk as"));
        }
        String action = parts[2];
        if (method.equals("GET") && action.equals("messages")) {
            Long sinceParam = query.longOrNull("since");
            long since = sinceParam == null ? 0 : sinceParam;
            int wait = waitSeconds(query);
            if (wait > 0) {
                // Long poll: back as soon as anything in this chat is newer than since, or empty at the timeout.
                bot.await(() -> chat.latestVersion() > since ? Boolean.TRUE : null, Duration.ofSeconds(wait));
            }
            return messages(bot, chat, since);
        }
        if (!method.equals("POST")) {
            throw new UiError(405, "use POST");
        }
        switch (action) {
            case "send" -> {
                JsonNode b = json(body);
                StoredMessage m = bot.userText(chat, user, Json.text(b, "text"), b.path("via_keyboard").asBoolean(false));
                return Json.object().put("message_id", m.messageId);
            }
            case "press" -> {
                JsonNode b = json(body);
                String id = bot.userPress(chat, user, b.path("message_id").asInt(0), b.path("row").asInt(-1),
                        b.path("column").asInt(-1), Json.text(b, "callback_data"));
                return Json.object().put("callback_query_id", id);
            }
            case "photo", "document" -> {
                String type = ex.getRequestHeaders().getFirst("Content-Type");
                if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
                    throw new UiError(400, "send multipart/form-data with a part named file");
                }
                Params p = Params.parse(null, type, body);
                Params.Upload file = p.file("file");
                if (file == null) {
                    throw new UiError(400, "no part named file");
                }
                StoredMessage m = bot.userMedia(chat, user, action.equals("photo"), file.bytes(), file.fileName(),
                        file.contentType(), p.string("caption"));
                return Json.object().put("message_id", m.messageId);
            }
            case "block" -> {
                bot.setBlocked(chat, json(body).path("blocked").asBoolean(true));
                return Json.object().put("ok", true);
            }
            default -> throw new UiError(404, "no such endpoint: " + action);
        }
    }

    /** {@code wait=<seconds>}: 0 (the default) answers at once; at most {@value #MAX_WAIT_SECONDS}. */
    private static int waitSeconds(Params query) {
        String raw = query.string("wait");
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        int wait;
        try {
            wait = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new UiError(400, "wait must be a whole number of seconds, 0-" + MAX_WAIT_SECONDS);
        }
        if (wait < 0 || wait > MAX_WAIT_SECONDS) {
            throw new UiError(400, "wait must be 0-" + MAX_WAIT_SECONDS + " seconds");
        }
        return wait;
    }

    private StandInBot bot(Params query) {
        Long id = query.longOrNull("bot");
        if (id == null) {
            return owner.bot();
        }
        StandInBot bot = owner.botById(id);
        if (bot == null) {
            throw new UiError(404, "no bot " + id);
        }
        return bot;
    }

    private JsonNode info(StandInBot current) {
        ObjectNode o = Json.object();
        o.set("bot", botJson(current));
        ArrayNode bots = o.putArray("bots");
        owner.bots().forEach(b -> bots.add(botJson(b)));
        RateLimits l = owner.options().limits();
        ObjectNode limits = o.putObject("limits");
        limits.put("enabled", l.enabled());
        limits.put("global_per_second", l.globalPerSecond());
        limits.put("private_burst", l.privateBurst());
        limits.put("private_per_second", l.privatePerSecond());
        limits.put("group_per_minute", l.groupPerMinute());
        o.put("api_url", owner.apiUrl());
        o.put("file_api_url", owner.fileApiUrl());
        return o;
    }

    private static ObjectNode botJson(StandInBot bot) {
        ObjectNode b = Json.object();
        b.put("id", bot.id());
        b.put("first_name", bot.me.firstName());
        b.put("username", bot.username());
        b.put("connected", bot.connected());
        b.put("polling", bot.polling());
        String hook = bot.webhookUrl().orElse(null);
        if (hook != null) {
            b.put("webhook_url", hook);
        }
        long last = bot.lastCallMillis();
        if (last > 0) {
            b.put("last_call_ms_ago", System.currentTimeMillis() - last);
        }
        bot.lock.lock();
        try {
            b.set("commands", bot.commands.deepCopy());
        } finally {
            bot.lock.unlock();
        }
        return b;
    }

    private JsonNode personas() {
        ObjectNode o = Json.object();
        ArrayNode list = o.putArray("personas");
        for (Persona p : owner.personas().current().personas()) {
            list.add(persona(p));
        }
        return o;
    }

    private static ObjectNode persona(Persona p) {
        ObjectNode j = Json.object();
        j.put("name", p.name());
        j.put("role", p.role());
        j.put("role_label", p.role() == null ? null : ROLE_LABELS.getOrDefault(p.role(), p.role()));
        j.put("telegram_id", p.telegramId());
        j.put("chat_id", p.telegramId());
        j.put("code", p.code());
        j.put("hint", p.hint());
        return j;
    }

    private JsonNode chats(StandInBot bot) {
        ObjectNode o = Json.object();
        ArrayNode list = o.putArray("chats");
        Map<Long, Persona> personas = new java.util.HashMap<>();
        owner.personas().current().personas().forEach(p -> personas.put(p.telegramId(), p));
        bot.lock.lock();
        try {
            for (ChatState c : bot.chats.values()) {
                ObjectNode j = list.addObject();
                j.put("chat_id", c.id);
                j.put("type", c.group ? "group" : "private");
                j.put("name", c.name());
                j.put("persona", personas.containsKey(c.id));
                j.put("blocked", c.blocked);
                j.put("message_count", c.messages.stream().filter(m -> !m.deleted).count());
                StoredMessage last = c.messages.isEmpty() ? null : c.messages.getLast();
                if (last != null) {
                    j.put("last_version", last.version);
                }
            }
        } finally {
            bot.lock.unlock();
        }
        return o;
    }

    private JsonNode newUser(StandInBot bot, JsonNode b) {
        String first = Json.text(b, "first_name");
        if (first == null || first.isBlank()) {
            throw new UiError(400, "first_name is required");
        }
        if (first.length() > 64) {
            throw new UiError(400, "first_name is longer than 64 characters");
        }
        long id = b.path("telegram_id").asLong(0);
        if (id <= 0) {
            id = 7_000_000_000L + owner.random().nextInt(1_000_000_000);
        }
        ChatDriver driver = bot.user(id, first.strip(), Json.text(b, "last_name"), Json.text(b, "username"));
        ObjectNode o = Json.object();
        o.put("telegram_id", driver.userId());
        o.put("chat_id", driver.chatId());
        o.put("first_name", first.strip());
        return o;
    }

    private JsonNode messages(StandInBot bot, ChatState chat, long since) {
        ObjectNode o = Json.object();
        bot.lock.lock();
        try {
            o.put("version", bot.version());
            o.put("chat_id", chat.id);
            o.put("name", chat.name());
            o.put("blocked", chat.blocked);
            o.put("typing", chat.typingUntilMillis > System.currentTimeMillis());
            ArrayNode list = o.putArray("messages");
            for (StoredMessage m : chat.messages) {
                if (m.version > since && !(since == 0 && m.deleted)) {
                    list.add(message(bot, m));
                }
            }
            ArrayNode toasts = o.putArray("toasts");
            for (ChatState.Toast t : chat.toasts) {
                if (t.version() > since && since > 0) {
                    toasts.addObject().put("text", t.text()).put("show_alert", t.alert()).put("version", t.version());
                }
            }
            if (chat.replyKeyboard != null) {
                ObjectNode k = o.putObject("reply_keyboard");
                ArrayNode rows = k.putArray("rows");
                for (JsonNode row : chat.replyKeyboard.path("keyboard")) {
                    ArrayNode r = rows.addArray();
                    row.forEach(b -> r.add(Json.text(b, "text")));
                }
                k.put("resize_keyboard", chat.replyKeyboard.path("resize_keyboard").asBoolean(false));
                k.put("one_time_keyboard", chat.replyKeyboard.path("one_time_keyboard").asBoolean(false));
                String placeholder = Json.text(chat.replyKeyboard, "input_field_placeholder");
                if (placeholder != null) {
                    k.put("placeholder", placeholder);
                }
            } else {
                o.putNull("reply_keyboard");
            }
            o.put("bot_connected", bot.connected());
        } finally {
            bot.lock.unlock();
        }
        return o;
    }

    private static ObjectNode message(StandInBot bot, StoredMessage m) {
        ObjectNode j = Json.object();
        j.put("message_id", m.messageId);
        j.put("version", m.version);
        j.put("from_bot", m.fromBot);
        j.putObject("from").put("id", m.from.id()).put("name", m.from.displayName());
        j.put("date", m.date);
        j.put("deleted", m.deleted);
        j.put("edited", m.editCount > 0);
        j.put("edit_count", m.editCount);
        if (m.editDate > 0) {
            j.put("edit_date", m.editDate);
        }
        if (m.text != null) {
            j.put("text", m.text);
        }
        if (m.caption != null) {
            j.put("caption", m.caption);
        }
        String html = m.html();
        if (html != null) {
            j.put("html", html);
        }
        if (m.replyTo != null) {
            j.put("reply_to_message_id", m.replyTo.messageId);
            String quoted = m.replyTo.text != null ? m.replyTo.text : m.replyTo.caption;
            if (quoted != null) {
                j.put("reply_to_text", quoted.length() > 80 ? quoted.substring(0, 80) + "…" : quoted);
            }
        }
        String files = "/ui/api/files/";
        if (m.photo != null) {
            ObjectNode p = j.putObject("photo");
            p.put("file_id", m.photo.fileId());
            p.put("width", m.photo.width());
            p.put("height", m.photo.height());
            p.put("url", files + m.photo.fileId() + "?bot=" + bot.id());
        }
        if (m.document != null) {
            ObjectNode d = j.putObject("document");
            d.put("file_id", m.document.fileId());
            d.put("file_name", m.document.fileName());
            d.put("mime_type", m.document.mimeType());
            d.put("file_size", m.document.bytes().length);
            d.put("url", files + m.document.fileId() + "?bot=" + bot.id());
        }
        ArrayNode rows = j.putArray("inline_keyboard");
        for (List<Button> row : m.keyboard()) {
            ArrayNode r = rows.addArray();
            for (Button b : row) {
                ObjectNode button = r.addObject();
                button.put("text", b.text());
                button.put("row", b.row());
                button.put("column", b.column());
                if (b.callbackData() != null) {
                    button.put("callback_data", b.callbackData());
                }
                if (b.url() != null) {
                    button.put("url", b.url());
                }
            }
        }
        return j;
    }

    /**
     * The messages the stand-in accepted from the bot since {@code since_ms} (epoch milliseconds of its own clock),
     * oldest first: what a benchmark on this machine measures delivery times against.
     */
    private static JsonNode received(StandInBot bot, String sinceMs) {
        long since = 0;
        if (sinceMs != null && !sinceMs.isBlank()) {
            try {
                since = Long.parseLong(sinceMs.strip());
            } catch (NumberFormatException e) {
                throw new UiError(400, "since_ms must be epoch milliseconds");
            }
        }
        var items = Json.array();
        for (Received r : bot.received()) {
            if (r.at().toEpochMilli() >= since) {
                items.add(Json.object().put("chat_id", r.chatId()).put("message_id", r.messageId())
                        .put("method", r.method()).put("text", r.text()).put("at_ms", r.at().toEpochMilli()));
            }
        }
        return Json.object().set("received", items);
    }

    private JsonNode stats(StandInBot bot) {
        ObjectNode o = Json.object();
        ObjectNode calls = o.putObject("calls");
        bot.callCounts().forEach(calls::put);
        ArrayNode tooMany = o.putArray("too_many_requests");
        for (TooManyRequests t : bot.tooManyRequests()) {
            ObjectNode j = tooMany.addObject();
            j.put("method", t.method());
            if (t.chatId() != null) {
                j.put("chat_id", t.chatId());
            }
            j.put("retry_after", t.retryAfter());
            j.put("reason", t.reason());
            j.put("at", t.at().toString());
        }
        List<CallbackAnswer> queries = bot.callbackQueries();
        ObjectNode cq = o.putObject("callback_queries");
        cq.put("total", queries.size());
        cq.put("unanswered", queries.stream().filter(q -> !q.answered()).count());
        o.put("pending_updates", bot.pendingUpdates());
        o.put("webhook_url", bot.webhookUrl().orElse(null));
        return o;
    }

    private static JsonNode fail(StandInBot bot, JsonNode b) {
        int count = b.path("count").asInt(1);
        int code = b.path("error_code").asInt(429);
        ForcedFailure failure;
        try {
            failure = ForcedFailure.of(code, b.path("retry_after").asInt(5));
        } catch (IllegalArgumentException e) {
            throw new UiError(400, e.getMessage());
        }
        bot.failNext(count, Json.text(b, "method"), failure);
        return Json.object().put("ok", true);
    }

    private static JsonNode json(byte[] body) {
        if (body == null || body.length == 0) {
            return Json.object();
        }
        JsonNode node = Json.parseOrNull(body);
        if (node == null || !node.isObject()) {
            throw new UiError(400, "the body must be a JSON object");
        }
        return node;
    }

    private static void checkOrigin(HttpExchange ex) {
        String origin = ex.getRequestHeaders().getFirst("Origin");
        String host = ex.getRequestHeaders().getFirst("Host");
        if (origin == null || origin.equals("null") && host == null) {
            return;
        }
        String originHost = origin.replaceFirst("^[a-z]+://", "");
        if (host == null || !originHost.equalsIgnoreCase(host)) {
            throw new UiError(403, "cross-site request refused");
        }
    }

    private static void error(HttpExchange ex, int status, String message) throws IOException {
        ObjectNode o = Json.object();
        o.put("error", message == null ? "error" : message);
        TelegramStandIn.send(ex, status, "application/json; charset=utf-8", Json.bytes(o));
    }
}
