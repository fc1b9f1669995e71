package ru.repitbot.bot.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import ru.repitbot.bot.i18n.Language;
import ru.repitbot.bot.i18n.Texts;
import ru.repitbot.bot.session.DialogState;
import ru.repitbot.bot.session.Login;
import ru.repitbot.models.Role;

/** The routing rule alone: which handler answers which event, in which order, for whom. */
class RouterTest {

    static final CallbackRoute VIEW = CallbackRoute.of("t.v");
    static final CallbackRoute SOON = CallbackRoute.of("t.soon");
    static final CallbackRoute SKIP = CallbackRoute.of("t.skip");

    final Handler start = turn -> Reply.text("start");
    final Handler cancel = turn -> Reply.text("cancel");
    final Handler view = turn -> Reply.text("view");
    final Handler label = turn -> Reply.text("label");
    final Handler step = turn -> Reply.text("step");
    final Handler skip = turn -> Reply.text("skip");
    final Handler anonymous = turn -> Reply.text("anonymous");

    final FlowRegistry registry = FlowRegistry.of(List.of(r -> r
            .command("start", Access.anyone(), start)
            .command("cancel", Access.anyone(), cancel)
            .callback(VIEW, Access.roles(Role.TUTOR), view)
            .placeholder(SOON, Access.roles(Role.TUTOR))
            .dialogCallback(SKIP, "add", Access.roles(Role.TUTOR), skip)
            .label("label.students", Access.roles(Role.TUTOR), label)
            .step("add", "name", step)
            .whenAnonymous(anonymous)));
    final Router router = new Router(registry, texts(), null, null);

    static final Login TUTOR = login(Role.TUTOR);
    static final Login STUDENT = login(Role.STUDENT);
    static final DialogState ADDING = new DialogState("add", "name", Map.of());

    @Test
    void commandsComeFirstAndLeaveTheDialog() {
        assertThat(router.decide(text("/cancel"), TUTOR, ADDING))
                .isEqualTo(new Decision.Run(registry.command("cancel").orElseThrow(), true, "command"));
        assertThat(router.decide(text("/start@RepitBot"), null, null))
                .isEqualTo(new Decision.Run(registry.command("start").orElseThrow(), false, "command"));
    }

    @Test
    void aDialogStepTakesTextsLabelsAndUnknownCommandsBeforeAnythingElse() {
        Decision.Run expected = new Decision.Run(registry.step("add", "name").orElseThrow(), false, "step");
        assertThat(router.decide(text("Иван Петров"), TUTOR, ADDING)).isEqualTo(expected);
        assertThat(router.decide(text("🎓 Students"), TUTOR, ADDING)).isEqualTo(expected);
        assertThat(router.decide(text("/skip"), TUTOR, ADDING)).isEqualTo(expected);
    }

    @Test
    void aDialogWhoseStepNoLongerExistsIsLeft() {
        assertThat(router.decide(text("x"), TUTOR, new DialogState("add", "gone", Map.of())))
                .isInstanceOf(Decision.StaleDialog.class);
    }

    @Test
    void buttonsGoToTheirRouteAndLeaveADialogUnlessTheyBelongToIt() {
        assertThat(router.decide(press("t.v:5"), TUTOR, null))
                .isEqualTo(new Decision.Run(registry.callback("t.v").orElseThrow(), false, "callback"));
        assertThat(router.decide(press("t.v:5"), TUTOR, ADDING))
                .isEqualTo(new Decision.Run(registry.callback("t.v").orElseThrow(), true, "callback"));
        assertThat(router.decide(press("t.skip"), TUTOR, ADDING))
                .isEqualTo(new Decision.Run(registry.callback("t.skip").orElseThrow(), false, "callback"));
    }

    @Test
    void labelsMatchTheirTextInEveryLanguage() {
        Decision.Run expected = new Decision.Run(registry.labels().get("label.students"), false, "label");
        assertThat(router.decide(text("🎓 Список учеников"), TUTOR, null)).isEqualTo(expected);
        assertThat(router.decide(text(" 🎓 Students "), TUTOR, null)).isEqualTo(expected);
    }

    @Test
    void theRoleIsCheckedBeforeAnyHandlerRuns() {
        assertThat(router.decide(press("t.v:5"), STUDENT, null)).isInstanceOf(Decision.NoAccess.class);
        assertThat(router.decide(text("🎓 Список учеников"), STUDENT, null)).isInstanceOf(Decision.NoAccess.class);
        assertThat(router.decide(press("t.v:5"), null, null)).isInstanceOf(Decision.NeedsLogin.class);
        assertThat(router.decide(text("🎓 Список учеников"), null, null)).isInstanceOf(Decision.NeedsLogin.class);
    }

    @Test
    void unknownAndPlaceholderButtonsAreAnsweredNotIgnored() {
        assertThat(router.decide(press("tutor_view_student_5"), TUTOR, null)).isInstanceOf(Decision.Outdated.class);
        assertThat(router.decide(press(""), TUTOR, null)).isInstanceOf(Decision.Outdated.class);
        assertThat(router.decide(press("t.soon:5"), TUTOR, null)).isEqualTo(new Decision.Soon(false));
        assertThat(router.decide(press("t.soon:5"), STUDENT, null)).isInstanceOf(Decision.NoAccess.class);
    }

