package ru.repitbot.bot.flows.notifications;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import ru.repitbot.bot.dialog.Access;
import ru.repitbot.bot.dialog.Button;
import ru.repitbot.bot.dialog.Flow;
import ru.repitbot.bot.dialog.FlowRegistry;
import ru.repitbot.bot.dialog.Keyboard;
import ru.repitbot.bot.dialog.Reply;
import ru.repitbot.bot.dialog.Screen;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.flows.Labels;
import ru.repitbot.bot.flows.Routes;
import ru.repitbot.bot.flows.notifications.NotifyModels.Conversation;
import ru.repitbot.bot.flows.notifications.NotifyModels.ConversationMessage;
import ru.repitbot.bot.flows.notifications.NotifyModels.SentMessage;
import ru.repitbot.bot.flows.student.FamilyApi;
import ru.repitbot.bot.flows.student.FamilyTexts;
import ru.repitbot.bot.gateway.GatewayProblem;
import ru.repitbot.bot.gateway.model.Page;
import ru.repitbot.bot.gateway.model.User;
import ru.repitbot.bot.i18n.Lang;
import ru.repitbot.bot.session.DialogState;
import ru.repitbot.bot.time.DateTimeText;
import ru.repitbot.models.Role;
import tools.jackson.core.type.TypeReference;

/**
 * Messages between a tutor and a student or parent, stored by notification-service
 * (docs/domain/notifications.md#q17-messages-are-stored). The tutor: "✉️ Написать" (a student → the student or one of
 * their parents → the text, a photo or a document → confirm → {@code POST /api/v1/messages}) and "💬 Переписка".
 * A student or a parent: "💬 Связь с репетитором" → "✉️ Написать репетитору" (a parent picks the child when
 * several, then the tutor when several) and the conversations. A conversation shows its messages, 10 a page, and
 * "✍️ Ответить". Who may write to whom is notification-service's rule: its 404 is said as "you cannot write to
 * this person"; the bot offers only the people the person's own lists name.
 */
@Component
public class MessagesFlow implements Flow {

    static final String DIALOG = "msg.write";
    static final int PAGE_SIZE = 10;
    private static final Access TUTOR = Access.roles(Role.TUTOR);
    private static final Access FAMILY = Access.roles(Role.STUDENT, Role.PARENT);
    private static final Access TALKERS = Access.roles(Role.TUTOR, Role.STUDENT, Role.PARENT);
    private static final TypeReference<Page<User>> USER_PAGE = new TypeReference<>() {
    };
    private static final TypeReference<List<User>> USERS = new TypeReference<>() {
    };
    private static final TypeReference<Page<Conversation>> CONVERSATIONS = new TypeReference<>() {
    };
    private static final TypeReference<Page<ConversationMessage>> MESSAGES = new TypeReference<>() {
    };
    /** How many pages of conversations are searched for the one a button names (the list moves as messages come). */
    private static final int CONVERSATION_PAGES_SEARCHED = 5;

    @Override
    public void register(FlowRegistry registry) {
        registry.menuButton(Role.TUTOR, 70, Labels.TUTOR_WRITE);
        registry.menuButton(Role.TUTOR, 80, Labels.TUTOR_CONVERSATIONS);
        registry.label(Labels.TUTOR_WRITE, TUTOR, turn -> Reply.of(students(turn, 1)));
        registry.callback(NotifyRoutes.WRITE, TUTOR, turn -> Reply.of(students(turn, turn.intArg(0))));
        registry.callback(NotifyRoutes.WRITE_STUDENT, TUTOR, this::pickRecipient);
        registry.label(Labels.TUTOR_CONVERSATIONS, TUTOR, turn -> Reply.of(conversations(turn, 1)));

        registry.label(Labels.STUDENT_CHAT, Access.roles(Role.STUDENT), turn -> Reply.of(family(turn)));
        registry.label(Labels.PARENT_CHAT, Access.roles(Role.PARENT), turn -> Reply.of(family(turn)));
        registry.callback(NotifyRoutes.FAMILY, FAMILY, turn -> Reply.of(family(turn)));
        registry.callback(NotifyRoutes.FAMILY_WRITE, FAMILY, this::familyWrite);
        registry.callback(NotifyRoutes.FAMILY_CHILD, Access.roles(Role.PARENT),
                turn -> childsTutors(turn, turn.longArg(0)));

        registry.callback(NotifyRoutes.CONVERSATIONS, TALKERS, turn -> Reply.of(conversations(turn, turn.intArg(0))));
        registry.callback(NotifyRoutes.CONVERSATION, TALKERS, this::conversation);

        registry.callback(NotifyRoutes.WRITE_TO, TALKERS, turn -> writeTo(turn, turn.longArg(0), turn.longArg(1)));
        registry.step(DIALOG, "content", this::content);
        registry.step(DIALOG, "confirm", this::content);
        registry.dialogCallback(NotifyRoutes.SEND, DIALOG, TALKERS, this::send);
    }

