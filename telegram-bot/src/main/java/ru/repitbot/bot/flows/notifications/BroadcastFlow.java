package ru.repitbot.bot.flows.notifications;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import ru.repitbot.bot.dialog.Access;
import ru.repitbot.bot.dialog.Button;
import ru.repitbot.bot.dialog.CallbackData;
import ru.repitbot.bot.dialog.Flow;
import ru.repitbot.bot.dialog.FlowRegistry;
import ru.repitbot.bot.dialog.Keyboard;
import ru.repitbot.bot.dialog.Reply;
import ru.repitbot.bot.dialog.Screen;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.flows.Labels;
import ru.repitbot.bot.flows.Routes;
import ru.repitbot.bot.flows.notifications.NotifyModels.Broadcast;
import ru.repitbot.bot.flows.notifications.NotifyModels.BroadcastFailure;
import ru.repitbot.bot.flows.student.FamilyTexts;
import ru.repitbot.bot.gateway.GatewayProblem;
import ru.repitbot.bot.gateway.model.Page;
import ru.repitbot.bot.i18n.Html;
import ru.repitbot.bot.i18n.Lang;
import ru.repitbot.bot.session.DialogState;
import ru.repitbot.bot.time.DateTimeText;
import ru.repitbot.models.Role;
import tools.jackson.core.type.TypeReference;

/**
 * The tutor's "📣 Рассылка" (docs/domain/notifications.md#q17-messages-are-stored): the audience (students, parents or
 * both — only the tutor's own, notification-service decides who) → the text, a photo or a document → confirm →
 * {@code POST /api/v1/broadcasts} → the status: total, sent, queued, failed, unreachable, cancelled, with
 * "🔄 Обновить", "⛔ Отменить рассылку" while it runs ({@code POST …/cancel}; a 409 means it has finished), and the
 * failures with their reasons once it has. "📋 Прошлые рассылки" lists the tutor's broadcasts.
 */
@Component
public class BroadcastFlow implements Flow {

    static final String DIALOG = "bc.write";
    static final Set<String> AUDIENCES = Set.of("students", "parents", "both");
    private static final Access TUTOR = Access.roles(Role.TUTOR);
    private static final TypeReference<Page<Broadcast>> BROADCASTS = new TypeReference<>() {
    };
    private static final int FAILURES_SHOWN = 30;

    @Override
    public void register(FlowRegistry registry) {
        registry.label(Labels.TUTOR_BROADCAST, TUTOR, turn -> Reply.of(menu(turn)));
        registry.callback(NotifyRoutes.BROADCAST, TUTOR, turn -> Reply.of(menu(turn)));
        registry.callback(NotifyRoutes.AUDIENCE, TUTOR, this::askText);
        registry.step(DIALOG, "content", this::content);
        registry.step(DIALOG, "confirm", this::content);
        registry.dialogCallback(NotifyRoutes.BROADCAST_SEND, DIALOG, TUTOR, this::send);
        registry.callback(NotifyRoutes.BROADCAST_VIEW, TUTOR, turn -> Reply.of(status(turn,
                turn.gateway().get(Broadcast.class, "/api/v1/broadcasts/{id}", turn.longArg(0)), null)));
        registry.callback(NotifyRoutes.BROADCAST_CANCEL, TUTOR, this::cancel);
        registry.callback(NotifyRoutes.BROADCASTS, TUTOR, turn -> Reply.of(list(turn, turn.intArg(0))));
    }

    Screen menu(Turn turn) {
        return Screen.of(turn.t("bc.title"), Keyboard.inline()
                .row(Button.of(turn.t("bc.audience.students"), NotifyRoutes.AUDIENCE.data("students")),
                        Button.of(turn.t("bc.audience.parents"), NotifyRoutes.AUDIENCE.data("parents")))
                .row(Button.of(turn.t("bc.audience.both"), NotifyRoutes.AUDIENCE.data("both")))
                .row(Button.of(turn.t("bc.history"), NotifyRoutes.BROADCASTS.data(1)))
                .row(Button.of(turn.t("common.to_main_menu"), Routes.MENU.data()))
                .build());
    }

    private Reply askText(Turn turn) {
        String audience = turn.callback().arg(0);
        if (!AUDIENCES.contains(audience)) {
            throw new CallbackData.BadCallbackException("unknown audience " + audience);
        }
        turn.startDialog(DIALOG, "content", Map.of("audience", audience));
        return Reply.of(Screen.of(turn.t("bc.ask_text", turn.t("bc.who." + audience)), Keyboard.inline()
                .row(Button.of(turn.t("common.cancel"), NotifyRoutes.BROADCAST.data())).build()));
    }

    private Reply content(Turn turn) {
        var content = Compose.capture(turn);
        if (content.isEmpty()) {
            return Reply.text(turn.t("msg.need_content"));
        }
        turn.nextStep("confirm", content.get());
        DialogState state = turn.state();
        return Reply.of(Screen.of(turn.t().raw("bc.confirm", turn.t("bc.who." + state.get("audience")),
                Compose.preview(turn, state)), Keyboard.inline()
                .row(Button.of(turn.t("bc.send"), NotifyRoutes.BROADCAST_SEND.data()))
                .row(Button.of(turn.t("bc.send_urgent"), NotifyRoutes.BROADCAST_SEND.data(1)))
                .row(Button.of(turn.t("common.cancel"), NotifyRoutes.BROADCAST.data()))
                .build()));
    }