    @Test
    void theFallbackIsTheMenuForAPersonAndTheLoginForAStranger() {
        assertThat(router.decide(text("привет"), TUTOR, null)).isInstanceOf(Decision.MainMenu.class);
        assertThat(router.decide(text("/unknown"), TUTOR, null)).isInstanceOf(Decision.MainMenu.class);
        assertThat(router.decide(text("ABCD1234"), null, null))
                .isEqualTo(new Decision.Run(registry.anonymous().orElseThrow(), false, "anonymous"));
        assertThat(router.decide(text("/unknown"), null, null))
                .isEqualTo(new Decision.Run(registry.command("start").orElseThrow(), false, "command"));
    }

    @Test
    void aLaterFlowTakesOverAPlaceholderAndTwoRealHandlersClash() {
        FlowRegistry later = FlowRegistry.of(List.of(
                r -> r.placeholder(SOON, Access.roles(Role.TUTOR)),
                r -> r.callback(SOON, Access.roles(Role.TUTOR), view),
                r -> r.placeholder(SOON, Access.roles(Role.TUTOR))));
        assertThat(later.callback("t.soon").orElseThrow().placeholder()).isFalse();
        assertThat(later.callback("t.soon").orElseThrow().handler()).isSameAs(view);

        assertThatThrownBy(() -> FlowRegistry.of(List.of(
                r -> r.callback(VIEW, Access.anyone(), view),
                r -> r.callback(VIEW, Access.anyone(), label))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("t.v");
        assertThatThrownBy(() -> FlowRegistry.of(List.of(
                r -> r.step("add", "name", step), r -> r.step("add", "name", step))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void menusListTheirKeysInPositionOrder() {
        FlowRegistry menus = FlowRegistry.of(List.of(
                r -> r.menuButton(Role.TUTOR, 20, "b").menuButton(Role.TUTOR, 10, "a"),
                r -> r.menuButton(Role.TUTOR, 15, "c")));
        assertThat(menus.menu(Role.TUTOR)).containsExactly("a", "c", "b");
        assertThat(menus.menu(Role.PARENT)).isEmpty();
    }

    @Test
    void aReplyToAMessageTheDialogsDidNotSendGoesToTheReplyHandlerBeforeTheDialogAndKeepsIt() {
        Handler forward = turn -> Reply.text("forward");
        FlowRegistry withReplies = FlowRegistry.of(List.of(r -> r
                .command("cancel", Access.anyone(), cancel)
                .step("add", "name", step)
                .label("label.students", Access.roles(Role.TUTOR), label)
                .whenForeignReply(Access.loggedIn(), forward)
                .whenAnonymous(anonymous)));
        Router replies = new Router(withReplies, texts(), null, null);
        BotEvent reply = new BotEvent(3, 10, "private", 10, "u", "U", "ru", "Спасибо!", null, null, 8, List.of(),
                null, 4);
        Decision.Run forwarded = new Decision.Run(withReplies.foreignReply().orElseThrow(), false, "reply");

        assertThat(replies.decide(reply, TUTOR, ADDING, true)).isEqualTo(forwarded);
        assertThat(replies.decide(reply, STUDENT, null, true)).isEqualTo(forwarded);
        // A reply to the dialog's own prompt is the dialog's input; a stranger's reply is a login attempt.
        assertThat(replies.decide(reply, TUTOR, ADDING, false))
                .isEqualTo(new Decision.Run(withReplies.step("add", "name").orElseThrow(), false, "step"));
        assertThat(replies.decide(reply, null, null, true))
                .isEqualTo(new Decision.Run(withReplies.anonymous().orElseThrow(), false, "anonymous"));
        // Commands still come first, and a plain message is no reply.
        BotEvent cancelReply = new BotEvent(4, 10, "private", 10, "u", "U", "ru", "/cancel", null, null, 9,
                List.of(), null, 4);
        assertThat(replies.decide(cancelReply, TUTOR, ADDING, true))
                .isEqualTo(new Decision.Run(withReplies.command("cancel").orElseThrow(), true, "command"));
        assertThat(replies.decide(text("Спасибо!"), TUTOR, null, true)).isEqualTo(new Decision.MainMenu());
    }

    private static BotEvent text(String text) {
        return new BotEvent(1, 10, "private", 10, "u", "U", "ru", text, null, null, 5, List.of(), null, null);
    }

    private static BotEvent press(String data) {
        return new BotEvent(2, 10, "private", 10, "u", "U", "ru", null, "q1", data, 7, List.of(), null, null);
    }

    private static Login login(Role role) {
        return new Login(1, role, "X", "a", "r", Instant.MAX, Instant.MAX);
    }

    private static Texts texts() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("label.students", Language.RU.locale(), "🎓 Список учеников");
        messages.addMessage("label.students", Language.EN.locale(), "🎓 Students");
        messages.setUseCodeAsDefaultMessage(false);
        return new Texts(messages);
    }
}
