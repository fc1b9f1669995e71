package ru.repitbot.e2e.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import ru.repitbot.e2e.RepitbotStack;
import ru.repitbot.testsupport.ApiClient;
import ru.repitbot.testsupport.ApiClient.ApiResponse;
import tools.jackson.databind.JsonNode;

/**
 * One person's Telegram chat with the real bot, through the Telegram stand-in that {@code ./repitbot up} starts
 * (its UI API, the same one the chat page uses): type, press inline and reply-keyboard buttons, read the replies.
 * Waits only ever look at bot messages new or edited since this person's last action.
 */
public final class BotChat {

    public static final String STANDIN = "http://127.0.0.1:" + RepitbotStack.STANDIN_PORT;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ApiClient ui = new ApiClient(STANDIN);
    private final long chatId;
    private final Map<Long, JsonNode> messages = new LinkedHashMap<>();
    private long version;
    /** Message versions seen when the last action was taken: anything newer is an answer to it. */
    private long actionVersion;
    private JsonNode replyKeyboard;
    private final List<JsonNode> toasts = new ArrayList<>();

    private BotChat(long chatId) {
        this.chatId = chatId;
    }

    /** A new Telegram user (their own private chat) with a made-up id. */
    public static BotChat newUser(String firstName) {
        ApiResponse r = new ApiClient(STANDIN).post("/ui/api/users", Map.of("first_name", firstName));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        BotChat chat = new BotChat(r.json().get("chat_id").asLong());
        chat.refresh();
        return chat;
    }

    /** A chat of a Telegram account with a known id (e.g. the one an access code is already bound to). */
    public static BotChat user(long telegramId, String firstName) {
        ApiResponse r = new ApiClient(STANDIN).post("/ui/api/users", Map.of("first_name", firstName,
                "telegram_id", telegramId));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        BotChat chat = new BotChat(r.json().get("chat_id").asLong());
        chat.refresh();
        return chat;
    }

    public long chatId() {
        return chatId;
    }

    /** Types a message (a command or text). */
    public BotChat send(String text) {
        mark();
        ApiResponse r = ui.post("/ui/api/chats/" + chatId + "/send", Map.of("text", text));
        assertThat(r.status()).as("send %s: %s", text, r).isEqualTo(200);
        return this;
    }

    /** Presses a button with this text: an inline one on the newest bot message that has it, else a reply key. */
    public BotChat press(String buttonText) {
        refresh();
        List<JsonNode> bot = cachedBotMessages();
        for (int i = bot.size() - 1; i >= 0; i--) {
            JsonNode m = bot.get(i);
            for (JsonNode row : m.path("inline_keyboard")) {
                for (JsonNode button : row) {
                    if (button.path("text").asString().contains(buttonText)) {
                        mark();
                        ApiResponse r = ui.post("/ui/api/chats/" + chatId + "/press", Map.of("message_id",
                                m.get("message_id").asLong(), "row", button.get("row").asInt(), "column",
                                button.get("column").asInt()));
                        assertThat(r.status()).as("press %s: %s", buttonText, r).isEqualTo(200);
                        return this;
                    }
                }
            }
        }
        if (replyKeyboard != null) {
            for (JsonNode row : replyKeyboard.path("rows")) {
                for (JsonNode key : row) {
                    String text = key.isString() ? key.asString() : key.path("text").asString();
                    if (text.contains(buttonText)) {
                        mark();
                        ApiResponse r = ui.post("/ui/api/chats/" + chatId + "/send", Map.of("text", text,
                                "via_keyboard", true));
                        assertThat(r.status()).as("%s", r).isEqualTo(200);
                        return this;
                    }
                }
            }
        }
        throw new AssertionError("no button '" + buttonText + "' in the chat:\n" + transcript());
    }

    /**
     * Presses the first inline button of the newest bot message, sending {@code callbackData} instead of the
     * button's own data — what a modified Telegram client can do; the bot must check what the data refer to.
     */
    public BotChat pressForged(String callbackData) {
        refresh();
        List<JsonNode> bot = cachedBotMessages();
        for (int i = bot.size() - 1; i >= 0; i--) {
            JsonNode m = bot.get(i);
            if (m.path("inline_keyboard").size() > 0) {
                mark();
                ApiResponse r = ui.post("/ui/api/chats/" + chatId + "/press", Map.of("message_id",
                        m.get("message_id").asLong(), "row", 0, "column", 0, "callback_data", callbackData));
                assertThat(r.status()).as("%s", r).isEqualTo(200);
                return this;
            }
        }
        throw new AssertionError("no bot message with buttons:\n" + transcript());
    }

