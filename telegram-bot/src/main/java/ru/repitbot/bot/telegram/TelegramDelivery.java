package ru.repitbot.bot.telegram;

import java.util.List;
import ru.repitbot.bot.dialog.BotEvent;
import ru.repitbot.bot.dialog.Delivery;
import ru.repitbot.bot.dialog.Outgoing;
import ru.repitbot.bot.dialog.Reply;
import ru.repitbot.bot.dialog.Screen;

/**
 * Sends a reply over the Bot API: a button press is answered first (always — with the toast or alert if any — so the
 * spinner stops even if what follows fails), then the first editable screen replaces the pressed message, and the
 * rest go out as new messages, in order.
 *
 * <p>A reply of several messages notes in Redis how many Telegram accepted, after each but the last (the last is
 * covered by the update's done mark). An update handled again after a crash is delivered {@link #resuming} from
 * there, so a message is repeated only if the bot died between Telegram accepting it and that one Redis write.
 */
public final class TelegramDelivery implements Delivery {

    private final TelegramSender sender;
    private final UpdateQueue queue;
    private final DialogMessages dialogMessages;

    public TelegramDelivery(TelegramSender sender, UpdateQueue queue, DialogMessages dialogMessages) {
        this.sender = sender;
        this.queue = queue;
        this.dialogMessages = dialogMessages;
    }

    @Override
    public void deliver(BotEvent event, Reply reply) {
        deliver(event, reply, 0);
    }

    /** The delivery of an update handled again: the first {@code alreadySent} messages of its reply went out before. */
    public Delivery resuming(int alreadySent) {
        return alreadySent <= 0 ? this : (event, reply) -> deliver(event, reply, alreadySent);
    }

    private void deliver(BotEvent event, Reply reply, int skip) {
        if (event.isCallback()) {
            // Handled again: Telegram may say the press was answered already; the sender just logs that.
            sender.answerCallback(event.callbackId(), reply.toast(), reply.alert());
        }
        List<Outgoing> messages = reply.messages();
        for (int i = skip; i < messages.size(); i++) {
            Outgoing message = messages.get(i);
            boolean edited = i == 0 && event.isCallback() && event.messageId() != null
                    && message instanceof Screen screen && screen.editable()
                    && sender.edit(event.chatId(), event.isGroup(), event.messageId(), screen);
            if (!edited) {
                sender.send(event.chatId(), event.isGroup(), message)
                        .ifPresent(id -> dialogMessages.record(event.chatId(), id));
            }
            if (i < messages.size() - 1) {
                queue.recordSent(event.updateId(), i + 1);
            }
        }
    }
}
