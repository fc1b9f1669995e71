package ru.repitbot.bot.flows.tutor.lessons;

import java.util.function.BiFunction;
import ru.repitbot.bot.dialog.Reply;
import ru.repitbot.bot.dialog.Turn;

/**
 * The "how long is it" step of a dialog (a lesson, a template slot): minutes typed or a length button pressed.
 * A button pressed outside that step (an old message) changes nothing.
 */
public final class DurationStep {

    private DurationStep() {
    }

    /** Typed minutes: 15–600, else the hint and the same step. */
    public static Reply typed(Turn turn, BiFunction<Turn, Integer, Reply> next) {
        Integer minutes = LessonInput.minutes(turn.text());
        if (minutes == null) {
            return Reply.text(turn.t("lessons.add.bad_duration"));
        }
        return next.apply(turn, minutes);
    }

    /** A length button ({@code <route>:<minutes>}), honoured only while the dialog waits for it. */
    public static Reply pressed(Turn turn, BiFunction<Turn, Integer, Reply> next) {
        if (turn.dialog().isEmpty() || !"duration".equals(turn.state().step())) {
            return Reply.alertOnly(turn.t("error.outdated_button"));
        }
        int minutes = turn.intArg(0);
        if (minutes < LessonInput.MIN_MINUTES || minutes > LessonInput.MAX_MINUTES) {
            return Reply.alertOnly(turn.t("error.outdated_button"));
        }
        return next.apply(turn, minutes);
    }
}