    /** Waits for a callback answer (toast or alert) or a bot message since the last action containing the text. */
    public String awaitNotice(String fragment) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            refresh();
            for (JsonNode toast : toasts) {
                if (toast.path("version").asLong() > actionVersion && toast.path("text").asString().contains(fragment)) {
                    return toast.path("text").asString();
                }
            }
            for (JsonNode m : cachedBotMessages()) {
                if (m.path("version").asLong() > actionVersion && m.path("text").asString().contains(fragment)) {
                    return m.path("text").asString();
                }
            }
            sleep(150);
        }
        throw new AssertionError("no notice '" + fragment + "' within " + WAIT + "; the chat:\n" + transcript());
    }

    /**
     * Waits up to {@code within} for a bot message of any time (not only since the last action: a notice is not an
     * answer to anything) whose text or caption contains every fragment; returns its text.
     */
    public String awaitMessage(Duration within, String... fragments) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            refresh();
            for (JsonNode m : cachedBotMessages()) {
                String text = m.path("text").asString("") + " " + m.path("caption").asString("");
                if (java.util.Arrays.stream(fragments).allMatch(text::contains)) {
                    return text;
                }
            }
            sleep(250);
        }
        throw new AssertionError("no bot message with " + String.join(" & ", fragments) + " within " + within
                + "; the chat:\n" + transcript());
    }

    /** How many bot messages of any time contain every fragment. */
    public long countMessages(String... fragments) {
        refresh();
        return cachedBotMessages().stream().map(m -> m.path("text").asString("") + " " + m.path("caption").asString(""))
                .filter(text -> java.util.Arrays.stream(fragments).allMatch(text::contains)).count();
    }

    /** Waits for a bot message, new or edited since the last action, whose text contains every fragment. */
    public JsonNode awaitReply(String... fragments) {
        return awaitReply(m -> {
            String text = m.path("text").asString("") + " " + m.path("caption").asString("");
            for (String f : fragments) {
                if (!text.contains(f)) {
                    return false;
                }
            }
            return true;
        }, String.join(" & ", fragments));
    }

    /** Waits for a bot message, new or edited since the last action, with an inline button showing this text. */
    public JsonNode awaitButton(String buttonText) {
        return awaitReply(m -> {
            for (JsonNode row : m.path("inline_keyboard")) {
                for (JsonNode button : row) {
                    if (button.path("text").asString().contains(buttonText)) {
                        return true;
                    }
                }
            }
            return false;
        }, "a button '" + buttonText + "'");
    }

    public JsonNode awaitReply(Predicate<JsonNode> wanted, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            refresh();
            Optional<JsonNode> found = cachedBotMessages().stream()
                    .filter(m -> m.path("version").asLong() > actionVersion).filter(wanted).reduce((a, b) -> b);
            if (found.isPresent()) {
                return found.get();
            }
            sleep(150);
        }
        throw new AssertionError("the bot did not answer " + what + " within " + WAIT + "; the chat:\n"
                + transcript());
    }

    /** The bot's messages in this chat as they are now, oldest first (deleted ones left out). */
    public List<JsonNode> botMessages() {
        refresh();
        return cachedBotMessages();
    }

    private List<JsonNode> cachedBotMessages() {
        List<JsonNode> result = new ArrayList<>();
        messages.values().forEach(m -> {
            if (m.path("from_bot").asBoolean() && !m.path("deleted").asBoolean()) {
                result.add(m);
            }
        });
        return result;
    }

    public String transcript() {
        StringBuilder text = new StringBuilder();
        messages.values().forEach(m -> {
            text.append(m.path("from_bot").asBoolean() ? "bot: " : "user: ").append(m.path("text").asString(""));
            m.path("inline_keyboard").forEach(row -> row.forEach(b -> text.append(" [")
                    .append(b.path("text").asString()).append(']')));
            text.append('\n');
        });
        return text.toString();
    }

    private void mark() {
        refresh();
        actionVersion = version;
    }

    private void refresh() {
        ApiResponse r = ui.get("/ui/api/chats/" + chatId + "/messages?since=" + version);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        JsonNode body = r.json();
        body.path("messages").forEach(m -> messages.put(m.get("message_id").asLong(), m));
        body.path("toasts").forEach(toasts::add);
        version = Math.max(version, body.path("version").asLong());
        if (body.has("reply_keyboard")) {
            replyKeyboard = body.get("reply_keyboard").isNull() ? null : body.get("reply_keyboard");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
