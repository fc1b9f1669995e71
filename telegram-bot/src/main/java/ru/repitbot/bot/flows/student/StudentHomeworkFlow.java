package ru.repitbot.bot.flows.student;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import ru.repitbot.bot.dialog.BotEvent;
import ru.repitbot.bot.dialog.Button;
import ru.repitbot.bot.dialog.Flow;
import ru.repitbot.bot.dialog.FlowRegistry;
import ru.repitbot.bot.dialog.Keyboard;
import ru.repitbot.bot.dialog.Outgoing;
import ru.repitbot.bot.dialog.ProblemTexts;
import ru.repitbot.bot.dialog.Reply;
import ru.repitbot.bot.dialog.Screen;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.flows.Labels;
import ru.repitbot.bot.flows.Routes;
import ru.repitbot.bot.flows.student.FamilyApi.HomeworkInfo;
import ru.repitbot.bot.gateway.GatewayProblem;
import ru.repitbot.bot.gateway.GatewayUnavailable;
import ru.repitbot.bot.gateway.model.Page;
import ru.repitbot.bot.session.DialogState;

/**
 * The student's homework (docs/domain/bot.md#student-screens, docs/domain/homework.md#submission; homework-service README): "📝 Домашние задания" lists all of it newest first
 * (status emoji, 🔴 overdue), a pending one opens the answer dialog, any other the read-only view (task, deadline, link,
 * the tutor's photos sent by file id, my answer, the tutor's comment).
 *
 * <p>Handing in: "Пришлите ваш ответ (текст, фото или файл)" → the student sends texts, any number of photos (each is
 * acknowledged "📷 Фото N добавлено"; a Telegram album arrives as several photo messages in a row and they all join
 * the same answer) and/or a document, then {@code /done} or "✅ Отправить" → {@code POST /api/v1/homework/{id}/submission}
 * {@code {text, photo_file_ids, document_file_id}} (only the parts given). The parts wait in the dialog state in
 * Redis, so a restart loses nothing. An answer not yet checked can be withdrawn ({@code DELETE …/submission}, after a
 * confirmation).
 */
@Component
public class StudentHomeworkFlow implements Flow {

    static final String DIALOG = "family.submit";
    private static final String STEP = "answer";
    /** homework-service's limits of an answer. */
    static final int MAX_TEXT = 4096;
    static final int MAX_PHOTOS = 20;
    private static final int PAGE_SIZE = 10;

    @Override
    public void register(FlowRegistry registry) {
        registry.label(Labels.STUDENT_HOMEWORK, StudentFlow.STUDENT, turn -> Reply.of(list(turn, 1)));
        registry.callback(StudentRoutes.HOMEWORK_LIST, StudentFlow.STUDENT,
                turn -> Reply.of(list(turn, turn.intArg(0))));
        registry.callback(StudentRoutes.HOMEWORK, StudentFlow.STUDENT,
                turn -> view(turn, FamilyApi.homework(turn, turn.longArg(0)), null));
        registry.callback(StudentRoutes.SUBMIT, StudentFlow.STUDENT, this::startAnswer);
        registry.step(DIALOG, STEP, this::collect);
        registry.dialogCallback(StudentRoutes.SUBMIT_SEND, DIALOG, StudentFlow.STUDENT, this::sendPressed);
        registry.callback(StudentRoutes.WITHDRAW, StudentFlow.STUDENT, this::confirmWithdraw);
        registry.callback(StudentRoutes.WITHDRAW_CONFIRM, StudentFlow.STUDENT, this::withdraw);
    }

    Screen list(Turn turn, int page) {
        Page<HomeworkInfo> homework = FamilyApi.myHomework(turn, Math.max(1, page), PAGE_SIZE);
        if (homework.items().isEmpty() && homework.pages() > 0 && page > homework.pages()) {
            homework = FamilyApi.myHomework(turn, homework.pages(), PAGE_SIZE);
        }
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        String text;
        if (homework.total() == 0) {
            text = turn.t("family.hw.list_empty");
        } else {
            text = turn.t("family.hw.list_title", String.valueOf(homework.total())) + "\n"
                    + turn.t("family.hw.legend");
            for (HomeworkInfo item : homework.items()) {
                keyboard.row(Button.of(FamilyTexts.homeworkButton(turn, item), item.pending()
                        ? StudentRoutes.SUBMIT.data(item.id()) : StudentRoutes.HOMEWORK.data(item.id())));
            }
        }
        keyboard.row(FamilyTexts.pager(turn.t(), homework.page(), homework.pages(), StudentRoutes.HOMEWORK_LIST::data));
        keyboard.row(Button.of(turn.t("common.to_main_menu"), Routes.MENU.data()));
        return Screen.of(text, keyboard.build());
    }

