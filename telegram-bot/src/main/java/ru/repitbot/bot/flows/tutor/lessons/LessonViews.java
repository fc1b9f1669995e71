package ru.repitbot.bot.flows.tutor.lessons;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ru.repitbot.bot.dialog.Button;
import ru.repitbot.bot.dialog.Keyboard;
import ru.repitbot.bot.dialog.Screen;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.flows.Routes;
import ru.repitbot.bot.flows.tutor.lessons.LessonData.Cancellation;
import ru.repitbot.bot.flows.tutor.lessons.LessonData.FullLesson;
import ru.repitbot.bot.flows.tutor.lessons.LessonData.Overlap;
import ru.repitbot.bot.flows.tutor.lessons.LessonData.TopicMove;
import ru.repitbot.bot.flows.tutor.students.StudentViews;
import ru.repitbot.bot.gateway.GatewayException;
import ru.repitbot.bot.gateway.model.Page;
import ru.repitbot.bot.gateway.model.User;
import ru.repitbot.bot.i18n.Html;
import ru.repitbot.bot.time.DateTimeText;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.LessonStatus;
import ru.repitbot.models.TopicMastery;
import tools.jackson.core.type.TypeReference;

/**
 * The tutor's lesson screens, shared by the lesson flows: a student's lessons (newest first, 10 a page) and the lesson
 * card. Each reads what it shows when it is drawn, so a button on an old message sees the lesson as it is now (a
 * deleted one is "not found" and nothing changes).
 */
@Component
public class LessonViews {