    // ---- the tutor picks whom to write to ----

    Screen students(Turn turn, int page) {
        long tutorId = turn.user().userId();
        Page<User> students = turn.gateway().get(USER_PAGE, "/api/v1/users/{id}/students?page={page}&size={size}",
                tutorId, Math.max(1, page), PAGE_SIZE);
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        if (students.total() == 0) {
            return Screen.of(turn.t("msg.no_students"), keyboard
                    .row(Button.of(turn.t("common.to_main_menu"), Routes.MENU.data())).build());
        }
        for (User student : students.items()) {
            keyboard.row(Button.of("👤 " + FamilyTexts.shorten(student.fullName(), FamilyTexts.BUTTON_TEXT),
                    NotifyRoutes.WRITE_STUDENT.data(student.id())));
        }
        keyboard.row(FamilyTexts.pager(turn.t(), students.page(), students.pages(), NotifyRoutes.WRITE::data));
        keyboard.row(Button.of(turn.t("common.to_main_menu"), Routes.MENU.data()));
        return Screen.of(turn.t("msg.pick_student"), keyboard.build());
    }

    private Reply pickRecipient(Turn turn) {
        long studentId = turn.longArg(0);
        User student = turn.gateway().get(User.class, "/api/v1/users/{id}", studentId);
        List<User> parents = turn.gateway().get(USERS, "/api/v1/users/{id}/parents", studentId);
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        keyboard.row(Button.of(turn.t().raw("msg.to_student", shortName(student.fullName())),
                NotifyRoutes.WRITE_TO.data(studentId, studentId)));
        for (User parent : parents) {
            keyboard.row(Button.of(turn.t().raw("msg.to_parent", shortName(parent.fullName())),
                    NotifyRoutes.WRITE_TO.data(parent.id(), studentId)));
        }
        keyboard.row(Button.of(turn.t("common.cancel"), NotifyRoutes.WRITE.data(1)));
        return Reply.of(Screen.of(turn.t("msg.pick_recipient", student.fullName()), keyboard.build()));
    }

    private static String shortName(String name) {
        return FamilyTexts.shorten(name, FamilyTexts.BUTTON_TEXT - 14);
    }

    // ---- a student or a parent picks the tutor ----

    Screen family(Turn turn) {
        return Screen.of(turn.t("msg.family.title"), Keyboard.inline()
                .row(Button.of(turn.t("msg.family.write"), NotifyRoutes.FAMILY_WRITE.data()))
                .row(Button.of(turn.t("msg.conversations"), NotifyRoutes.CONVERSATIONS.data(1)))
                .row(Button.of(turn.t("common.to_main_menu"), Routes.MENU.data()))
                .build());
    }

    private Reply familyWrite(Turn turn) {
        if (turn.role() == Role.STUDENT) {
            return pickTutor(turn, FamilyApi.tutors(turn, null), turn.user().userId());
        }
        List<User> children = turn.gateway().get(USERS, "/api/v1/users/me/children");
        if (children.isEmpty()) {
            return Reply.of(Screen.of(turn.t("msg.family.no_children"), backToFamily(turn)));
        }
        if (children.size() == 1) {
            return childsTutors(turn, children.getFirst().id());
        }
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        for (User child : children) {
            keyboard.row(Button.of("👤 " + FamilyTexts.shorten(child.fullName(), FamilyTexts.BUTTON_TEXT),
                    NotifyRoutes.FAMILY_CHILD.data(child.id())));
        }
        keyboard.row(Button.of(turn.t("common.cancel"), NotifyRoutes.FAMILY.data()));
        return Reply.of(Screen.of(turn.t("msg.family.pick_child"), keyboard.build()));
    }

    private Reply childsTutors(Turn turn, long childId) {
        return pickTutor(turn, FamilyApi.tutors(turn, childId), childId);
    }

    private Reply pickTutor(Turn turn, List<FamilyApi.Person> tutors, long studentId) {
        if (tutors.isEmpty()) {
            return Reply.of(Screen.of(turn.t("msg.family.no_tutors"), backToFamily(turn)));
        }
        if (tutors.size() == 1) {
            return startWriting(turn, tutors.getFirst().id(), studentId, tutors.getFirst().fullName());
        }
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        for (FamilyApi.Person tutor : tutors) {
            keyboard.row(Button.of("👨‍🏫 " + FamilyTexts.shorten(tutor.fullName(), FamilyTexts.BUTTON_TEXT),
                    NotifyRoutes.WRITE_TO.data(tutor.id(), studentId)));
        }
        keyboard.row(Button.of(turn.t("common.cancel"), NotifyRoutes.FAMILY.data()));
        return Reply.of(Screen.of(turn.t("msg.family.pick_tutor"), keyboard.build()));
    }

