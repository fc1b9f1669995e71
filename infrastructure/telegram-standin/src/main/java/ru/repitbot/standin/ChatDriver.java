package ru.repitbot.standin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * One user in one chat with the bot, driven from a test: everything the chat page lets a person do.
 *
 * <pre>{@code
 * ChatDriver anna = standIn.user(1001, "Анна");
 * anna.send("/start");
 * ChatMessage hello = anna.awaitBotMessage(m -> m.text().contains("код"), Duration.ofSeconds(5));
 * String query = anna.press("Мои ученики");
 * assertThat(anna.awaitCallbackAnswer(query, Duration.ofSeconds(5)).answered()).isTrue();
 * }</pre>
 *
 * {@code awaitBotMessage} looks at the bot's messages that are new or edited since this driver's last action
 * (send, press, photo, document), so an old message never satisfies a wait for the reply to a new action.
 */
public final class ChatDriver {

    private final StandInBot bot;
    private final ChatState chat;
    private final TgUser user;
    private volatile long marker;

    ChatDriver(StandInBot bot, ChatState chat, TgUser user) {
        this.bot = bot;
        this.chat = chat;
        this.user = user;
        this.marker = bot.version();
    }

    public long chatId() {
        return chat.id;
    }

    public long userId() {
        return user.id();
    }

    public StandInBot bot() {
        return bot;
    }

    /** Sends a text message as this user (a message update); returns the message the bot will see. */
    public ChatMessage send(String text) {
        mark();
        return snapshot(bot.userText(chat, user, text, false));
    }

    /**
     * Presses a button by its text: an inline button on the newest bot message that has it (a callback_query
     * update; returns the query id, see {@link #awaitCallbackAnswer}), else a button of the reply keyboard shown
     * under the input (sends its text; returns null).
     *
     * @throws IllegalStateException when no such button is shown (the message lists what is)
     */
    public String press(String buttonText) {
        Objects.requireNonNull(buttonText, "buttonText");
        int[] found = null;
        bot.lock.lock();
        try {
            for (int i = chat.messages.size() - 1; i >= 0 && found == null; i--) {
                StoredMessage m = chat.messages.get(i);
                if (!m.fromBot || m.deleted) {
                    continue;
                }
                for (Button b : m.snapshot().buttons()) {
                    if (b.text().equals(buttonText)) {
                        found = new int[] {m.messageId, b.row(), b.column()};
                        break;
                    }
                }
            }
        } finally {
            bot.lock.unlock();
        }
        if (found != null) {
            mark();
            return bot.userPress(chat, user, found[0], found[1], found[2]);
        }
        if (replyKeyboard().stream().anyMatch(row -> row.contains(buttonText))) {
            mark();
            bot.userText(chat, user, buttonText, true);
            return null;
        }
        throw new IllegalStateException("no button '" + buttonText + "' in chat " + chat.id + "; inline buttons: "
                + inlineButtonTexts() + ", reply keyboard: " + replyKeyboard() + "\n" + transcript());
    }

    /** Presses the inline button at row/column (from 0) of a bot message; returns the callback query id. */
    public String press(int messageId, int row, int column) {
        mark();
        return bot.userPress(chat, user, messageId, row, column);
    }

    public ChatMessage sendPhoto(byte[] bytes) {
        return sendPhoto(bytes, null);
    }

    public ChatMessage sendPhoto(byte[] bytes, String caption) {
        mark();
        return snapshot(bot.userMedia(chat, user, true, bytes, null, null, caption));
    }

    public ChatMessage sendDocument(String fileName, byte[] bytes) {
        return sendDocument(fileName, null, bytes, null);
    }

    public ChatMessage sendDocument(String fileName, String mimeType, byte[] bytes, String caption) {
        mark();
        return snapshot(bot.userMedia(chat, user, false, bytes, fileName, mimeType, caption));
    }

    /** This user blocks the bot: a my_chat_member update, and the bot's messages here get 403. */
    public void blockBot() {
        bot.setBlocked(chat, true);
    }

