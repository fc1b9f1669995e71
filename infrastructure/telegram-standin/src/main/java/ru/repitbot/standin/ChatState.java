package ru.repitbot.standin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** One chat of one bot (private: the chat id is the user's id; group: a negative id). Guarded by the bot's lock. */
final class ChatState {

    record Toast(long version, String text, boolean alert) {
    }

    final long id;
    final boolean group;
    final String title;
    TgUser user;
    final Map<Long, TgUser> members = new LinkedHashMap<>();
    final String chatInstance;
    final List<StoredMessage> messages = new ArrayList<>();
    final List<Toast> toasts = new ArrayList<>();
    boolean blocked;
    int nextMessageId = 1;
    /** The reply keyboard shown under the input: the markup object, or null. */
    ObjectNode replyKeyboard;
    long keyboardVersion;
    long typingUntilMillis;
    TokenBucket bucket;
    boolean persona;

    private ChatState(long id, boolean group, String title, TgUser user, String chatInstance) {
        this.id = id;
        this.group = group;
        this.title = title;
        this.user = user;
        this.chatInstance = chatInstance;
    }

    static ChatState privateChat(TgUser user, String chatInstance) {
        return new ChatState(user.id(), false, null, user, chatInstance);
    }

    static ChatState groupChat(long id, String title, String chatInstance) {
        return new ChatState(id, true, title, null, chatInstance);
    }

    ObjectNode json() {
        ObjectNode o = Json.object();
        o.put("id", id);
        if (group) {
            o.put("title", title);
            o.put("type", "group");
        } else {
            o.put("first_name", user.firstName());
            if (user.lastName() != null && !user.lastName().isBlank()) {
                o.put("last_name", user.lastName());
            }
            if (user.username() != null && !user.username().isBlank()) {
                o.put("username", user.username());
            }
            o.put("type", "private");
        }
        return o;
    }

    StoredMessage message(long messageId) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            StoredMessage m = messages.get(i);
            if (m.messageId == messageId) {
                return m.deleted ? null : m;
            }
        }
        return null;
    }

    /**
     * The newest version of anything the chat page shows of this chat: a message sent, edited or deleted, a toast,
     * the reply keyboard, typing, blocked. Caller holds the bot's lock.
     */
    long latestVersion() {
        long latest = keyboardVersion;
        for (StoredMessage m : messages) {
            latest = Math.max(latest, m.version);
        }
        for (Toast t : toasts) {
            latest = Math.max(latest, t.version());
        }
        return latest;
    }

    String name() {
        return group ? title : user.displayName();
    }
}