    private static Keyboard backToFamily(Turn turn) {
        return Keyboard.inline().row(Button.of(turn.t("common.to_main_menu"), Routes.MENU.data())).build();
    }

    // ---- composing and sending ----

    /**
     * {@code msg.wt:<to>:<student>}: the person is looked up in the writer's own lists (a tutor: the user, which
     * user-service shows only when they may see them; a student: their tutors; a parent: the child's tutors), so an
     * old or forged button names nobody else.
     */
    private Reply writeTo(Turn turn, long toUserId, long studentId) {
        Optional<String> name = switch (turn.role()) {
            case TUTOR -> Optional.of(turn.gateway().get(User.class, "/api/v1/users/{id}", toUserId).fullName());
            case STUDENT -> tutorName(FamilyApi.tutors(turn, null), toUserId);
            case PARENT -> tutorName(FamilyApi.tutors(turn, studentId), toUserId);
            default -> Optional.empty();
        };
        if (name.isEmpty() || turn.role() == Role.STUDENT && studentId != turn.user().userId()) {
            return Reply.alertOnly(turn.t("msg.not_allowed"));
        }
        return startWriting(turn, toUserId, studentId, name.get());
    }

    private static Optional<String> tutorName(List<FamilyApi.Person> tutors, long tutorId) {
        return tutors.stream().filter(t -> t.id() == tutorId).map(FamilyApi.Person::fullName).findFirst();
    }

    private Reply startWriting(Turn turn, long toUserId, long studentId, String name) {
        turn.startDialog(DIALOG, "content", Map.of("to", Long.toString(toUserId), "student",
                Long.toString(studentId), "name", name == null ? "" : name));
        return Reply.of(Screen.of(turn.t("msg.ask_text", name == null ? "" : name), Keyboard.inline()
                .row(Button.of(turn.t("common.cancel"), Routes.MENU.data())).build()));
    }

    /** The text, photo or document (a new one replaces the one before), then the confirmation. */
    private Reply content(Turn turn) {
        Optional<Map<String, String>> content = Compose.capture(turn);
        if (content.isEmpty()) {
            return Reply.text(turn.t("msg.need_content"));
        }
        turn.nextStep("confirm", content.get());
        DialogState state = turn.state();
        return Reply.of(Screen.of(turn.t().raw("msg.confirm", ru.repitbot.bot.i18n.Html.escape(state.get("name")),
                Compose.preview(turn, state)), Keyboard.inline()
                .row(Button.of(turn.t("msg.send"), NotifyRoutes.SEND.data()))
                .row(Button.of(turn.t("msg.send_urgent"), NotifyRoutes.SEND.data(1)))
                .row(Button.of(turn.t("common.cancel"), Routes.MENU.data()))
                .build()));
    }

    /**
     * {@code POST /api/v1/messages} ({@code msg.ok:1} = urgent: it comes during the quiet hours too). A 404 (the pair is not allowed) ends the dialog with a sentence; a 400 or the
     * service down keeps it, so the person can press "send" again or change the text.
     */
    private Reply send(Turn turn) {
        DialogState state = turn.state();
        if (!"confirm".equals(state.step())) {
            return Reply.alertOnly(turn.t("msg.need_content"));
        }
        Map<String, Object> body = new HashMap<>(Compose.body(state));
        body.put("to_user_id", state.getLong("to"));
        body.put("student_id", state.getLong("student"));
        if (Compose.urgent(turn)) {
            body.put("urgent", true);
        }
        SentMessage sent;
        try {
            sent = turn.gateway().post(SentMessage.class, "/api/v1/messages", body);
        } catch (GatewayProblem problem) {
            if (!problem.isNotFound()) {
                throw problem;
            }
            turn.endDialog();
            return Reply.of(Screen.of(turn.t("msg.not_allowed"), backToFamily(turn)));
        }
        turn.endDialog();
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        if (sent.conversationId() != null) {
            keyboard.row(Button.of(turn.t("msg.conversations"), NotifyRoutes.CONVERSATION.data(sent.conversationId(),
                    1, 1)));
        }
        keyboard.row(Button.of(turn.t("common.to_main_menu"), Routes.MENU.data()));
        return Reply.of(Screen.of(turn.t("msg.sent"), keyboard.build())).withToast(turn.t("msg.sent"));
    }

    // ---- conversations ----

