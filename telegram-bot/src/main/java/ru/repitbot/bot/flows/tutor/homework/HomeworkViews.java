package ru.repitbot.bot.flows.tutor.homework;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import ru.repitbot.bot.dialog.Button;
import ru.repitbot.bot.dialog.Keyboard;
import ru.repitbot.bot.dialog.Outgoing;
import ru.repitbot.bot.dialog.Reply;
import ru.repitbot.bot.dialog.Screen;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.flows.Routes;
import ru.repitbot.bot.flows.tutor.homework.HomeworkModels.Attachment;
import ru.repitbot.bot.flows.tutor.homework.HomeworkModels.Homework;
import ru.repitbot.bot.flows.tutor.homework.HomeworkModels.Submission;
import ru.repitbot.bot.flows.tutor.homework.HomeworkModels.TaskDocument;
import ru.repitbot.bot.flows.tutor.students.StudentViews;
import ru.repitbot.bot.gateway.GatewayProblem;
import ru.repitbot.bot.gateway.model.Page;
import ru.repitbot.bot.gateway.model.User;
import ru.repitbot.bot.time.DateTimeText;
import ru.repitbot.models.HomeworkStatus;
import tools.jackson.core.type.TypeReference;

/**
 * The tutor's homework screens: a student's list ("to check" first, then in work, then checked; newest first in each;
 * 10 a page), one homework's card, and its photos, documents and answer sent on by Telegram
 * {@code file_id}. Each screen reads
 * what it shows when it is drawn, so a button on an old message sees the homework as it is now.
 */
@Component
public class HomeworkViews {

    static final int PAGE_SIZE = 10;
    /** The list's groups, in the order shown. */
    static final List<HomeworkStatus> GROUPS = List.of(HomeworkStatus.SUBMITTED, HomeworkStatus.PENDING,
            HomeworkStatus.CHECKED);
    private static final int MAX_BUTTON_TEXT = 48;
    private static final int MAX_TASK_IN_CARD = 1500;
    private static final int MAX_ANSWER_IN_CARD = 1200;
    private static final int MAX_COMMENT_IN_CARD = 600;
    private static final int MAX_ANSWER_MESSAGE = 3800;
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd.MM");

    private static final TypeReference<Page<Homework>> HOMEWORK_PAGE = new TypeReference<>() {
    };

    private final StudentViews students;

    public HomeworkViews(StudentViews students) {
        this.students = students;
    }

    // ---- reading ----

    public Homework homework(Turn turn, long homeworkId) {
        return turn.gateway().get(Homework.class, "/api/v1/homework/{id}", homeworkId);
    }

    public User student(Turn turn, long studentId) {
        return students.student(turn, studentId);
    }

    /** A 404 about a homework the person pressed a button of: it is gone. */
    static boolean gone(GatewayProblem problem) {
        return problem.isNotFound();
    }

    /** The answer to a button on a homework that no longer exists: an alert, the message stays as it was. */
    static Reply goneReply(Turn turn) {
        return turn.event().isCallback() ? Reply.alertOnly(turn.t("hw.gone")) : Reply.text(turn.t("hw.gone"));
    }

    // ---- the list ----

    public Screen list(Turn turn, long studentId, int page, String notice) {
        User student = student(turn, studentId);
        GroupedPages.Result<Homework> shown = GroupedPages.page(GROUPS.size(), page, PAGE_SIZE,
                (group, serverPage, size) -> turn.gateway().get(HOMEWORK_PAGE,
                        "/api/v1/homework?student_id={student}&status={status}&page={page}&size={size}", studentId,
                        GROUPS.get(group).value(), serverPage, size));
        StringBuilder text = new StringBuilder();
        if (notice != null) {
            text.append(notice).append("\n\n");
        }
        text.append(turn.t("hw.list.title", student.fullName())).append('\n');
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        if (shown.total() == 0) {
            text.append(turn.t("hw.list.empty"));
        } else {
            text.append(turn.t("hw.list.counts", String.valueOf(shown.total()),
                    String.valueOf(shown.groupTotals().getFirst()))).append('\n');
            text.append(turn.t("hw.list.legend"));
            for (Homework homework : shown.items()) {
                keyboard.row(Button.of(listItem(turn, homework), HomeworkRoutes.VIEW.data(homework.id())));
            }
        }
        if (shown.pages() > 1) {
            List<Button> nav = new ArrayList<>();
            if (shown.page() > 1) {
                nav.add(Button.of(turn.t("common.prev"), HomeworkRoutes.LIST.data(studentId, shown.page() - 1)));
            }
            nav.add(Button.of(turn.t("common.page", String.valueOf(shown.page()), String.valueOf(shown.pages())),
                    Routes.NOOP.data()));
            if (shown.page() < shown.pages()) {
                nav.add(Button.of(turn.t("common.next"), HomeworkRoutes.LIST.data(studentId, shown.page() + 1)));
            }
            keyboard.row(nav);
        }
        keyboard.row(Button.of(turn.t("hw.btn.assign"), HomeworkRoutes.ASSIGN.data(studentId, 1)));
        keyboard.row(Button.of(turn.t("common.to_student"), Routes.STUDENT.data(studentId)));
        return Screen.of(text.toString().stripTrailing(), keyboard.build());
    }

