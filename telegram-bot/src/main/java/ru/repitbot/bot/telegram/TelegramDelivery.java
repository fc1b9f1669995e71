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
 */
public final class TelegramDelivery implements Delivery {

    private final TelegramSender sender;

    public TelegramDelivery(TelegramSender sender) {
        this.sender = sender;
    }

    @Override
    public void deliver(BotEvent event, Reply reply) {
        if (event.isCallback()) {
            sender.answerCallback(event.callbackId(), reply.toast(), reply.alert());
        }
        List<Outgoing> messages = reply.messages();
        for (int i = 0; i < messages.size(); i++) {
            Outgoing message = messages.get(i);
            boolean edited = i == 0 && event.isCallback() && event.messageId() != null
                    && message instanceof Screen screen && screen.editable()
                    && sender.edit(event.chatId(), event.isGroup(), event.messageId(), screen);
            if (!edited) {
                sender.send(event.chatId(), event.isGroup(), message);
            }
        }
    }
}
