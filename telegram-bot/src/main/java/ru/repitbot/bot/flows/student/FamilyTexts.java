package ru.repitbot.bot.flows.student;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import ru.repitbot.bot.dialog.Button;
import ru.repitbot.bot.dialog.Keyboard;
import ru.repitbot.bot.dialog.Outgoing;
import ru.repitbot.bot.dialog.Screen;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.flows.Routes;
import ru.repitbot.bot.flows.student.FamilyApi.HomeworkInfo;
import ru.repitbot.bot.flows.student.FamilyApi.LessonInfo;
import ru.repitbot.bot.i18n.Html;
import ru.repitbot.bot.i18n.Lang;
import ru.repitbot.bot.time.DateTimeText;

/**
 * How the family screens write lessons, homework and pages (docs/domain/README.md#statuses-and-their-labels emojis, docs/domain/bot.md#student-screens layouts), shared by the
 * student's and the parent's flows. Plain functions of what the services answered; the words come from
 * {@code texts/family_*.properties}.
 */
public final class FamilyTexts {

    /** Telegram shows about this much of a button; longer texts end with "…". */
    public static final int BUTTON_TEXT = 50;
    /** At most this many photos of one side (the tutor's task, the answer) are sent with a homework. */
    static final int MAX_PHOTOS = 10;
    /** At most this many of the tutor's documents are sent with a homework (homework-service keeps at most 10). */
    static final int MAX_DOCUMENTS = 10;

    private FamilyTexts() {
    }

    public static String attendanceEmoji(String status) {
        if (status == null) {
            return "❓";
        }
        return switch (status) {
            case "attended" -> "✅";
            case "excused_absence" -> "😷";
            case "unexcused_absence" -> "❌";
            case "rescheduled" -> "📅";
            case "scheduled" -> "🕒";
            default -> "❓";
        };
    }

    public static String masteryEmoji(String level) {
        if (level == null) {
            return "";
        }
        return switch (level) {
            case "not_learned" -> "⚪";
            case "learned" -> "🟡";
            case "mastered" -> "🟢";
            default -> "";
        };
    }

    public static String homeworkEmoji(String status) {
        if (status == null) {
            return "❓";
        }
        return switch (status) {
            case "pending" -> "⏳";
            case "submitted" -> "📤";
            case "checked" -> "✅";
            default -> "❓";
        };
    }

    /** A status word from the bundle ({@code family.attendance.attended}), or "unknown" for a value it lacks. */
    public static String label(Lang t, String prefix, String value) {
        String key = prefix + "." + value;
        return value != null && t.has(key) ? t.get(key) : t.get("family.unknown");
    }

    /** {@code text} cut to {@code max} characters with "…". */
    public static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    public static String topic(Lang t, String topic) {
        return topic == null || topic.isBlank() ? t.get("family.no_topic") : topic;
    }

    /** A lesson's date and time in the person's zone, or "undated make-up". */
    public static String when(Turn turn, OffsetDateTime moment) {
        return moment == null ? turn.t("family.undated")
                : DateTimeText.withWeekday(moment, turn.zone(), turn.t().language());
    }

    /** The lesson button of docs/domain/bot.md#student-screens: {@code dd.mm.yy {attendance}{mastery} {topic}}, at most 50 characters. */
    public static String lessonButton(Lang t, LessonInfo lesson, ZoneId zone) {
        String date = lesson.startAt() == null ? "—" : DateTimeText.shortDate(lesson.startAt(), zone);
        return shorten(date + " " + attendanceEmoji(lesson.attendanceStatus()) + masteryEmoji(lesson.masteryLevel())
                + " " + topic(t, lesson.topic()), BUTTON_TEXT);
    }