    static final int PAGE_SIZE = 10;
    private static final int MAX_TOPIC_IN_BUTTON = 40;
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd.MM.yy HH:mm");
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd.MM");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private static final TypeReference<Page<FullLesson>> LESSON_PAGE = new TypeReference<>() {
    };
    private static final TypeReference<Page<Object>> ANY_PAGE = new TypeReference<>() {
    };

    private final StudentViews students;

    public LessonViews(StudentViews students) {
        this.students = students;
    }

    /** One lesson the tutor may see; a deleted or foreign one is the server's 404 ("not found"). */
    public FullLesson lesson(Turn turn, long lessonId) {
        return turn.gateway().get(FullLesson.class, "/api/v1/lessons/{id}", lessonId);
    }

    public User student(Turn turn, long studentId) {
        return students.student(turn, studentId);
    }

    // ---- the list ----

    /** The student's lessons, page {@code page} of 10, newest first (undated make-ups last, as the API orders). */
    public Screen list(Turn turn, long studentId, int page, String notice) {
        User student = students.student(turn, studentId);
        Page<FullLesson> lessons = page(turn, studentId, Math.max(1, page));
        if (lessons.items().isEmpty() && lessons.pages() > 0 && page > lessons.pages()) {
            lessons = page(turn, studentId, lessons.pages());
        }
        StringBuilder text = new StringBuilder();
        if (notice != null) {
            text.append(notice).append("\n\n");
        }
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        if (lessons.total() == 0) {
            text.append(turn.t("lessons.list.empty", student.fullName()));
        } else {
            text.append(turn.t("lessons.list.title", student.fullName(), String.valueOf(lessons.total())))
                    .append("\n\n").append(turn.t("lessons.list.legend"));
            for (FullLesson lesson : lessons.items()) {
                keyboard.row(Button.of(listButton(turn, lesson), LessonRoutes.LESSON.data(lesson.id(),
                        lessons.page())));
            }
        }
        if (lessons.pages() > 1) {
            int current = lessons.page();
            List<Button> nav = new ArrayList<>();
            if (current > 1) {
                nav.add(Button.of(turn.t("common.prev"), Routes.STUDENT_LESSONS.data(studentId, current - 1)));
            }
            nav.add(Button.of(turn.t("common.page", String.valueOf(current), String.valueOf(lessons.pages())),
                    Routes.NOOP.data()));
            if (current < lessons.pages()) {
                nav.add(Button.of(turn.t("common.next"), Routes.STUDENT_LESSONS.data(studentId, current + 1)));
            }
            keyboard.row(nav);
        }
        keyboard.row(Button.of(turn.t("lessons.btn.add"), Routes.LESSON_ADD.data(studentId)));
        keyboard.row(Button.of(turn.t("lessons.btn.to_profile"), Routes.STUDENT.data(studentId)));
        return Screen.of(text.toString(), keyboard.build());
    }

    private Page<FullLesson> page(Turn turn, long studentId, int page) {
        return turn.gateway().get(LESSON_PAGE,
                "/api/v1/lessons?student_id={id}&order=desc&page={page}&size={size}", studentId, page, PAGE_SIZE);
    }

    /** "✅ 25.12.26 15:30 — Дроби"; an undated make-up "📌 отработка без даты — Дроби". Plain text (a button). */
    String listButton(Turn turn, FullLesson lesson) {
        String topic = shorten(lesson.topic(), MAX_TOPIC_IN_BUTTON);
        if (lesson.undatedMakeup()) {
            return turn.t().raw("lessons.list.undated", topic);
        }
        String mark = turn.t().raw(LessonCodes.mark(lesson.attendance())) + (lesson.isMakeup() ? "📌" : "");
        return turn.t().raw("lessons.list.button", mark, SHORT.format(lesson.startAt().atZoneSameInstant(
                turn.zone())), topic);
    }

    // ---- the card ----

    public Screen card(Turn turn, long lessonId, String notice) {
        return card(turn, lesson(turn, lessonId), notice, 1);
    }

    public Screen card(Turn turn, FullLesson lesson, String notice) {
        return card(turn, lesson, notice, 1);
    }

    /**
     * The card: topic, student, date and time in the tutor's zone, duration, skills, attendance, conduct, mastery and
     * comment, whether it is charged, make-up and moved-topic notes, homework count; the buttons to mark, cancel, move,
     * edit, delete it and to the homework.
     */
    public Screen card(Turn turn, FullLesson lesson, String notice, int listPage) {
        StringBuilder text = new StringBuilder();
        if (notice != null) {
            text.append(notice).append("\n\n");
        }
        text.append(turn.t("lessons.card.topic", lesson.topic())).append('\n');
        String name = studentName(turn, lesson.studentId());
        if (name != null) {
            text.append(turn.t("lessons.card.student", name)).append('\n');
        }
        if (lesson.undatedMakeup()) {
            text.append(turn.t("lessons.card.undated")).append('\n');
        } else {
            text.append(turn.t("lessons.card.date", when(turn, lesson),
                    TIME.format(lesson.startAt().plusMinutes(lesson.durationMinutes())
                            .atZoneSameInstant(turn.zone())))).append('\n');
        }
        text.append(turn.t("lessons.card.duration", String.valueOf(lesson.durationMinutes()))).append('\n');
        text.append(lesson.skillsDeveloped() == null || lesson.skillsDeveloped().isBlank()
                ? turn.t("lessons.card.no_skills") : turn.t("lessons.card.skills", lesson.skillsDeveloped()))
                .append('\n');
        text.append(turn.t("lessons.card.attendance", turn.t(LessonCodes.label(lesson.attendance())))).append('\n');
        LessonStatus conduct = lesson.lessonStatus() == null ? LessonStatus.NOT_CONDUCTED : lesson.lessonStatus();
        text.append(turn.t("lessons.card.conduct", turn.t(LessonCodes.label(conduct)))).append('\n');
        TopicMastery mastery = lesson.masteryLevel() == null ? TopicMastery.NOT_LEARNED : lesson.masteryLevel();
        text.append(turn.t("lessons.card.mastery", turn.t(LessonCodes.label(mastery)))).append('\n');
        if (lesson.masteryComment() != null && !lesson.masteryComment().isBlank()) {
            text.append(turn.t("lessons.card.comment", lesson.masteryComment())).append('\n');
        }
        text.append(turn.t(lesson.charged() ? "lessons.card.charged" : "lessons.card.not_charged")).append('\n');
        notes(turn, lesson, text);
        long homework = homeworkCount(turn, lesson.id());
        if (homework > 0) {
            text.append(turn.t("lessons.card.homework", String.valueOf(homework))).append('\n');
        }
        return Screen.of(text.toString().stripTrailing(), cardButtons(turn, lesson, homework, listPage));
    }

    private void notes(Turn turn, FullLesson lesson, StringBuilder text) {
        if (lesson.isMakeup() && lesson.dated()) {
            text.append(turn.t("lessons.card.makeup")).append('\n');
        }
        if (lesson.isRescheduled() && lesson.originalStartAt() != null) {
            text.append(turn.t("lessons.card.moved_from",
                    DateTimeText.dateTime(lesson.originalStartAt(), turn.zone()))).append('\n');
        }
        if (lesson.cancelled()) {
            text.append(turn.t("lessons.card.cancelled_stays")).append('\n');
            if (lesson.cancellationReason() != null && !lesson.cancellationReason().isBlank()) {
                text.append(turn.t("lessons.card.reason", lesson.cancellationReason())).append('\n');
            }
        }
        if (lesson.topicMovedToLessonId() != null) {
            text.append(movedTo(turn, lesson.topicMovedToLessonId())).append('\n');
        }
    }

    /** "➡️ Тема перенесена на урок 27.12" (or onto an undated make-up); the target is read when shown. */
    private String movedTo(Turn turn, long targetId) {
        try {
            FullLesson target = lesson(turn, targetId);
            return target.undatedMakeup() ? turn.t("lessons.card.topic_moved_makeup")
                    : turn.t("lessons.card.topic_moved", DAY_MONTH.format(target.startAt().atZoneSameInstant(
                            turn.zone())));
        } catch (GatewayException gone) {
            return turn.t("lessons.card.topic_moved_unknown");
        }
    }

    private Keyboard cardButtons(Turn turn, FullLesson lesson, long homework, int listPage) {
        long id = lesson.id();
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        if (lesson.undatedMakeup()) {
            keyboard.row(Button.of(turn.t("lessons.btn.give_date"), LessonRoutes.RESCHEDULE.data(id)));
        } else {
            List<Button> marks = new ArrayList<>();
            AttendanceStatus current = lesson.attendance();
            if (current != AttendanceStatus.ATTENDED) {
                marks.add(Button.of(turn.t("lessons.btn.attended"), LessonRoutes.ATTENDED.data(id)));
            }
            for (AttendanceStatus cancel : List.of(AttendanceStatus.EXCUSED_ABSENCE,
                    AttendanceStatus.UNEXCUSED_ABSENCE, AttendanceStatus.RESCHEDULED)) {
                if (current != cancel) {
                    marks.add(Button.of(turn.t("lessons.btn.cancel." + cancel.value()),
                            LessonRoutes.CANCEL_ASK.data(id, LessonCodes.code(cancel))));
                }
            }
            for (int i = 0; i < marks.size(); i += 2) {
                keyboard.row(marks.subList(i, Math.min(marks.size(), i + 2)));
            }
            if (current == AttendanceStatus.SCHEDULED) {
                keyboard.row(Button.of(turn.t("lessons.btn.new_time"), LessonRoutes.RESCHEDULE.data(id)));
            }
        }
        keyboard.row(Button.of(turn.t("lessons.btn.edit"), LessonRoutes.EDIT.data(id)),
                Button.of(turn.t("lessons.btn.delete"), LessonRoutes.DELETE.data(id)));
        String homeworkLabel = homework > 0 ? turn.t("lessons.btn.check_hw", String.valueOf(homework))
                : homework == 0 ? turn.t("lessons.btn.add_hw") : turn.t("lessons.btn.homework");
        // The lesson's own homework: its list when there is some (or homework-service did not say), else assign.
        keyboard.row(Button.of(homeworkLabel, homework == 0
                ? ru.repitbot.bot.flows.tutor.homework.HomeworkRoutes.ASSIGN_FOR_LESSON.data(id)
                : ru.repitbot.bot.flows.tutor.homework.HomeworkRoutes.OF_LESSON.data(id)));
        keyboard.row(Button.of(turn.t("lessons.btn.to_list"), Routes.STUDENT_LESSONS.data(lesson.studentId(),
                Math.max(1, listPage))));
        return keyboard.build();
    }

    /** How many homework assignments hang on the lesson; -1 when homework-service does not say. */
    private long homeworkCount(Turn turn, long lessonId) {
        try {
            return turn.gateway().get(ANY_PAGE, "/api/v1/homework?lesson_id={id}&page=1&size=1", lessonId).total();
        } catch (GatewayException unavailable) {
            return -1;
        }
    }

    private String studentName(Turn turn, long studentId) {
        try {
            return turn.gateway().get(User.class, "/api/v1/users/{id}", studentId).fullName();
        } catch (GatewayException unavailable) {
            return null;
        }
    }

    // ---- sentences shared by the flows ----

    /** "пт 25.12.2026 15:30" in the person's zone; an undated make-up "📌 отработка без даты". */
    public String when(Turn turn, FullLesson lesson) {
        return lesson.undatedMakeup() ? turn.t().raw("lessons.undated")
                : DateTimeText.withWeekday(lesson.startAt(), turn.zone(), turn.t().language());
    }

    /**
     * Which lesson holds the time (a 409 overlap): its time, topic and student when the tutor may read it, else the
     * time alone.
     */
    public String overlap(Turn turn, Overlap overlap) {
        try {
            FullLesson other = lesson(turn, overlap.lessonId());
            String name = studentName(turn, other.studentId());
            return turn.t("lessons.overlap", when(turn, other), other.topic(), name == null ? "—" : name);
        } catch (GatewayException unreadable) {
            return turn.t("lessons.overlap_time", overlap.startAt() == null ? "—"
                    : DateTimeText.withWeekday(overlap.startAt(), turn.zone(), turn.t().language()));
        }
    }

    /**
     * What a cancellation did: each topic and where it went ("«Дроби» → урок 27.12 15:30", "→ новая отработка без
     * даты"), or that no topic moved. The targets' dates come from one read of the student's later lessons.
     */
    public String outcome(Turn turn, Cancellation cancellation) {
        FullLesson cancelled = cancellation.lesson();
        StringBuilder text = new StringBuilder(turn.t("lessons.cancel.done",
                turn.t(LessonCodes.label(cancelled.attendance()))));
        if (cancellation.topicMoves().isEmpty()) {
            return text.append('\n').append(turn.t("lessons.cancel.no_moves")).toString();
        }
        Map<Long, FullLesson> later = laterLessons(turn, cancelled);
        text.append("\n\n").append(turn.t("lessons.cancel.moves"));
        for (TopicMove move : cancellation.topicMoves()) {
            FullLesson target = later.get(move.toLessonId());
            String where;
            if (cancellation.makeupLessonId() != null && move.toLessonId() == cancellation.makeupLessonId()) {
                where = turn.t("lessons.cancel.to_new_makeup");
            } else if (target != null && target.dated()) {
                where = turn.t("lessons.cancel.to_lesson", SHORT.format(target.startAt().atZoneSameInstant(
                        turn.zone())));
            } else {
                where = turn.t("lessons.cancel.to_next");
            }
            text.append('\n').append(turn.t().raw("lessons.cancel.move", Html.escape(move.topic()), where));
        }
        return text.toString();
    }

    private Map<Long, FullLesson> laterLessons(Turn turn, FullLesson cancelled) {
        Map<Long, FullLesson> byId = new HashMap<>();
        try {
            String from = DateTimeFormatter.ISO_INSTANT.format(cancelled.startAt().toInstant()
                    .atOffset(ZoneOffset.UTC));
            Page<FullLesson> later = turn.gateway().get(LESSON_PAGE,
                    "/api/v1/lessons?student_id={id}&from={from}&order=asc&page=1&size=100", cancelled.studentId(),
                    from);
            later.items().forEach(lesson -> byId.put(lesson.id(), lesson));
        } catch (GatewayException unavailable) {
            // The moves are still told, without the dates.
        }
        return byId;
    }

    // ---- helpers ----

    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    /** ISO-8601 with the offset, seconds included: what lesson-service reads as {@code start_at}. */
    static String iso(java.time.ZonedDateTime moment) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(moment.toOffsetDateTime());
    }

    static String shortDateTime(OffsetDateTime moment, ZoneId zone) {
        return SHORT.format(moment.atZoneSameInstant(zone));
    }
}
