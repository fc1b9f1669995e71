package ru.repitbot.bot.flows.tutor.homework;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import ru.repitbot.bot.dialog.Access;
import ru.repitbot.bot.dialog.BotEvent;
import ru.repitbot.bot.dialog.Button;
import ru.repitbot.bot.dialog.Flow;
import ru.repitbot.bot.dialog.FlowRegistry;
import ru.repitbot.bot.dialog.Keyboard;
import ru.repitbot.bot.dialog.Reply;
import ru.repitbot.bot.dialog.Screen;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.flows.Routes;
import ru.repitbot.bot.flows.tutor.homework.HomeworkModels.Homework;
import ru.repitbot.bot.flows.tutor.homework.HomeworkModels.NewHomework;
import ru.repitbot.bot.flows.tutor.homework.HomeworkModels.TaskDocument;
import ru.repitbot.bot.gateway.GatewayProblem;
import ru.repitbot.bot.gateway.model.Lesson;
import ru.repitbot.bot.gateway.model.Page;
import ru.repitbot.bot.gateway.model.User;
import ru.repitbot.bot.session.DialogState;
import ru.repitbot.bot.time.DateTimeText;
import ru.repitbot.models.Role;
import tools.jackson.core.type.TypeReference;

/**
 * Assigning homework to one of the student's lessons (docs/domain/homework.md#assigning, docs/domain/bot.md#tutor-homework; several per lesson, docs/domain/homework.md#q13-several-per-lesson): from the
 * homework list "➕ Задать ДЗ" → a lesson (upcoming and recent, newest first, paged) — or straight from a lesson card
 * ({@link HomeworkRoutes#ASSIGN_FOR_LESSON}) — then a dialog: the task's text → the deadline as people type dates (in
 * their zone; a day alone means the end of that day; the past is refused; homework-service requires one, so no /skip)
 * → a link or /skip → photos and documents (PDF, Word…), any mix, several, each acknowledged, until /done →
 * {@code POST /api/v1/homework} with {@code lesson_id, description, deadline, link, photo_file_ids, documents}.
 * homework-service keeps both by Telegram file id (a document with its file name), so they are sent on later as they
 * came. What is collected waits in the dialog state: the photos' ids joined, each document as {@code doc.N} and
 * {@code docname.N} with the count in {@code docs}.
 */
@Component
public class AssignHomeworkFlow implements Flow {

    static final String DIALOG = "homework.assign";
    static final int MAX_PHOTOS = 20;
    /** homework-service's limits of the task's Telegram documents. */
    static final int MAX_DOCUMENTS = 10;
    private static final int MAX_FILE_NAME = 255;
    /** Set when the service refused the deadline: the next valid one creates the homework at once. */
    private static final String AGAIN = "again";
    private static final int MAX_TEXT = 4000;
    /** How many upcoming lessons the lesson picker shows above the past ones. */
    private static final int UPCOMING = 3;
    private static final int MAX_LINK = 2048;
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final Set<String> DONE_WORDS = Set.of("/done", "готово", "done");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final Access TUTOR = Access.roles(Role.TUTOR);
    private static final TypeReference<Page<Lesson>> LESSON_PAGE = new TypeReference<>() {
    };

    private final HomeworkViews views;

    public AssignHomeworkFlow(HomeworkViews views) {
        this.views = views;
    }

    @Override
    public void register(FlowRegistry registry) {
        registry.callback(HomeworkRoutes.ASSIGN, TUTOR, this::pickLesson);
        registry.callback(HomeworkRoutes.ASSIGN_FOR_LESSON, TUTOR, this::start);
        registry.step(DIALOG, "text", this::text);
        registry.step(DIALOG, "deadline", this::deadline);
        registry.step(DIALOG, "link", this::link);
        registry.step(DIALOG, "files", this::files);
        registry.dialogCallback(HomeworkRoutes.ASSIGN_SKIP, DIALOG, TUTOR, this::skipButton);
        registry.dialogCallback(HomeworkRoutes.ASSIGN_DONE, DIALOG, TUTOR, this::doneButton);
    }

    // ---- the lesson ----