    /** The read-only view; a pending one offers "hand in", a handed-in one "withdraw". */
    private Reply view(Turn turn, HomeworkInfo homework, String notice) {
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        if (homework.pending()) {
            keyboard.row(Button.of(turn.t("family.hw.btn_submit"), StudentRoutes.SUBMIT.data(homework.id())));
        } else if (homework.submitted()) {
            keyboard.row(Button.of(turn.t("family.hw.btn_withdraw"), StudentRoutes.WITHDRAW.data(homework.id())));
        }
        keyboard.row(Button.of(turn.t("family.hw.back"), StudentRoutes.HOMEWORK_LIST.data(1)));
        List<Outgoing> messages = FamilyTexts.homeworkDetail(turn, homework, true, notice, keyboard.build());
        return new Reply(messages, null, false);
    }

    private Reply startAnswer(Turn turn) {
        HomeworkInfo homework = FamilyApi.homework(turn, turn.longArg(0));
        if (!homework.pending()) {
            return view(turn, homework, turn.t("family.submit.not_pending")).withToast(
                    turn.t("family.submit.not_pending_short"));
        }
        turn.startDialog(DIALOG, STEP, Map.of("hw", Long.toString(homework.id())));
        List<Outgoing> messages = new ArrayList<>(FamilyTexts.homeworkDetail(turn, homework, true, null,
                Keyboard.NONE));
        messages.add(Screen.of(turn.t("family.submit.ask"), Keyboard.inline()
                .row(Button.of(turn.t("common.cancel"), StudentRoutes.HOMEWORK_LIST.data(1)))
                .build()).asNewMessage());
        return new Reply(messages, null, false);
    }

    /** One part of the answer: a text, a photo (or an album's photo), a document; or /done. */
    private Reply collect(Turn turn) {
        BotEvent event = turn.event();
        DialogState state = turn.state();
        long homeworkId = state.getLong("hw");
        String text = turn.text();
        String command = text.toLowerCase(Locale.ROOT);
        if (event.photos().isEmpty() && event.document() == null && (command.equals("/done")
                || command.startsWith("/done@") || command.equals("готово") || command.equals("done"))) {
            return send(turn, homeworkId);
        }
        if (event.photos().isEmpty() && event.document() == null && (text.isEmpty() || text.startsWith("/"))) {
            return Reply.text(turn.t("family.submit.hint"));
        }
        if (event.photos().isEmpty() && event.document() == null && isMenuKey(turn, text)) {
            // A key of the menu pressed mid-answer is not part of the answer.
            return Reply.text(turn.t("family.submit.menu_key"));
        }
        Map<String, String> changes = new LinkedHashMap<>();
        String ack;
        if (!text.isEmpty()) {
            String joined = state.get("text") == null ? text : state.get("text") + "\n" + text;
            if (joined.length() > MAX_TEXT) {
                return Reply.text(turn.t("family.submit.too_long", String.valueOf(MAX_TEXT)));
            }
            changes.put("text", joined);
        }
        if (!event.photos().isEmpty()) {
            List<String> photos = new ArrayList<>(photos(state));
            event.photos().forEach(photo -> photos.add(photo.fileId()));
            if (photos.size() > MAX_PHOTOS) {
                return Reply.of(prompt(turn, homeworkId, turn.t("family.submit.too_many_photos",
                        String.valueOf(MAX_PHOTOS))));
            }
            changes.put("photos", String.join(",", photos));
            ack = turn.t("family.submit.photo_added", String.valueOf(photos.size()));
        } else if (event.document() != null) {
            changes.put("doc", event.document().fileId());
            String name = event.document().fileName() == null ? "" : event.document().fileName();
            ack = turn.t(state.has("doc") ? "family.submit.document_replaced" : "family.submit.document_added",
                    name);
        } else {
            ack = turn.t("family.submit.text_added");
        }
        turn.nextStep(STEP, changes);
        return Reply.of(prompt(turn, homeworkId, ack));
    }

    private Screen prompt(Turn turn, long homeworkId, String ack) {
        return Screen.of(ack + "\n" + turn.t("family.submit.more"), Keyboard.inline()
                .row(Button.of(turn.t("family.submit.send"), StudentRoutes.SUBMIT_SEND.data(homeworkId)),
                        Button.of(turn.t("common.cancel"), StudentRoutes.HOMEWORK_LIST.data(1)))
                .build());
    }

    private Reply sendPressed(Turn turn) {
        long homeworkId = turn.longArg(0);
        if (turn.dialog().isEmpty() || !Long.toString(homeworkId).equals(turn.state().get("hw"))) {
            return Reply.alertOnly(turn.t("error.outdated_button"));
        }
        return send(turn, homeworkId);
    }

