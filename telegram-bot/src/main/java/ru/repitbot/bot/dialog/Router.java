package ru.repitbot.bot.dialog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.repitbot.bot.gateway.GatewayException;
import ru.repitbot.bot.gateway.SessionEndedException;
import ru.repitbot.bot.i18n.Texts;
import ru.repitbot.bot.session.DialogChange;
import ru.repitbot.bot.session.DialogState;
import ru.repitbot.bot.session.Login;
import ru.repitbot.config.logging.LogSafe;

/**
 * Decides which flow answers an event, runs it, and hands the reply to the {@link Delivery}. Precedence (docs/domain/bot.md#routing-precedence,
 * kept): registered commands ({@code /start}, {@code /cancel}, {@code /menu}, {@code /logout}, {@code /language}
 * and the flows' own; they leave any dialog) → a logged-in person's Telegram reply to a message the bot's dialogs did
 * not send ({@link SentMessages}; notification-service delivered it), which keeps the dialog → the input a dialog step
 * awaits (texts, photos, unregistered commands such as {@code /skip}) → button routes → reply-keyboard labels → the fallback: the main menu for a logged-in
 * person, the login ({@code whenAnonymous}) otherwise. Access is checked before a handler runs.
 *
 * <p>Failures never reach the person as a stack trace: gateway problems become one sentence ({@link ProblemTexts}),
 * an ended login asks for /start, anything else a generic apology (and an ERROR log line with the cause).
 */
public final class Router {

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final FlowRegistry registry;
    private final Turn.Factory turns;
    private final Delivery delivery;
    private final SentMessages sentMessages;
    private final Map<String, List<FlowRegistry.Entry>> labelsByText = new HashMap<>();

    public Router(FlowRegistry registry, Texts texts, Turn.Factory turns, Delivery delivery) {
        this(registry, texts, turns, delivery, SentMessages.NONE);
    }

    public Router(FlowRegistry registry, Texts texts, Turn.Factory turns, Delivery delivery,
            SentMessages sentMessages) {
        this.registry = registry;
        this.turns = turns;
        this.delivery = delivery;
        this.sentMessages = sentMessages;
        registry.labels().forEach((key, entry) -> texts.everyLanguage(key).forEach(
                text -> labelsByText.computeIfAbsent(text.strip(), t -> new ArrayList<>()).add(entry)));
    }

    /**
     * What handling one event came to: the decision's kind (for metrics) and the dialog change to save with the
     * update's outcome (null = the dialog is as it was).
     */
    public record Handled(String route, DialogChange dialog) {
    }

    /** Handles one event completely: decides, runs, delivers. The dialog change is left to the caller to save. */
    public Handled handle(BotEvent event) {
        return handle(event, delivery);
    }

    /** The same, delivering through {@code delivery} (an update handled again skips what was already sent). */
    public Handled handle(BotEvent event, Delivery delivery) {
        Turn turn = turns.create(event);
        Login login = turn.login().orElse(null);
        boolean foreignReply = login != null && isReply(event) && !sentByDialog(event);
        Decision decision = decide(event, login, turn.dialog().orElse(null), foreignReply);
        if (login != null && (decision instanceof Decision.Run || decision instanceof Decision.MainMenu)) {
            // Only for what is answered: a refused press calls nothing with the person's token.
            beforeEveryTurn(turn);
        }
        Reply reply;
        try {
            reply = run(decision, turn);
        } catch (SessionEndedException ended) {
            turn.signOut();
            reply = Reply.of(new Screen(turn.t("session.ended"), new Keyboard.Remove(), true))
                    .withToast(event.isCallback() ? turn.t("session.ended_short") : null);
        } catch (GatewayException failure) {
            log.info("Gateway call failed for update {}: {}", event.updateId(), LogSafe.value(failure.getMessage()));
            String sentence = ProblemTexts.sentence(failure, turn.t());
            reply = event.isCallback() ? Reply.alertOnly(sentence) : Reply.text(sentence);
        } catch (CallbackData.BadCallbackException bad) {
            // Button data comes from the chat: a forged one is cut and escaped before it reaches the log.
            log.info("Outdated or forged button in update {}: {}", event.updateId(), LogSafe.value(bad.getMessage()));
            reply = Reply.alertOnly(turn.t("error.outdated_button"));
        } catch (RuntimeException bug) {
            log.error("Update {} ({}) failed in {}", event.updateId(), event.kind(), describe(decision), bug);
            reply = event.isCallback() ? Reply.alertOnly(turn.t("error.internal")) : Reply.text(turn.t("error.internal"));
        }
        delivery.deliver(event, reply);
        return new Handled(describe(decision), turn.dialogChange());
    }

    private void beforeEveryTurn(Turn turn) {
        for (FlowRegistry.TurnHook hook : registry.hooks()) {
            try {
                hook.before(turn);
            } catch (RuntimeException e) {
                log.warn("A hook before update {} failed: {}", turn.event().updateId(), LogSafe.value(e.toString()));
            }
        }
    }