    Screen conversations(Turn turn, int page) {
        Page<Conversation> list = conversationPage(turn, Math.max(1, page));
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        String text;
        if (list.total() == 0) {
            text = turn.t("msg.conversations.empty");
        } else {
            text = turn.t("msg.conversations.title", String.valueOf(list.total()));
            for (Conversation conversation : list.items()) {
                String label = turn.t().raw("msg.conversation.button", otherName(turn, conversation),
                        conversation.studentName() == null ? "—" : conversation.studentName());
                keyboard.row(Button.of("💬 " + FamilyTexts.shorten(label, FamilyTexts.BUTTON_TEXT),
                        NotifyRoutes.CONVERSATION.data(conversation.id(), 1, list.page())));
            }
        }
        keyboard.row(FamilyTexts.pager(turn.t(), list.page(), list.pages(), NotifyRoutes.CONVERSATIONS::data));
        keyboard.row(Button.of(turn.t("common.to_main_menu"), Routes.MENU.data()));
        return Screen.of(text, keyboard.build());
    }

    private static Page<Conversation> conversationPage(Turn turn, int page) {
        return turn.gateway().get(CONVERSATIONS, "/api/v1/messages/conversations?page={page}&size={size}", page,
                PAGE_SIZE);
    }

    private static boolean iAmTheTutor(Turn turn, Conversation conversation) {
        return conversation.tutorId() == turn.user().userId();
    }

    private static String otherName(Turn turn, Conversation conversation) {
        String name = iAmTheTutor(turn, conversation) ? conversation.otherName() : conversation.tutorName();
        return name == null ? "—" : name;
    }

    /**
     * {@code msg.cv:<id>:<page>:<list page>}: the conversation (found on the list page the button came from, or on
     * the first pages: new messages move it up) and a page of its messages, shown oldest first.
     */
    private Reply conversation(Turn turn) {
        long id = turn.longArg(0);
        int page = Math.max(1, turn.intArg(1));
        int listPage = Math.max(1, turn.intArg(2));
        Optional<Conversation> found = find(turn, id, listPage);
        if (found.isEmpty()) {
            return Reply.alertOnly(turn.t("error.not_found"));
        }
        Conversation conversation = found.get();
        Page<ConversationMessage> messages = turn.gateway().get(MESSAGES,
                "/api/v1/messages/conversations/{id}?page={page}&size={size}", id, page, PAGE_SIZE);
        Lang t = turn.t();
        StringBuilder text = new StringBuilder(t.get("msg.conversation.title", otherName(turn, conversation),
                conversation.studentName() == null ? "—" : conversation.studentName())).append("\n\n");
        if (messages.items().isEmpty()) {
            text.append(t.get("msg.conversation.empty"));
        }
        long me = turn.user().userId();
        String other = otherName(turn, conversation);
        messages.items().stream()
                .sorted(Comparator.comparing(ConversationMessage::createdAt,
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(message -> text.append(line(turn, message, me, other)).append('\n'));
        long otherId = iAmTheTutor(turn, conversation) ? conversation.otherId() : conversation.tutorId();
        long studentId = conversation.studentId() == null ? 0 : conversation.studentId();
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        keyboard.row(FamilyTexts.pager(t, messages.page(), messages.pages(),
                p -> NotifyRoutes.CONVERSATION.data(id, p, listPage)));
        keyboard.row(Button.of(t.get("msg.reply"), NotifyRoutes.WRITE_TO.data(otherId, studentId)));
        keyboard.row(Button.of(t.get("msg.to_conversations"), NotifyRoutes.CONVERSATIONS.data(listPage)));
        return Reply.of(Screen.of(text.toString().stripTrailing(), keyboard.build()));
    }

    private Optional<Conversation> find(Turn turn, long id, int listPage) {
        Page<Conversation> page = conversationPage(turn, listPage);
        Optional<Conversation> found = page.items().stream().filter(c -> c.id() == id).findFirst();
        for (int p = 1; found.isEmpty() && p <= Math.min(page.pages(), CONVERSATION_PAGES_SEARCHED); p++) {
            if (p != listPage) {
                found = conversationPage(turn, p).items().stream().filter(c -> c.id() == id).findFirst();
            }
        }
        return found;
    }

    private static String line(Turn turn, ConversationMessage message, long me, String other) {
        Lang t = turn.t();
        String when = message.createdAt() == null ? "" : DateTimeText.dateTime(message.createdAt(), turn.zone());
        String body = message.text() == null || message.text().isBlank() ? t.get("msg.conversation.no_text")
                : ru.repitbot.bot.i18n.Html.escape(FamilyTexts.shorten(message.text(), 300));
        if (!message.fileIds().isEmpty()) {
            String kind = message.fileKind() == null ? "document" : message.fileKind();
            String what = t.has("msg.file." + kind) ? t.get("msg.file." + kind) : t.get("msg.file.document");
            body = body + " " + t.get("msg.conversation.files", what + (message.fileIds().size() > 1
                    ? " ×" + message.fileIds().size() : ""));
        }
        return message.senderId() == me ? t.raw("msg.conversation.mine", when, body)
                : t.raw("msg.conversation.theirs", when, ru.repitbot.bot.i18n.Html.escape(other), body);
    }
}