    /** A list button: status emoji, what it is about, the deadline's day ({@code 📤 Дроби · до 25.12}). */
    String listItem(Turn turn, Homework homework) {
        String deadline = homework.deadline() == null ? "—"
                : DAY_MONTH.format(homework.deadline().toInstant().atZone(turn.zone()));
        String about = shorten(title(homework), MAX_BUTTON_TEXT - 16);
        return turn.t().raw("hw.list.item", emoji(homework), about, deadline);
    }

    static String emoji(Homework homework) {
        return switch (homework.status()) {
            case SUBMITTED -> "📤";
            case CHECKED -> "✅";
            case PENDING -> homework.overdue() ? "🔴" : "⏳";
        };
    }

    static String statusKey(Homework homework) {
        return switch (homework.status()) {
            case SUBMITTED -> "hw.status.submitted";
            case CHECKED -> "hw.status.checked";
            case PENDING -> homework.overdue() ? "hw.status.overdue"
                    : homework.returnedAt() != null ? "hw.status.returned" : "hw.status.pending";
        };
    }

    /** The lesson's topic, else the task's first line. */
    static String title(Homework homework) {
        if (homework.lessonTopic() != null && !homework.lessonTopic().isBlank()) {
            return homework.lessonTopic().strip();
        }
        String description = homework.description() == null ? "" : homework.description().strip();
        int newline = description.indexOf('\n');
        return newline > 0 ? description.substring(0, newline) : description;
    }

    // ---- the card ----

    public Screen card(Turn turn, Homework homework, String notice) {
        ZoneId zone = turn.zone();
        StringBuilder text = new StringBuilder();
        if (notice != null) {
            text.append(notice).append("\n\n");
        }
        text.append(turn.t("hw.card.title")).append('\n');
        String topic = homework.lessonTopic() == null || homework.lessonTopic().isBlank() ? turn.t("hw.card.no_topic")
                : homework.lessonTopic();
        text.append(homework.lessonDate() == null ? turn.t("hw.card.lesson_no_date", topic)
                : turn.t("hw.card.lesson", topic, DateTimeText.dateTime(homework.lessonDate(), zone))).append('\n');
        text.append(turn.t("hw.card.status", turn.t(statusKey(homework)))).append('\n');
        text.append(turn.t("hw.card.deadline", DateTimeText.dateTime(homework.deadline(), zone))).append("\n\n");
        text.append(turn.t("hw.card.task", shorten(homework.description(), MAX_TASK_IN_CARD))).append('\n');
        if (homework.link() != null && !homework.link().isBlank()) {
            text.append(turn.t("hw.card.link", homework.link())).append('\n');
        }
        if (!homework.photoFileIds().isEmpty()) {
            text.append(turn.t("hw.card.photos", String.valueOf(homework.photoFileIds().size()))).append('\n');
        }
        if (!homework.documents().isEmpty()) {
            text.append(turn.t("hw.card.documents", documentNames(turn, homework.documents()))).append('\n');
        }
        if (!homework.taskFiles().isEmpty()) {
            text.append(turn.t("hw.card.files", fileNames(homework.taskFiles()))).append('\n');
        }
        HomeworkModels.Answer answer = homework.submission();
        text.append('\n');
        if (answer == null) {
            text.append(turn.t("hw.card.answer_none")).append('\n');
        } else {
            text.append(turn.t("hw.card.answer", DateTimeText.dateTime(answer.submittedAt(), zone))).append('\n');
            if (answer.text() != null && !answer.text().isBlank()) {
                text.append(turn.t("hw.card.answer_text", shorten(answer.text(), MAX_ANSWER_IN_CARD))).append('\n');
            }
            text.append(turn.t("hw.card.answer_media", String.valueOf(answer.photoFileIds().size()),
                    turn.t(answer.documentFileId() == null ? "hw.card.no" : "hw.card.yes"))).append('\n');
            if (!homework.answerFiles().isEmpty()) {
                text.append(turn.t("hw.card.files", fileNames(homework.answerFiles()))).append('\n');
            }
        }
        if (homework.tutorComment() != null && !homework.tutorComment().isBlank()) {
            text.append(turn.t("hw.card.comment", shorten(homework.tutorComment(), MAX_COMMENT_IN_CARD)))
                    .append('\n');
        }
        if (homework.checkedAt() != null) {
            text.append(turn.t("hw.card.checked_at", DateTimeText.dateTime(homework.checkedAt(), zone))).append('\n');
        }
        return Screen.of(text.toString().stripTrailing(), cardKeyboard(turn, homework));
    }