    /**
     * The schedule: one line per lesson, numbered, at its own date; a cancelled occurrence stays at its date and
     * says it is cancelled (and why: excused, unexcused, rescheduled).
     */
    public static String scheduleLines(Turn turn, List<LessonInfo> lessons) {
        StringBuilder text = new StringBuilder();
        int n = 1;
        for (LessonInfo lesson : lessons) {
            String line = turn.t("family.schedule.line", String.valueOf(n++), when(turn, lesson.startAt()),
                    topic(turn.t(), lesson.topic()));
            if (lesson.cancelled()) {
                line = turn.t().raw("family.schedule.cancelled", line,
                        label(turn.t(), "family.attendance", lesson.attendanceStatus()));
            }
            text.append(line).append('\n');
        }
        return text.toString().stripTrailing();
    }

    /** A homework's button in a list: status, 🔴 when overdue, deadline, topic. */
    public static String homeworkButton(Turn turn, HomeworkInfo homework) {
        String deadline = homework.deadline() == null ? ""
                : " " + DateTimeText.shortDate(homework.deadline(), turn.zone()).substring(0, 5);
        String what = homework.lessonTopic() != null && !homework.lessonTopic().isBlank() ? homework.lessonTopic()
                : homework.description();
        return shorten((homework.overdue() ? "🔴" : "") + homeworkEmoji(homework.status()) + deadline + " " + what,
                BUTTON_TEXT);
    }

    /**
     * One homework, read-only: the text (task, deadline, link, status, the tutor's files, the answer, the tutor's
     * comment), then the tutor's photos and documents and the answer's photos and document, sent by their Telegram
     * file ids. The keyboard goes under the last message, so it is where the person stops reading.
     *
     * @param own the student's own view ("your answer") or a parent's ("the answer")
     */
    public static List<Outgoing> homeworkDetail(Turn turn, HomeworkInfo homework, boolean own, String notice,
            Keyboard keyboard) {
        Lang t = turn.t();
        StringBuilder text = new StringBuilder();
        if (notice != null) {
            text.append(notice).append("\n\n");
        }
        text.append(t.get("family.hw.title", topic(t, homework.lessonTopic()))).append('\n');
        if (homework.lessonDate() != null) {
            text.append(t.get("family.hw.lesson_date", when(turn, homework.lessonDate()))).append('\n');
        }
        text.append(t.get("family.hw.task", homework.description() == null ? "" : homework.description()))
                .append('\n');
        text.append(t.get("family.hw.deadline", homework.deadline() == null ? t.get("family.hw.no_deadline")
                : DateTimeText.dateTime(homework.deadline(), turn.zone()))).append('\n');
        if (homework.link() != null && !homework.link().isBlank()) {
            text.append(t.get("family.hw.link", homework.link())).append('\n');
        }
        text.append(t.raw("family.hw.status", homeworkEmoji(homework.status()),
                label(t, "family.hw_status", homework.status()))).append('\n');
        if (homework.overdue()) {
            text.append(t.get("family.hw.overdue")).append('\n');
        }
        if (!homework.photoFileIds().isEmpty()) {
            text.append(t.get("family.hw.tutor_photos", String.valueOf(homework.photoFileIds().size()))).append('\n');
        }
        if (!homework.documents().isEmpty()) {
            text.append(t.get("family.hw.tutor_documents", documentNames(t, homework.documents()))).append('\n');
        }
        List<String> tutorFiles = homework.attachments().stream().filter(a -> "assignment".equals(a.kind()))
                .map(FamilyApi.Attachment::fileName).toList();
        if (!tutorFiles.isEmpty()) {
            text.append(t.get("family.hw.tutor_files", String.join(", ", tutorFiles))).append('\n');
        }
        FamilyApi.Answer answer = homework.submission();
        text.append('\n');
        if (answer == null) {
            text.append(t.get(own ? "family.hw.no_answer_own" : "family.hw.no_answer")).append('\n');
        } else {
            text.append(t.get(own ? "family.hw.answer_own" : "family.hw.answer")).append('\n');
            if (answer.submittedAt() != null) {
                text.append(t.get("family.hw.submitted_at", DateTimeText.dateTime(answer.submittedAt(), turn.zone())))
                        .append('\n');
            }
            if (answer.text() != null && !answer.text().isBlank()) {
                text.append(t.get("family.hw.answer_text", shorten(answer.text(), 1500))).append('\n');
            }
            if (!answer.photoFileIds().isEmpty()) {
                text.append(t.get("family.hw.answer_photos", String.valueOf(answer.photoFileIds().size())))
                        .append('\n');
            }
            if (answer.documentFileId() != null) {
                text.append(t.get("family.hw.answer_document")).append('\n');
            }
        }
        if (homework.tutorComment() != null && !homework.tutorComment().isBlank()) {
            text.append(t.get("family.hw.comment", homework.tutorComment())).append('\n');
        }

        List<Outgoing> messages = new ArrayList<>();
        messages.add(Screen.of(text.toString().stripTrailing()));
        List<String> tutorPhotos = homework.photoFileIds();
        for (int i = 0; i < Math.min(MAX_PHOTOS, tutorPhotos.size()); i++) {
            messages.add(new Outgoing.Photo(tutorPhotos.get(i), t.get("family.hw.tutor_photo_caption",
                    String.valueOf(i + 1), String.valueOf(tutorPhotos.size())), Keyboard.NONE));
        }
        List<FamilyApi.TaskDocument> tutorDocuments = homework.documents();
        for (int i = 0; i < Math.min(MAX_DOCUMENTS, tutorDocuments.size()); i++) {
            messages.add(new Outgoing.Document(tutorDocuments.get(i).fileId(), t.get(
                    "family.hw.tutor_document_caption", String.valueOf(i + 1), String.valueOf(tutorDocuments.size())),
                    Keyboard.NONE));
        }
        if (answer != null) {
            List<String> photos = answer.photoFileIds();
            for (int i = 0; i < Math.min(MAX_PHOTOS, photos.size()); i++) {
                messages.add(new Outgoing.Photo(photos.get(i), t.get(own ? "family.hw.own_photo_caption"
                        : "family.hw.answer_photo_caption", String.valueOf(i + 1), String.valueOf(photos.size())),
                        Keyboard.NONE));
            }
            if (answer.documentFileId() != null) {
                messages.add(new Outgoing.Document(answer.documentFileId(),
                        t.get(own ? "family.hw.own_document_caption" : "family.hw.answer_document_caption"),
                        Keyboard.NONE));
            }
        }
        messages.set(messages.size() - 1, withKeyboard(messages.getLast(), keyboard));
        return messages;
    }