    /** {@code POST /api/v1/broadcasts}; a refusal (400) or the service down keeps the dialog to press again. */
    private Reply send(Turn turn) {
        DialogState state = turn.state();
        if (!"confirm".equals(state.step())) {
            return Reply.alertOnly(turn.t("msg.need_content"));
        }
        Map<String, Object> body = new HashMap<>(Compose.body(state));
        body.put("audience", state.get("audience"));
        if (Compose.urgent(turn)) {
            body.put("urgent", true);
        }
        Broadcast broadcast = turn.gateway().post(Broadcast.class, "/api/v1/broadcasts", body);
        turn.endDialog();
        return Reply.of(status(turn, broadcast, null));
    }

    private Reply cancel(Turn turn) {
        long id = turn.longArg(0);
        try {
            Broadcast broadcast = turn.gateway().post(Broadcast.class, "/api/v1/broadcasts/{id}/cancel", Map.of(), id);
            return Reply.of(status(turn, broadcast, turn.t("bc.cancelled")));
        } catch (GatewayProblem problem) {
            if (!problem.isConflict()) {
                throw problem;
            }
            Broadcast now = turn.gateway().get(Broadcast.class, "/api/v1/broadcasts/{id}", id);
            return Reply.of(status(turn, now, null)).withToast(turn.t("bc.already_finished"));
        }
    }

    /** The broadcast as the service last counted it; "refresh" reads it again. */
    Screen status(Turn turn, Broadcast broadcast, String headline) {
        Lang t = turn.t();
        StringBuilder text = new StringBuilder();
        if (headline != null) {
            text.append(headline).append("\n\n");
        }
        String when = broadcast.createdAt() == null ? "" : DateTimeText.dateTime(broadcast.createdAt(), turn.zone());
        text.append(t.get("bc.status.title", when, statusName(t, broadcast.status()))).append('\n');
        text.append(t.get("bc.who." + (AUDIENCES.contains(broadcast.audience()) ? broadcast.audience() : "both")))
                .append("\n\n");
        text.append(t.get("bc.status.counts", String.valueOf(broadcast.total()), String.valueOf(broadcast.sent()),
                String.valueOf(broadcast.queued()))).append('\n');
        text.append(t.get("bc.status.counts_more", String.valueOf(broadcast.failed()),
                String.valueOf(broadcast.unreachable()), String.valueOf(broadcast.cancelled())));
        if (broadcast.text() != null && !broadcast.text().isBlank()) {
            text.append("\n\n").append(t.get("bc.status.text", FamilyTexts.shorten(broadcast.text(), 200)));
        }
        List<BroadcastFailure> failures = broadcast.failures();
        if (!broadcast.running() && !failures.isEmpty()) {
            text.append("\n\n").append(t.get("bc.failures"));
            failures.stream().limit(FAILURES_SHOWN).forEach(failure -> text.append('\n').append(t.get("bc.failure",
                    failure.fullName() == null ? "#" + failure.userId() : failure.fullName(),
                    reason(t, failure))));
            if (failures.size() > FAILURES_SHOWN) {
                text.append("\n…");
            }
        }
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        keyboard.row(Button.of(t.get("bc.refresh"), NotifyRoutes.BROADCAST_VIEW.data(broadcast.id())));
        if (broadcast.running()) {
            keyboard.row(Button.of(t.get("bc.cancel"), NotifyRoutes.BROADCAST_CANCEL.data(broadcast.id())));
        }
        keyboard.row(Button.of(t.get("bc.to_menu"), NotifyRoutes.BROADCAST.data()));
        return Screen.of(text.toString(), keyboard.build());
    }

    private static String statusName(Lang t, String status) {
        String key = "bc.status." + status;
        return t.has(key) ? t.get(key) : Html.escape(String.valueOf(status));
    }

    /** The failure's reason as the service words it; the unreachable ones in the person's words. */
    private static String reason(Lang t, BroadcastFailure failure) {
        String key = "ur.reason." + failure.reason();
        if (failure.reason() != null && t.has(key)) {
            return t.get(key);
        }
        return failure.reason() != null ? failure.reason() : String.valueOf(failure.status());
    }

    Screen list(Turn turn, int page) {
        Page<Broadcast> broadcasts = turn.gateway().get(BROADCASTS, "/api/v1/broadcasts?page={page}&size={size}",
                Math.max(1, page), MessagesFlow.PAGE_SIZE);
        Lang t = turn.t();
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        String text;
        if (broadcasts.total() == 0) {
            text = t.get("bc.list.empty");
        } else {
            text = t.get("bc.list.title", String.valueOf(broadcasts.total()));
            for (Broadcast broadcast : broadcasts.items()) {
                String when = broadcast.createdAt() == null ? ""
                        : DateTimeText.shortDate(broadcast.createdAt(), turn.zone());
                String emoji = broadcast.running() ? "⏳" : "cancelled".equals(broadcast.status()) ? "⛔" : "✅";
                keyboard.row(Button.of(FamilyTexts.shorten(t.raw("bc.list.button", emoji, when,
                        broadcast.text() == null ? "📎" : broadcast.text()), FamilyTexts.BUTTON_TEXT),
                        NotifyRoutes.BROADCAST_VIEW.data(broadcast.id())));
            }
        }
        keyboard.row(FamilyTexts.pager(t, broadcasts.page(), broadcasts.pages(), NotifyRoutes.BROADCASTS::data));
        keyboard.row(Button.of(t.get("bc.to_menu"), NotifyRoutes.BROADCAST.data()));
        return Screen.of(text, keyboard.build());
    }
}