    /**
     * Sends the answer collected. Refused because the homework is no longer pending (or was deleted): the dialog ends
     * and says why. The service down or a part refused: the dialog stays, so the same answer can be sent again.
     */
    private Reply send(Turn turn, long homeworkId) {
        DialogState state = turn.state();
        List<String> photos = photos(state);
        Map<String, Object> body = new LinkedHashMap<>();
        if (state.get("text") != null) {
            body.put("text", state.get("text"));
        }
        if (!photos.isEmpty()) {
            body.put("photo_file_ids", photos);
        }
        if (state.get("doc") != null) {
            body.put("document_file_id", state.get("doc"));
        }
        if (body.isEmpty()) {
            return Reply.text(turn.t("family.submit.empty"));
        }
        HomeworkInfo homework;
        try {
            homework = turn.gateway().post(HomeworkInfo.class, "/api/v1/homework/{id}/submission", body, homeworkId);
        } catch (GatewayProblem problem) {
            if (problem.isConflict() || problem.isNotFound()) {
                turn.endDialog();
                return Reply.text(turn.t(problem.isConflict() ? "family.submit.conflict" : "family.submit.gone"));
            }
            return Reply.text(ProblemTexts.sentence(problem, turn.t()) + "\n" + turn.t("family.submit.retry"));
        } catch (GatewayUnavailable down) {
            return Reply.text(ProblemTexts.sentence(down, turn.t()) + "\n" + turn.t("family.submit.retry"));
        }
        turn.endDialog();
        String summary = turn.t("family.submit.done", String.valueOf(photos.size()),
                turn.t(state.get("doc") != null ? "family.submit.with_document" : "family.submit.without_document"),
                turn.t(state.get("text") != null ? "family.submit.with_text" : "family.submit.without_text"));
        return Reply.of(Screen.of(summary, Keyboard.inline()
                .row(Button.of(turn.t("family.hw.btn_view"), StudentRoutes.HOMEWORK.data(homework.id())))
                .row(Button.of(turn.t("family.hw.back"), StudentRoutes.HOMEWORK_LIST.data(1)))
                .build()));
    }

    private Reply confirmWithdraw(Turn turn) {
        HomeworkInfo homework = FamilyApi.homework(turn, turn.longArg(0));
        if (!homework.submitted()) {
            return view(turn, homework, turn.t(withdrawRefusal(homework)));
        }
        return Reply.of(Screen.of(turn.t("family.withdraw.confirm", FamilyTexts.topic(turn.t(),
                homework.lessonTopic())), Keyboard.inline()
                .row(Button.of(turn.t("family.withdraw.yes"), StudentRoutes.WITHDRAW_CONFIRM.data(homework.id())),
                        Button.of(turn.t("common.cancel"), StudentRoutes.HOMEWORK.data(homework.id())))
                .build()));
    }

    private Reply withdraw(Turn turn) {
        long homeworkId = turn.longArg(0);
        try {
            turn.gateway().delete("/api/v1/homework/{id}/submission", homeworkId);
        } catch (GatewayProblem problem) {
            if (!problem.isConflict()) {
                throw problem;
            }
            HomeworkInfo now = FamilyApi.homework(turn, homeworkId);
            return view(turn, now, turn.t(withdrawRefusal(now)));
        }
        return view(turn, FamilyApi.homework(turn, homeworkId), turn.t("family.withdraw.done"))
                .withToast(turn.t("family.withdraw.toast"));
    }

    /** Why an answer cannot be withdrawn, in the person's words (the service's sentence is English). */
    private static String withdrawRefusal(HomeworkInfo homework) {
        if ("checked".equals(homework.status())) {
            return "family.withdraw.checked";
        }
        return homework.submission() != null ? "family.withdraw.returned" : "family.withdraw.nothing";
    }

    private static final List<String> MENU_KEYS = List.of(Labels.STUDENT_LESSONS, Labels.STUDENT_SCHEDULE,
            Labels.STUDENT_HOMEWORK, Labels.STUDENT_PROGRESS, Labels.STUDENT_BALANCE, Labels.STUDENT_ACHIEVEMENTS,
            Labels.STUDENT_LIBRARY, Labels.STUDENT_CHAT);

    private static boolean isMenuKey(Turn turn, String text) {
        return MENU_KEYS.stream().anyMatch(key -> turn.t(key).equals(text));
    }

    private static List<String> photos(DialogState state) {
        String photos = state.get("photos");
        return photos == null || photos.isEmpty() ? List.of() : Arrays.asList(photos.split(","));
    }
}
