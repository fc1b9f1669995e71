package ru.repitbot.bot.flows.tutor.lessons;

import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
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
import ru.repitbot.bot.flows.Routes;
import ru.repitbot.bot.flows.tutor.lessons.LessonData.FullLesson;
import ru.repitbot.bot.flows.tutor.lessons.LessonData.Overlap;
import ru.repitbot.bot.gateway.GatewayException;
import ru.repitbot.bot.gateway.GatewayProblem;
import ru.repitbot.bot.gateway.model.User;
import ru.repitbot.models.Role;

/**
 * Adding a lesson (docs/domain/bot.md#tutor-lessons with a time of day and a length, docs/domain/lessons.md#q6-length-and-study-time): topic → date and time as people type
 * them, in the tutor's zone (the past refused) → length (buttons 45/60/90/120 or a number 15–600) → skills or /skip →
 * {@code POST /api/v1/lessons} with an Idempotency-Key from the update. A time the tutor already holds (409 naming the
 * lesson there) is said, and the dialog asks for another time, keeping the rest.
 */
@Component
public class AddLessonFlow implements Flow {

    static final String DIALOG = "lesson.add";
    private static final int MAX_TOPIC = 500;
    private static final int MAX_SKILLS = 2000;
    private static final Access TUTOR = Access.roles(Role.TUTOR);

    private final LessonViews views;

    public AddLessonFlow(LessonViews views) {
        this.views = views;
    }

    @Override
    public void register(FlowRegistry registry) {
        registry.callback(Routes.LESSON_ADD, TUTOR, this::start);
        registry.step(DIALOG, "topic", this::topic);
        registry.step(DIALOG, "when", this::when);
        registry.step(DIALOG, "duration", this::typedDuration);
        registry.step(DIALOG, "skills", this::skills);
        registry.dialogCallback(LessonRoutes.ADD_DURATION, DIALOG, TUTOR, this::pressedDuration);
        registry.dialogCallback(LessonRoutes.ADD_SKIP, DIALOG, TUTOR, this::skipSkills);
    }

    private Reply start(Turn turn) {
        long studentId = turn.longArg(0);
        User student = views.student(turn, studentId);
        turn.startDialog(DIALOG, "topic", Map.of("student", Long.toString(studentId)));
        return Reply.of(Screen.of(turn.t("lessons.add.ask_topic", student.fullName()), cancel(turn, studentId)));
    }

    private Reply topic(Turn turn) {
        String topic = turn.text().replaceAll("\\s+", " ");
        if (topic.isEmpty() || topic.startsWith("/") || topic.length() > MAX_TOPIC) {
            return Reply.text(turn.t("lessons.add.bad_topic"));
        }
        turn.nextStep("when", Map.of("topic", topic));
        return Reply.of(Screen.of(turn.t("lessons.add.ask_when"), cancel(turn, turn.state().getLong("student"))));
    }

    private Reply when(Turn turn) {
        Optional<ZonedDateTime> moment = turn.dates().parse(turn.text(), turn.zone());
        if (moment.isEmpty()) {
            return Reply.text(turn.t("lessons.when.bad"));
        }
        if (turn.dates().isPast(moment.get())) {
            return Reply.text(turn.t("lessons.when.past"));
        }
        String start = LessonViews.iso(moment.get());
        if (turn.state().has("skills_done")) {
            // After an overlap: the rest is known, only the time was asked again.
            turn.nextStep("create", Map.of("start", start));
            return create(turn);
        }
        turn.nextStep("duration", Map.of("start", start));
        return Reply.of(Screen.of(turn.t("lessons.add.ask_duration"), Keyboard.inline()
                .row(durationButton(turn, 45), durationButton(turn, 60), durationButton(turn, 90),
                        durationButton(turn, 120))
                .build()));
    }

    private Button durationButton(Turn turn, int minutes) {
        return Button.of(turn.t("lessons.add.minutes", String.valueOf(minutes)),
                LessonRoutes.ADD_DURATION.data(minutes));
    }

    private Reply typedDuration(Turn turn) {
        return DurationStep.typed(turn, this::duration);
    }

    private Reply pressedDuration(Turn turn) {
        return DurationStep.pressed(turn, this::duration);
    }

    private Reply duration(Turn turn, int minutes) {
        turn.nextStep("skills", Map.of("minutes", Integer.toString(minutes)));
        return Reply.of(Screen.of(turn.t("lessons.add.ask_skills"), Keyboard.inline()
                .row(Button.of(turn.t("lessons.add.skip"), LessonRoutes.ADD_SKIP.data()))
                .build()));
    }

    private Reply skills(Turn turn) {
        if (turn.isSkip()) {
            turn.nextStep("create", Map.of("skills_done", "1"));
            return create(turn);
        }
        String skills = turn.text();
        if (skills.isEmpty() || skills.startsWith("/") || skills.length() > MAX_SKILLS) {
            return Reply.text(turn.t("lessons.add.bad_skills"));
        }
        turn.nextStep("create", Map.of("skills", skills, "skills_done", "1"));
        return create(turn);
    }

    private Reply skipSkills(Turn turn) {
        if (turn.dialog().isEmpty() || !"skills".equals(turn.state().step())) {
            return Reply.alertOnly(turn.t("error.outdated_button"));
        }
        turn.nextStep("create", Map.of("skills_done", "1"));
        return create(turn);
    }

    /**
     * Creates the lesson. An overlap keeps the dialog and asks for another time; any other failure ends it (the
     * router says why) so that a retry starts over instead of sending the same lesson again.
     */
    private Reply create(Turn turn) {
        var state = turn.state();
        long studentId = state.getLong("student");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("student_id", studentId);
        body.put("topic", state.get("topic"));
        body.put("start_at", state.get("start"));
        body.put("duration_minutes", Integer.parseInt(state.get("minutes")));
        if (state.get("skills") != null) {
            body.put("skills_developed", state.get("skills"));
        }
        FullLesson lesson;
        try {
            lesson = turn.gateway().postIdempotent(FullLesson.class, "tg-" + turn.event().updateId(),
                    "/api/v1/lessons", body);
        } catch (GatewayProblem problem) {
            Optional<Overlap> overlap = Overlap.of(problem);
            if (overlap.isPresent()) {
                turn.nextStep("when", Map.of());
                return Reply.of(Screen.of(turn.t().raw("lessons.add.busy", views.overlap(turn, overlap.get())),
                        cancel(turn, studentId)));
            }
            turn.endDialog();
            throw problem;
        } catch (GatewayException failure) {
            turn.endDialog();
            throw failure;
        }
        turn.endDialog();
        return Reply.of(views.card(turn, lesson, turn.t("lessons.add.done"), 1));
    }

    private static Keyboard cancel(Turn turn, long studentId) {
        return Keyboard.inline().row(Button.of(turn.t("common.cancel"), Routes.STUDENT.data(studentId))).build();
    }
}
