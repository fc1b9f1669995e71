package ru.repitbot.bot.flows.tutor.schedule;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import ru.repitbot.bot.flows.tutor.lessons.LessonInput;
import ru.repitbot.bot.flows.tutor.schedule.ScheduleData.Materialised;
import ru.repitbot.bot.flows.tutor.schedule.ScheduleData.Slot;
import ru.repitbot.bot.flows.tutor.schedule.ScheduleData.Template;
import ru.repitbot.bot.flows.tutor.students.StudentViews;
import ru.repitbot.bot.gateway.GatewayProblem;
import ru.repitbot.bot.gateway.model.User;
import ru.repitbot.models.Role;

/**
 * The weekly template of a student (docs/domain/schedule.md#q5-templates-make-lessons: weekdays with a time, a length and an
 * optional note): the template ({@code GET /schedules/{id}}), a slot added (weekday buttons → the time typed → length
 * buttons or a number → a note or /skip) or removed, each saved as the whole list ({@code PUT}), the template cleared
 * ({@code DELETE}, confirmed), and lessons made from it for 1/2/4/8 weeks ({@code POST …/materialise?weeks=N}) with
 * what was created, already there, or skipped because the time is busy.
 */
@Component
public class ScheduleFlow implements Flow {

    static final String DIALOG = "schedule.slot";
    private static final Access TUTOR = Access.roles(Role.TUTOR);
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})[:.](\\d{2})");
    private static final List<Integer> WEEKS = List.of(1, 2, 4, 8);

    private final StudentViews students;

    public ScheduleFlow(StudentViews students) {
        this.students = students;
    }

    @Override
    public void register(FlowRegistry registry) {
        registry.callback(Routes.SCHEDULE, TUTOR, turn -> Reply.of(template(turn, turn.longArg(0), null)));
        registry.callback(ScheduleRoutes.ADD, TUTOR, this::pickDay);
        registry.callback(ScheduleRoutes.DAY, TUTOR, this::askTime);
        registry.step(DIALOG, "time", this::time);
        registry.step(DIALOG, "duration", this::typedDuration);
        registry.dialogCallback(ScheduleRoutes.DURATION, DIALOG, TUTOR, this::pressedDuration);
        registry.step(DIALOG, "note", this::note);
        registry.dialogCallback(ScheduleRoutes.NOTE_SKIP, DIALOG, TUTOR, this::skipNote);
        registry.callback(ScheduleRoutes.REMOVE, TUTOR, this::remove);
        registry.callback(ScheduleRoutes.CLEAR, TUTOR, this::confirmClear);
        registry.callback(ScheduleRoutes.CLEAR_CONFIRM, TUTOR, this::clear);
        registry.callback(ScheduleRoutes.FILL, TUTOR, this::askWeeks);
        registry.callback(ScheduleRoutes.FILL_WEEKS, TUTOR, this::fill);
    }

    private Template read(Turn turn, long studentId) {
        return turn.gateway().get(Template.class, "/api/v1/schedules/{id}", studentId);
    }

    /** The template with a button per slot to remove it, and the ways to add, fill and clear. */
    Screen template(Turn turn, long studentId, String notice) {
        User student = students.student(turn, studentId);
        Template template = read(turn, studentId);
        StringBuilder text = new StringBuilder();
        if (notice != null) {
            text.append(notice).append("\n\n");
        }
        text.append(turn.t("lessons.schedule.title", student.fullName())).append("\n\n");
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        List<Slot> slots = template.ordered();
        if (slots.isEmpty()) {
            text.append(turn.t("lessons.schedule.empty"));
        } else {
            List<Button> removes = new ArrayList<>();
            for (Slot slot : slots) {
                text.append(turn.t("lessons.schedule.slot", dayShort(turn, slot.day()), slot.time(),
                        String.valueOf(minutes(slot))));
                if (slot.note() != null && !slot.note().isBlank()) {
                    text.append(' ').append(turn.t("lessons.schedule.note", slot.note()));
                }
                text.append('\n');
                removes.add(Button.of(turn.t("lessons.schedule.remove", dayShort(turn, slot.day()), slot.time()),
                        ScheduleRoutes.REMOVE.data(studentId, slot.day().getValue(), slot.compactTime())));
            }
            for (int i = 0; i < removes.size(); i += 2) {
                keyboard.row(removes.subList(i, Math.min(removes.size(), i + 2)));
            }
        }
        text.append("\n\n").append(turn.t("lessons.schedule.zone", zone(template)))
                .append('\n').append(turn.t("lessons.schedule.hint"));
        keyboard.row(Button.of(turn.t("lessons.schedule.add"), ScheduleRoutes.ADD.data(studentId)));
        if (!slots.isEmpty()) {
            keyboard.row(Button.of(turn.t("lessons.schedule.fill"), ScheduleRoutes.FILL.data(studentId)));
            keyboard.row(Button.of(turn.t("lessons.schedule.clear"), ScheduleRoutes.CLEAR.data(studentId)));
        }
        keyboard.row(Button.of(turn.t("common.to_student"), Routes.STUDENT.data(studentId)));
        return Screen.of(text.toString().replace("\n\n\n", "\n\n"), keyboard.build());
    }

    // ---- adding a slot ----

    private Reply pickDay(Turn turn) {
        long studentId = turn.longArg(0);
        User student = students.student(turn, studentId);
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        List<Button> row = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            row.add(Button.of(dayShort(turn, day), ScheduleRoutes.DAY.data(studentId, day.getValue())));
            if (row.size() == 4) {
                keyboard.row(row);
                row = new ArrayList<>();
            }
        }
        keyboard.row(row);
        keyboard.row(Button.of(turn.t("common.cancel"), Routes.SCHEDULE.data(studentId)));
        return Reply.of(Screen.of(turn.t("lessons.schedule.pick_day", student.fullName()), keyboard.build()));
    }

    private Reply askTime(Turn turn) {
        long studentId = turn.longArg(0);
        int day = turn.intArg(1);
        if (day < 1 || day > 7) {
            return Reply.alertOnly(turn.t("error.outdated_button"));
        }
        Template template = read(turn, studentId);
        Map<String, String> data = new LinkedHashMap<>();
        data.put("student", Long.toString(studentId));
        data.put("day", Integer.toString(day));
        turn.startDialog(DIALOG, "time", data);
        return Reply.of(Screen.of(turn.t("lessons.schedule.ask_time", dayIn(turn, DayOfWeek.of(day)),
                zone(template)), cancel(turn, studentId)));
    }

    private Reply time(Turn turn) {
        String time = time(turn.text());
        if (time == null) {
            return Reply.text(turn.t("lessons.schedule.bad_time"));
        }
        if (turn.state().has("minutes")) {
            // After a clash: length and note are known, only the time was asked again.
            turn.nextStep("save", Map.of("time", time));
            return save(turn);
        }
        turn.nextStep("duration", Map.of("time", time));
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        List<Button> row = new ArrayList<>();
        for (int minutes : List.of(45, 60, 90, 120)) {
            row.add(Button.of(turn.t("lessons.add.minutes", String.valueOf(minutes)),
                    ScheduleRoutes.DURATION.data(minutes)));
        }
        keyboard.row(row);
        return Reply.of(Screen.of(turn.t("lessons.add.ask_duration"), keyboard.build()));
    }

    private Reply typedDuration(Turn turn) {
        return ru.repitbot.bot.flows.tutor.lessons.DurationStep.typed(turn, this::duration);
    }

    private Reply pressedDuration(Turn turn) {
        return ru.repitbot.bot.flows.tutor.lessons.DurationStep.pressed(turn, this::duration);
    }

    private Reply duration(Turn turn, int minutes) {
        turn.nextStep("note", Map.of("minutes", Integer.toString(minutes)));
        return Reply.of(Screen.of(turn.t("lessons.schedule.ask_note"), Keyboard.inline()
                .row(Button.of(turn.t("lessons.schedule.no_note"), ScheduleRoutes.NOTE_SKIP.data()))
                .build()));
    }

    private Reply note(Turn turn) {
        if (turn.isSkip()) {
            turn.nextStep("save", Map.of());
            return save(turn);
        }
        String note = turn.text().replaceAll("\\s+", " ");
        if (note.isEmpty() || note.startsWith("/") || note.length() > 500) {
            return Reply.text(turn.t("lessons.schedule.bad_note"));
        }
        turn.nextStep("save", Map.of("note", note));
        return save(turn);
    }

    private Reply skipNote(Turn turn) {
        if (turn.dialog().isEmpty() || !"note".equals(turn.state().step())) {
            return Reply.alertOnly(turn.t("error.outdated_button"));
        }
        turn.nextStep("save", Map.of());
        return save(turn);
    }

    /**
     * Saves the template with the new slot (the whole list, as read now). A slot overlapping another (400 naming
     * {@code slots[i]}) is said and the time asked again; anything else ends the dialog and the router says why.
     */
    private Reply save(Turn turn) {
        var state = turn.state();
        long studentId = state.getLong("student");
        DayOfWeek day = DayOfWeek.of(Integer.parseInt(state.get("day")));
        Slot slot = new Slot(Slot.weekday(day), state.get("time"), Integer.parseInt(state.get("minutes")),
                state.get("note"));
        try {
            Template template = read(turn, studentId);
            List<Slot> slots = new ArrayList<>(template.slots());
            slots.add(slot);
            put(turn, studentId, template, slots);
        } catch (GatewayProblem problem) {
            if (problem.isBadRequest() && problem.errors().stream()
                    .anyMatch(e -> e.field() != null && e.field().startsWith("slots"))) {
                turn.nextStep("time", Map.of());
                return Reply.of(Screen.of(turn.t("lessons.schedule.clash", dayShort(turn, day), slot.time()),
                        cancel(turn, studentId)));
            }
            turn.endDialog();
            throw problem;
        } catch (RuntimeException failure) {
            turn.endDialog();
            throw failure;
        }
        turn.endDialog();
        return Reply.of(template(turn, studentId, turn.t("lessons.schedule.added", dayShort(turn, day),
                slot.time())));
    }

    private void put(Turn turn, long studentId, Template template, List<Slot> slots) {
        turn.gateway().put(Template.class, "/api/v1/schedules/{id}",
                new ScheduleData.Put(template.timeZone(), slots), studentId);
    }

    // ---- removing, clearing ----

    private Reply remove(Turn turn) {
        long studentId = turn.longArg(0);
        int day = turn.intArg(1);
        String compact = turn.callback().arg(2);
        Template template = read(turn, studentId);
        List<Slot> kept = new ArrayList<>();
        Slot removed = null;
        for (Slot slot : template.slots()) {
            if (removed == null && slot.day().getValue() == day && slot.compactTime().equals(compact)) {
                removed = slot;
            } else {
                kept.add(slot);
            }
        }
        if (removed == null) {
            return Reply.of(template(turn, studentId, null)).withToast(turn.t("lessons.schedule.already_removed"));
        }
        put(turn, studentId, template, kept);
        String notice = turn.t("lessons.schedule.removed", dayShort(turn, removed.day()), removed.time());
        return Reply.of(template(turn, studentId, notice)).withToast(notice);
    }

    private Reply confirmClear(Turn turn) {
        long studentId = turn.longArg(0);
        User student = students.student(turn, studentId);
        return Reply.of(Screen.of(turn.t("lessons.schedule.clear_confirm", student.fullName()), Keyboard.inline()
                .row(Button.of(turn.t("lessons.schedule.clear_yes"), ScheduleRoutes.CLEAR_CONFIRM.data(studentId)),
                        Button.of(turn.t("common.cancel"), Routes.SCHEDULE.data(studentId)))
                .build()));
    }

    private Reply clear(Turn turn) {
        long studentId = turn.longArg(0);
        students.student(turn, studentId);
        try {
            turn.gateway().delete("/api/v1/schedules/{id}", studentId);
        } catch (GatewayProblem problem) {
            if (!problem.isNotFound()) {
                throw problem;
            }
            // No template any more (cleared from another message): the same outcome.
        }
        return Reply.of(template(turn, studentId, turn.t("lessons.schedule.cleared")))
                .withToast(turn.t("lessons.schedule.cleared"));
    }

    // ---- filling weeks with lessons ----

    private Reply askWeeks(Turn turn) {
        long studentId = turn.longArg(0);
        User student = students.student(turn, studentId);
        List<Button> row = new ArrayList<>();
        for (int weeks : WEEKS) {
            row.add(Button.of(turn.t("lessons.schedule.weeks", String.valueOf(weeks)),
                    ScheduleRoutes.FILL_WEEKS.data(studentId, weeks)));
        }
        return Reply.of(Screen.of(turn.t("lessons.schedule.fill_ask", student.fullName()), Keyboard.inline()
                .row(row)
                .row(Button.of(turn.t("common.cancel"), Routes.SCHEDULE.data(studentId)))
                .build()));
    }

    private Reply fill(Turn turn) {
        long studentId = turn.longArg(0);
        int weeks = turn.intArg(1);
        if (!WEEKS.contains(weeks)) {
            return Reply.alertOnly(turn.t("error.outdated_button"));
        }
        students.student(turn, studentId);
        Materialised result = turn.gateway().post(Materialised.class,
                "/api/v1/schedules/{id}/materialise?weeks={weeks}", null, studentId, weeks);
        String notice = result.templates() == 0 ? turn.t("lessons.schedule.fill_nothing")
                : String.join("\n", turn.t("lessons.schedule.filled", String.valueOf(weeks)),
                        turn.t("lessons.schedule.filled_created", String.valueOf(result.created())),
                        turn.t("lessons.schedule.filled_existing", String.valueOf(result.skippedExisting())),
                        turn.t("lessons.schedule.filled_conflicts", String.valueOf(result.skippedConflicts())));
        Keyboard keyboard = Keyboard.inline()
                .row(Button.of(turn.t("lessons.schedule.to_lessons"), Routes.STUDENT_LESSONS.data(studentId)))
                .row(Button.of(turn.t("lessons.schedule.to_template"), Routes.SCHEDULE.data(studentId)))
                .row(Button.of(turn.t("common.to_student"), Routes.STUDENT.data(studentId)))
                .build();
        return Reply.of(Screen.of(notice, keyboard))
                .withToast(turn.t("lessons.schedule.filled_toast", String.valueOf(result.created())));
    }

    // ---- helpers ----

    private static Keyboard cancel(Turn turn, long studentId) {
        return Keyboard.inline().row(Button.of(turn.t("common.cancel"), Routes.SCHEDULE.data(studentId))).build();
    }

    private static int minutes(Slot slot) {
        return slot.durationMinutes() == null ? 60 : slot.durationMinutes();
    }

    private static String zone(Template template) {
        return template.timeZone() != null ? template.timeZone()
                : template.effectiveTimeZone() == null ? "—" : template.effectiveTimeZone();
    }

    static String dayShort(Turn turn, DayOfWeek day) {
        return turn.t().raw("lessons.weekday.short." + day.getValue());
    }

    static String dayIn(Turn turn, DayOfWeek day) {
        return turn.t().raw("lessons.weekday.in." + day.getValue());
    }

    /** A time of day as typed ("18:30", "9:05", "18.30") as {@code HH:mm}; null when it is not one. */
    static String time(String text) {
        Matcher m = TIME.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            return null;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        if (hour > 23 || minute > 59) {
            return null;
        }
        return "%02d:%02d".formatted(hour, minute);
    }
}