    /** Unblocks (a message or a button press unblocks too, as "Restart" does in Telegram). */
    public void unblockBot() {
        bot.setBlocked(chat, false);
    }

    /** Every message of the chat, oldest first, deleted ones left out. */
    public List<ChatMessage> messages() {
        return bot.messages(chat.id).stream().filter(m -> !m.deleted()).toList();
    }

    public List<ChatMessage> botMessages() {
        return messages().stream().filter(ChatMessage::fromBot).toList();
    }

    /** The bot's newest message here. @throws IllegalStateException when the bot has sent none */
    public ChatMessage lastBotMessage() {
        List<ChatMessage> mine = botMessages();
        if (mine.isEmpty()) {
            throw new IllegalStateException("the bot has sent nothing to chat " + chat.id);
        }
        return mine.getLast();
    }

    /**
     * Waits for a bot message, new or edited since this user's last action, that matches; the oldest such.
     *
     * @throws AssertionError on timeout, with the chat so far
     */
    public ChatMessage awaitBotMessage(Predicate<ChatMessage> condition, Duration timeout) {
        long since = marker;
        ChatMessage found = bot.await(() -> {
            for (StoredMessage m : chat.messages) {
                if (m.fromBot && !m.deleted && m.version > since) {
                    ChatMessage s = m.snapshot();
                    if (condition.test(s)) {
                        return s;
                    }
                }
            }
            return null;
        }, timeout);
        if (found == null) {
            throw new AssertionError("no matching bot message in chat " + chat.id + " within " + timeout
                    + " of the last action\n" + transcript());
        }
        return found;
    }

    /** Any bot message, new or edited since this user's last action. */
    public ChatMessage awaitBotMessage(Duration timeout) {
        return awaitBotMessage(m -> true, timeout);
    }

    /** Waits until the bot answered the callback query (answerCallbackQuery). @throws AssertionError on timeout */
    public CallbackAnswer awaitCallbackAnswer(String queryId, Duration timeout) {
        CallbackAnswer answer = bot.await(() -> {
            CallbackRecord r = bot.callback(queryId);
            return r != null && r.answered ? r.snapshot() : null;
        }, timeout);
        if (answer == null) {
            throw new AssertionError("callback query " + queryId + " was not answered within " + timeout);
        }
        return answer;
    }

    /** The callback queries of this chat and their answers, oldest first. */
    public List<CallbackAnswer> callbackAnswers() {
        return bot.callbackQueries().stream().filter(c -> c.chatId() == chat.id).toList();
    }

    /** The reply keyboard shown under the input now (rows of button texts; empty when none). */
    public List<List<String>> replyKeyboard() {
        bot.lock.lock();
        try {
            List<List<String>> rows = new ArrayList<>();
            if (chat.replyKeyboard != null) {
                for (JsonNode row : chat.replyKeyboard.path("keyboard")) {
                    List<String> texts = new ArrayList<>();
                    row.forEach(b -> texts.add(Json.text(b, "text")));
                    rows.add(List.copyOf(texts));
                }
            }
            return List.copyOf(rows);
        } finally {
            bot.lock.unlock();
        }
    }

    /** The chat as text, one line a message (for failure messages). */
    public String transcript() {
        StringBuilder b = new StringBuilder("chat ").append(chat.id).append(":\n");
        for (ChatMessage m : bot.messages(chat.id)) {
            b.append("  ").append(m).append('\n');
        }
        List<List<String>> keyboard = replyKeyboard();
        if (!keyboard.isEmpty()) {
            b.append("  reply keyboard: ").append(keyboard).append('\n');
        }
        return b.toString();
    }

    private List<String> inlineButtonTexts() {
        List<String> all = new ArrayList<>();
        botMessages().forEach(m -> all.addAll(m.buttonTexts()));
        return all;
    }

    private void mark() {
        marker = bot.version();
    }

    private ChatMessage snapshot(StoredMessage m) {
        bot.lock.lock();
        try {
            return m.snapshot();
        } finally {
            bot.lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "ChatDriver[chat=" + chat.id + ", user=" + user.displayName() + "]";
    }
}