    private Keyboard cardKeyboard(Turn turn, Homework homework) {
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        List<Button> media = new ArrayList<>();
        int photos = homework.photoFileIds().size();
        int documents = homework.documents().size();
        if (photos > 0 || documents > 0) {
            String label = documents == 0 ? turn.t("hw.btn.task_photos", String.valueOf(photos))
                    : photos == 0 ? turn.t("hw.btn.task_documents", String.valueOf(documents))
                    : turn.t("hw.btn.task_media", String.valueOf(photos + documents));
            media.add(Button.of(label, HomeworkRoutes.TASK_FILES.data(homework.id())));
        }
        if (homework.submission() != null) {
            media.add(Button.of(turn.t("hw.btn.answer"), HomeworkRoutes.ANSWER.data(homework.id())));
        }
        keyboard.row(media);
        if (homework.status() == HomeworkStatus.SUBMITTED) {
            keyboard.row(Button.of(turn.t("hw.btn.accept"), HomeworkRoutes.ACCEPT.data(homework.id())),
                    Button.of(turn.t("hw.btn.return"), HomeworkRoutes.RETURN.data(homework.id())));
        }
        keyboard.row(Button.of(turn.t("hw.btn.delete"), HomeworkRoutes.DELETE.data(homework.id())));
        keyboard.row(Button.of(turn.t("hw.btn.to_list"), HomeworkRoutes.LIST.data(homework.studentId(), 1)),
                Button.of(turn.t("common.to_student"), Routes.STUDENT.data(homework.studentId())));
        return keyboard.build();
    }

    /**
     * The tutor's photos and then documents of the task, by file id, then the card again below them (with its
     * buttons).
     */
    public Reply taskMedia(Turn turn, Homework homework) {
        Reply reply = Reply.none();
        List<String> photos = homework.photoFileIds();
        for (int i = 0; i < photos.size(); i++) {
            reply = reply.then(new Outgoing.Photo(photos.get(i),
                    turn.t("hw.media.task_photo", String.valueOf(i + 1), String.valueOf(photos.size())),
                    Keyboard.NONE));
        }
        List<TaskDocument> documents = homework.documents();
        for (int i = 0; i < documents.size(); i++) {
            reply = reply.then(new Outgoing.Document(documents.get(i).fileId(),
                    turn.t("hw.media.task_document", String.valueOf(i + 1), String.valueOf(documents.size())),
                    Keyboard.NONE));
        }
        return reply.then(card(turn, homework, null).asNewMessage());
    }

    /** The student's answer: the whole text, the photos and the document by file id, then the card again. */
    public Reply answer(Turn turn, Homework homework, Submission submission) {
        Reply reply = Reply.none();
        if (submission.text() != null && !submission.text().isBlank()) {
            reply = reply.then(Screen.of(turn.t("hw.media.answer_text", shorten(submission.text(),
                    MAX_ANSWER_MESSAGE))).asNewMessage());
        }
        List<String> photos = submission.photoFileIds();
        for (int i = 0; i < photos.size(); i++) {
            reply = reply.then(new Outgoing.Photo(photos.get(i),
                    turn.t("hw.media.answer_photo", String.valueOf(i + 1), String.valueOf(photos.size())),
                    Keyboard.NONE));
        }
        if (submission.documentFileId() != null && !submission.documentFileId().isBlank()) {
            reply = reply.then(new Outgoing.Document(submission.documentFileId(), turn.t("hw.media.answer_document"),
                    Keyboard.NONE));
        }
        return reply.then(card(turn, homework, null).asNewMessage());
    }

    /** The task's documents by name, a document without one as "файл N". */
    static String documentNames(Turn turn, List<TaskDocument> documents) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            String name = documents.get(i).fileName();
            names.add(name == null || name.isBlank() ? turn.t().raw("hw.card.document_unnamed", String.valueOf(i + 1))
                    : name.strip());
        }
        return String.join(", ", names);
    }

    private static String fileNames(List<Attachment> files) {
        return String.join(", ", files.stream().map(Attachment::fileName).toList());
    }

    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String stripped = text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max - 1) + "…";
    }
}