    /** The tutor's documents by name, one without a name as "файл N". */
    static String documentNames(Lang t, List<FamilyApi.TaskDocument> documents) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            String name = documents.get(i).fileName();
            names.add(name == null || name.isBlank() ? t.raw("family.hw.document_unnamed", String.valueOf(i + 1))
                    : name.strip());
        }
        return String.join(", ", names);
    }

    private static Outgoing withKeyboard(Outgoing message, Keyboard keyboard) {
        return switch (message) {
            case Screen screen -> new Screen(screen.text(), keyboard, screen.asNew());
            case Outgoing.Photo photo -> new Outgoing.Photo(photo.fileId(), photo.caption(), keyboard);
            case Outgoing.Document document -> new Outgoing.Document(document.fileId(), document.caption(), keyboard);
        };
    }

    /** ◀️ N/M ▶️ for a list of {@code pages}; empty when there is one page. */
    public static List<Button> pager(Lang t, int page, int pages, IntFunction<String> data) {
        List<Button> nav = new ArrayList<>();
        if (pages <= 1) {
            return nav;
        }
        if (page > 1) {
            nav.add(Button.of(t.get("common.prev"), data.apply(page - 1)));
        }
        nav.add(Button.of(t.get("common.page", String.valueOf(page), String.valueOf(pages)), Routes.NOOP.data()));
        if (page < pages) {
            nav.add(Button.of(t.get("common.next"), data.apply(page + 1)));
        }
        return nav;
    }

    /** Escaped for HTML, for texts built by hand. */
    public static String html(String text) {
        return Html.escape(text);
    }
}
