package ru.repitbot.bot.flows.tutor.lessons;

import java.time.ZonedDateTime;
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
import ru.repitbot.bot.flows.tutor.lessons.LessonData.FullLesson;
import ru.repitbot.bot.flows.tutor.lessons.LessonData.Overlap;
import ru.repitbot.bot.gateway.GatewayProblem;
import ru.repitbot.models.AttendanceStatus;
import ru.repitbot.models.Role;

/**
 * Moving a lesson to a new time, and giving an undated make-up its date (docs/domain/lessons.md#rescheduling-and-moving:
 * a plain move, no topic shift): a one-step dialog, the new date and time as people type them (future only) →
 * {@code POST /lessons/{id}/reschedule}. Nothing else moves. A time the tutor holds already is said and asked again;
 * a lesson marked meanwhile keeps its date (409) and the dialog ends with that sentence.
 */
@Component
public class RescheduleFlow implements Flow {

    static final String DIALOG = "lesson.reschedule";
    private static final Access TUTOR = Access.roles(Role.TUTOR);

    private final LessonViews views;

    public RescheduleFlow(LessonViews views) {
        this.views = views;
    }

    @Override
    public void register(FlowRegistry registry) {
        registry.callback(LessonRoutes.RESCHEDULE, TUTOR, this::ask);
        registry.step(DIALOG, "when", this::move);
    }

    private Reply ask(Turn turn) {
        FullLesson lesson = views.lesson(turn, turn.longArg(0));
        if (lesson.attendance() != AttendanceStatus.SCHEDULED) {
            return Reply.alertOnly(turn.t("lessons.marked_keeps_date"));
        }
        turn.startDialog(DIALOG, "when", Map.of("lesson", Long.toString(lesson.id())));
        String text = lesson.undatedMakeup() ? turn.t("lessons.reschedule.ask_date", lesson.topic())
                : turn.t("lessons.reschedule.ask", views.when(turn, lesson), lesson.topic());
        return Reply.of(Screen.of(text, Keyboard.inline()
                .row(Button.of(turn.t("common.cancel"), LessonRoutes.LESSON.data(lesson.id())))
                .build()));
    }

    private Reply move(Turn turn) {
        long lessonId = turn.state().getLong("lesson");
        Optional<ZonedDateTime> moment = turn.dates().parse(turn.text(), turn.zone());
        if (moment.isEmpty()) {
            return Reply.text(turn.t("lessons.when.bad"));
        }
        if (turn.dates().isPast(moment.get())) {
            return Reply.text(turn.t("lessons.when.past"));
        }
        FullLesson moved;
        try {
            moved = turn.gateway().post(FullLesson.class, "/api/v1/lessons/{id}/reschedule",
                    Map.of("start_at", LessonViews.iso(moment.get())), lessonId);
        } catch (GatewayProblem problem) {
            Optional<Overlap> overlap = Overlap.of(problem);
            if (overlap.isPresent()) {
                return Reply.text(turn.t().raw("lessons.reschedule.busy", views.overlap(turn, overlap.get())));
            }
            turn.endDialog();
            if (problem.isConflict()) {
                return Reply.of(Screen.of(LessonsFlow.conflictSentence(turn, problem), Keyboard.inline()
                        .row(Button.of(turn.t("lessons.btn.to_lesson"), LessonRoutes.LESSON.data(lessonId)))
                        .build()));
            }
            throw problem;
        }
        turn.endDialog();
        return Reply.of(views.card(turn, moved, turn.t("lessons.reschedule.done", views.when(turn, moved))));
    }
}