    /**
     * The lessons to choose from: on the first page the next three (nearest first, marked 🔜), then the past ones,
     * the most recent first, 10 a page — homework is usually set at the lesson just given or for the next one.
     */
    private Reply pickLesson(Turn turn) {
        long studentId = turn.longArg(0);
        int page = Math.max(1, turn.intArg(1));
        User student = views.student(turn, studentId);
        String now = DateTimeFormatter.ISO_INSTANT.format(turn.now().truncatedTo(ChronoUnit.SECONDS));
        List<Lesson> upcoming = page > 1 ? List.of() : turn.gateway().get(LESSON_PAGE,
                "/api/v1/lessons?student_id={student}&from={now}&order=asc&page=1&size={size}", studentId, now,
                UPCOMING).items();
        Page<Lesson> past = turn.gateway().get(LESSON_PAGE,
                "/api/v1/lessons?student_id={student}&to={now}&order=desc&page={page}&size={size}", studentId, now,
                page, HomeworkViews.PAGE_SIZE);
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        Set<Long> shown = new HashSet<>();
        for (Lesson lesson : upcoming) {
            shown.add(lesson.id());
            keyboard.row(Button.of(turn.t().raw("hw.pick.upcoming", lessonButton(turn, lesson)),
                    HomeworkRoutes.ASSIGN_FOR_LESSON.data(lesson.id())));
        }
        for (Lesson lesson : past.items()) {
            if (shown.add(lesson.id())) {
                keyboard.row(Button.of(lessonButton(turn, lesson), HomeworkRoutes.ASSIGN_FOR_LESSON.data(lesson.id())));
            }
        }
        if (past.pages() > 1) {
            List<Button> nav = new ArrayList<>();
            if (past.page() > 1) {
                nav.add(Button.of(turn.t("common.prev"), HomeworkRoutes.ASSIGN.data(studentId, past.page() - 1)));
            }
            nav.add(Button.of(turn.t("common.page", String.valueOf(past.page()), String.valueOf(past.pages())),
                    Routes.NOOP.data()));
            if (past.page() < past.pages()) {
                nav.add(Button.of(turn.t("common.next"), HomeworkRoutes.ASSIGN.data(studentId, past.page() + 1)));
            }
            keyboard.row(nav);
        }
        keyboard.row(Button.of(turn.t("hw.btn.to_list"), HomeworkRoutes.LIST.data(studentId, 1)));
        String text = shown.isEmpty() && past.total() == 0 ? turn.t("hw.pick.none", student.fullName())
                : turn.t("hw.pick.title", student.fullName());
        return Reply.of(Screen.of(text, keyboard.build()));
    }

    private String lessonButton(Turn turn, Lesson lesson) {
        String when = lesson.startAt() == null ? turn.t("hw.pick.no_date")
                : DateTimeText.shortDate(lesson.startAt(), turn.zone()) + " "
                        + DateTimeFormatter.ofPattern("HH:mm").format(lesson.startAt().toInstant().atZone(turn.zone()));
        String topic = lesson.topic() == null || lesson.topic().isBlank() ? turn.t("hw.card.no_topic")
                : lesson.topic().strip();
        return turn.t().raw("hw.pick.item", when, HomeworkViews.shorten(topic, 30));
    }

    private Reply start(Turn turn) {
        long lessonId = turn.longArg(0);
        Lesson lesson;
        try {
            lesson = turn.gateway().get(Lesson.class, "/api/v1/lessons/{id}", lessonId);
        } catch (GatewayProblem problem) {
            if (problem.isNotFound()) {
                return Reply.alertOnly(turn.t("hw.assign.lesson_gone"));
            }
            throw problem;
        }
        String topic = lesson.topic() == null || lesson.topic().isBlank() ? turn.t("hw.card.no_topic")
                : lesson.topic().strip();
        String when = lesson.startAt() == null ? turn.t("hw.pick.no_date")
                : DateTimeText.dateTime(lesson.startAt(), turn.zone());
        turn.startDialog(DIALOG, "text", Map.of("lesson", Long.toString(lessonId),
                "student", Long.toString(lesson.studentId()), "topic", HomeworkViews.shorten(topic, 100),
                "when", when));
        return Reply.of(Screen.of(turn.t("hw.assign.ask_text", HomeworkViews.shorten(topic, 100), when),
                cancel(turn, lesson.studentId())));
    }

    private Keyboard cancel(Turn turn, long studentId) {
        return Keyboard.inline().row(Button.of(turn.t("common.cancel"), HomeworkRoutes.LIST.data(studentId, 1)))
                .build();
    }