    /** Unknown (Redis failing) = the dialog's: the reply then goes where it would have gone before replies existed. */
    private boolean sentByDialog(BotEvent event) {
        try {
            return sentMessages.sentByDialog(event.chatId(), event.replyToMessageId());
        } catch (RuntimeException e) {
            log.warn("Could not tell whose message update {} replies to: {}", event.updateId(),
                    LogSafe.value(e.toString()));
            return true;
        }
    }

    private static boolean isReply(BotEvent event) {
        return !event.isCallback() && event.replyToMessageId() != null && event.command().isEmpty();
    }

    /** The routing rule alone (no I/O): what should answer this event. */
    public Decision decide(BotEvent event, Login login, DialogState dialog) {
        return decide(event, login, dialog, false);
    }

    /**
     * As {@link #decide(BotEvent, Login, DialogState)}; {@code foreignReply} = the event is a Telegram reply to a
     * message the bot's dialogs did not send (looked up by the caller): it goes to the reply handler, before the
     * dialog's step, and leaves the dialog as it was.
     */
    public Decision decide(BotEvent event, Login login, DialogState dialog, boolean foreignReply) {
        Optional<String> command = event.command();
        if (command.isPresent()) {
            Optional<FlowRegistry.Entry> entry = registry.command(command.get());
            if (entry.isPresent()) {
                return guard(entry.get(), login, dialog != null, "command");
            }
        }
        if (foreignReply && login != null && isReply(event) && registry.foreignReply().isPresent()) {
            return guard(registry.foreignReply().get(), login, false, "reply");
        }
        if (!event.isCallback() && dialog != null) {
            return registry.step(dialog.name(), dialog.step())
                    .<Decision>map(step -> new Decision.Run(step, false, "step"))
                    .orElseGet(Decision.StaleDialog::new);
        }
        if (event.isCallback()) {
            Optional<FlowRegistry.Entry> entry = CallbackData.parse(event.callbackData())
                    .flatMap(data -> registry.callback(data.route()));
            if (entry.isEmpty()) {
                return new Decision.Outdated();
            }
            boolean leavesDialog = dialog != null && !Objects.equals(entry.get().dialog(), dialog.name());
            return guard(entry.get(), login, leavesDialog, "callback");
        }
        if (event.text() != null && command.isEmpty()) {
            List<FlowRegistry.Entry> labels = labelsByText.getOrDefault(event.text().strip(), List.of());
            if (!labels.isEmpty()) {
                return labels.stream().filter(label -> label.access().admits(login)).findFirst()
                        .map(label -> guard(label, login, false, "label"))
                        .orElseGet(() -> login == null ? new Decision.NeedsLogin() : new Decision.NoAccess());
            }
        }
        if (login != null) {
            return new Decision.MainMenu();
        }
        if (command.isPresent() || registry.anonymous().isEmpty()) {
            // An unknown command from a stranger: the greeting of /start, not a login attempt with "/foo".
            return registry.command("start").<Decision>map(start -> new Decision.Run(start, false, "command"))
                    .orElseGet(Decision.NeedsLogin::new);
        }
        return new Decision.Run(registry.anonymous().get(), false, "anonymous");
    }

    private static Decision guard(FlowRegistry.Entry entry, Login login, boolean endDialog, String kind) {
        if (!entry.access().admits(login)) {
            return login == null ? new Decision.NeedsLogin() : new Decision.NoAccess();
        }
        if (entry.placeholder()) {
            return new Decision.Soon(endDialog);
        }
        return new Decision.Run(entry, endDialog, kind);
    }

    private Reply run(Decision decision, Turn turn) {
        boolean callback = turn.event().isCallback();
        return switch (decision) {
            case Decision.Run run -> {
                if (run.endDialog()) {
                    turn.endDialog();
                }
                Reply reply = run.entry().handler().handle(turn);
                yield reply == null ? Reply.none() : reply;
            }
            case Decision.Soon soon -> {
                if (soon.endDialog()) {
                    turn.endDialog();
                }
                yield turn.soon();
            }
            case Decision.NeedsLogin needs -> callback ? Reply.alertOnly(turn.t("auth.required"))
                    : Reply.text(turn.t("auth.required"));
            case Decision.NoAccess no -> callback ? Reply.alertOnly(turn.t("error.no_access"))
                    : Reply.text(turn.t("error.no_access"));
            case Decision.Outdated outdated -> Reply.alertOnly(turn.t("error.outdated_button"));
            case Decision.StaleDialog stale -> {
                turn.endDialog();
                yield turn.login().isPresent() ? Reply.of(turn.mainMenu(turn.t("dialog.stale")))
                        : Reply.text(turn.t("dialog.stale"));
            }
            case Decision.MainMenu menu -> Reply.of(turn.mainMenu());
        };
    }

    private static String describe(Decision decision) {
        return switch (decision) {
            case Decision.Run run -> run.kind();
            case Decision.Soon soon -> "soon";
            case Decision.NeedsLogin needs -> "needs_login";
            case Decision.NoAccess no -> "no_access";
            case Decision.Outdated outdated -> "outdated";
            case Decision.StaleDialog stale -> "stale_dialog";
            case Decision.MainMenu menu -> "menu";
        };
    }
}