    // ---- the dialog ----

    private Reply text(Turn turn) {
        String text = turn.event().text() == null ? "" : turn.event().text().strip();
        if (text.isEmpty() || text.length() > MAX_TEXT || text.startsWith("/")) {
            return Reply.text(turn.t("hw.assign.bad_text"));
        }
        turn.nextStep("deadline", Map.of("text", text));
        return Reply.text(turn.t("hw.assign.ask_deadline"));
    }

    private Reply deadline(Turn turn) {
        if (turn.isSkip()) {
            return Reply.text(turn.t("hw.assign.deadline_required"));
        }
        Optional<ZonedDateTime> deadline = readDeadline(turn);
        if (deadline.isEmpty()) {
            return Reply.text(turn.t("hw.assign.bad_deadline"));
        }
        if (turn.dates().isPast(deadline.get())) {
            return Reply.text(turn.t("hw.assign.past_deadline"));
        }
        String iso = ISO.format(deadline.get().truncatedTo(ChronoUnit.SECONDS));
        if (turn.state().has(AGAIN)) {
            // The service refused the first deadline; the link and the photos are already here.
            turn.nextStep("files", Map.of("deadline", iso));
            return create(turn);
        }
        turn.nextStep("link", Map.of("deadline", iso));
        return askLink(turn);
    }

    /** A date and a time, or a day alone meaning the end of that day; in the person's zone. */
    static Optional<ZonedDateTime> readDeadline(Turn turn) {
        Optional<ZonedDateTime> moment = turn.dates().parse(turn.text(), turn.zone());
        if (moment.isPresent()) {
            return moment;
        }
        return turn.dates().parseDate(turn.text(), turn.zone())
                .map(day -> day.atTime(LocalTime.of(23, 59)).atZone(turn.zone()));
    }

    private Reply askLink(Turn turn) {
        return Reply.of(Screen.of(turn.t("hw.assign.ask_link"), Keyboard.inline()
                .row(Button.of(turn.t("hw.assign.skip"), HomeworkRoutes.ASSIGN_SKIP.data()))
                .build()));
    }

    private Reply link(Turn turn) {
        if (turn.isSkip()) {
            return toFiles(turn, null);
        }
        String link = turn.text();
        if (link.length() > MAX_LINK || !LINK.matcher(link).matches()) {
            return Reply.text(turn.t("hw.assign.bad_link"));
        }
        return toFiles(turn, link);
    }

    private Reply toFiles(Turn turn, String link) {
        Map<String, String> changes = new HashMap<>();
        changes.put("link", link);
        turn.nextStep("files", changes);
        return Reply.of(Screen.of(turn.t("hw.assign.ask_photos"), doneKeyboard(turn)));
    }

    private Keyboard doneKeyboard(Turn turn) {
        return Keyboard.inline().row(Button.of(turn.t("hw.assign.done_btn"), HomeworkRoutes.ASSIGN_DONE.data()))
                .build();
    }

    private Reply files(Turn turn) {
        if (!turn.event().photos().isEmpty()) {
            List<String> photos = photos(turn.state());
            if (photos.size() >= MAX_PHOTOS) {
                return Reply.text(turn.t("hw.assign.too_many_photos"));
            }
            photos.add(turn.event().photos().getLast().fileId());
            turn.nextStep("files", Map.of("photos", String.join(",", photos)));
            return Reply.of(Screen.of(turn.t("hw.assign.photo_added", String.valueOf(photos.size())),
                    doneKeyboard(turn)));
        }
        BotEvent.Attachment document = turn.event().document();
        if (document != null) {
            int count = documents(turn.state()).size();
            if (count >= MAX_DOCUMENTS) {
                return Reply.of(Screen.of(turn.t("hw.assign.too_many_documents", String.valueOf(MAX_DOCUMENTS)),
                        doneKeyboard(turn)));
            }
            int n = count + 1;
            String name = fileName(document.fileName());
            Map<String, String> changes = new HashMap<>();
            changes.put("docs", String.valueOf(n));
            changes.put("doc." + n, document.fileId());
            changes.put("docname." + n, name);
            turn.nextStep("files", changes);
            return Reply.of(Screen.of(name == null ? turn.t("hw.assign.document_added_unnamed", String.valueOf(n))
                    : turn.t("hw.assign.document_added", String.valueOf(n), name), doneKeyboard(turn)));
        }
        String text = turn.text().toLowerCase(Locale.ROOT);
        if (DONE_WORDS.contains(text) || turn.isSkip()) {
            return create(turn);
        }
        return Reply.of(Screen.of(turn.t("hw.assign.photos_hint"), doneKeyboard(turn)));
    }

    private Reply skipButton(Turn turn) {
        if (!inDialog(turn, "link")) {
            return Reply.alertOnly(turn.t("error.outdated_button"));
        }
        return toFiles(turn, null);
    }

    private Reply doneButton(Turn turn) {
        if (!inDialog(turn, "files")) {
            return Reply.alertOnly(turn.t("error.outdated_button"));
        }
        return create(turn);
    }

    private static boolean inDialog(Turn turn, String step) {
        return turn.dialog().isPresent() && DIALOG.equals(turn.state().name()) && step.equals(turn.state().step());
    }

    /** The documents collected so far, in the order sent. */
    static List<TaskDocument> documents(DialogState state) {
        int count = state.has("docs") ? Integer.parseInt(state.get("docs")) : 0;
        List<TaskDocument> documents = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            documents.add(new TaskDocument(state.get("doc." + n), state.get("docname." + n)));
        }
        return documents;
    }

    /** A document's name as the service takes it: no control characters, at most 255 characters; none if blank. */
    static String fileName(String raw) {
        if (raw == null) {
            return null;
        }
        String name = raw.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.length() > MAX_FILE_NAME) {
            name = name.substring(0, MAX_FILE_NAME);
            if (Character.isHighSurrogate(name.charAt(MAX_FILE_NAME - 1))) {
                name = name.substring(0, MAX_FILE_NAME - 1);
            }
        }
        return name.isEmpty() ? null : name;
    }

    static List<String> photos(DialogState state) {
        String joined = state.get("photos");
        return joined == null || joined.isEmpty() ? new ArrayList<>()
                : new ArrayList<>(Arrays.asList(joined.split(",")));
    }

    /**
     * Creates the homework. The dialog ends first (a failure midway never creates it twice on a retry); a deadline
     * the service refuses (passed meanwhile, too far ahead) puts the dialog back at the deadline.
     */
    private Reply create(Turn turn) {
        DialogState state = turn.state();
        long lessonId = state.getLong("lesson");
        long studentId = state.getLong("student");
        List<String> photos = photos(state);
        List<TaskDocument> documents = documents(state);
        turn.endDialog();
        Homework created;
        try {
            created = turn.gateway().post(Homework.class, "/api/v1/homework", new NewHomework(lessonId,
                    state.get("text"), state.get("deadline"), state.get("link"), photos.isEmpty() ? null : photos,
                    documents.isEmpty() ? null : documents));
        } catch (GatewayProblem problem) {
            if (problem.isBadRequest() && problem.errors().stream().anyMatch(e -> "deadline".equals(e.field()))) {
                Map<String, String> data = new HashMap<>(state.data());
                data.remove("deadline");
                data.put(AGAIN, "1");
                turn.startDialog(DIALOG, "deadline", data);
                return Reply.text(turn.t("hw.assign.deadline_refused"));
            }
            if (problem.isNotFound()) {
                return Reply.text(turn.t("hw.assign.lesson_gone"));
            }
            throw problem;
        }
        String headline = !documents.isEmpty()
                ? turn.t("hw.assign.done_files", String.valueOf(photos.size()), String.valueOf(documents.size()))
                : photos.isEmpty() ? turn.t("hw.assign.done")
                : turn.t("hw.assign.done_photos", String.valueOf(photos.size()));
        String text = headline + "\n" + turn.t("hw.assign.summary", state.get("topic"),
                DateTimeText.dateTime(created.deadline(), turn.zone()));
        return Reply.of(Screen.of(text, Keyboard.inline()
                .row(Button.of(turn.t("hw.btn.open"), HomeworkRoutes.VIEW.data(created.id())),
                        Button.of(turn.t("hw.btn.assign_more"), HomeworkRoutes.ASSIGN.data(studentId, 1)))
                .row(Button.of(turn.t("hw.btn.to_list"), HomeworkRoutes.LIST.data(studentId, 1)),
                        Button.of(turn.t("common.to_student"), Routes.STUDENT.data(studentId)))
                .build()));
    }
}
