package ru.repitbot.bot.flows.achievements;

import java.util.Map;
import org.springframework.stereotype.Component;
import ru.repitbot.bot.dialog.Access;
import ru.repitbot.bot.dialog.Flow;
import ru.repitbot.bot.dialog.FlowRegistry;
import ru.repitbot.bot.dialog.Reply;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.flows.Labels;
import ru.repitbot.bot.flows.achievements.AchievementModels.Board;
import ru.repitbot.bot.flows.achievements.AchievementModels.Setting;
import ru.repitbot.bot.gateway.model.User;
import ru.repitbot.models.Role;

/**
 * Points, streaks, achievements and the leaderboard (docs/domain/achievements.md, achievement-service through the
 * gateway). The student: «🏆 Достижения» (their own, the last point changes, and «📊 Рейтинг» of each tutor who shows
 * it). The tutor: «🏆 Рейтинг» (their students by points, with the switch «Показывать ученикам: вкл/выкл») and a
 * student's achievements from the student's profile. The parent's way in is the child's menu
 * ({@code flows.parent.ParentFlow}); parents do not see leaderboards (they compare other families' children).
 */
@Component
public class AchievementsFlow implements Flow {

    private static final Access STUDENT = Access.roles(Role.STUDENT);
    private static final Access TUTOR = Access.roles(Role.TUTOR);
    /** After the tutor's six keys and the messages' four (flows.notifications). */
    static final int TUTOR_MENU_POSITION = 110;

    @Override
    public void register(FlowRegistry registry) {
        registry.label(Labels.STUDENT_ACHIEVEMENTS, STUDENT,
                turn -> Reply.of(AchievementViews.achievements(turn, turn.user().userId(), null)));
        registry.callback(AchievementRoutes.ACHIEVEMENTS, Access.roles(Role.STUDENT, Role.TUTOR), this::achievements);
        registry.callback(AchievementRoutes.HISTORY, Access.roles(Role.STUDENT, Role.TUTOR, Role.PARENT),
                turn -> Reply.of(AchievementViews.history(turn, turn.longArg(0))));
        registry.callback(AchievementRoutes.BOARD, STUDENT, turn -> Reply.of(AchievementViews.board(turn,
                turn.gateway().get(Board.class, "/api/v1/achievements/leaderboard?tutor_id={id}", turn.longArg(0)))));

        registry.menuButton(Role.TUTOR, TUTOR_MENU_POSITION, Labels.TUTOR_LEADERBOARD);
        registry.label(Labels.TUTOR_LEADERBOARD, TUTOR, turn -> Reply.of(AchievementViews.board(turn, ownBoard(turn))));
        registry.callback(AchievementRoutes.TUTOR_BOARD, TUTOR,
                turn -> Reply.of(AchievementViews.board(turn, ownBoard(turn))));
        registry.callback(AchievementRoutes.TOGGLE, TUTOR, this::toggle);
    }

    /** A student's own screen, or a tutor's student's (the name re-read: a student no longer theirs is "not found"). */
    private Reply achievements(Turn turn) {
        long studentId = turn.longArg(0);
        if (turn.role() == Role.STUDENT) {
            return Reply.of(AchievementViews.achievements(turn, studentId, null));
        }
        User student = turn.gateway().get(User.class, "/api/v1/users/{id}", studentId);
        return Reply.of(AchievementViews.achievements(turn, studentId, student.fullName()));
    }

    private static Board ownBoard(Turn turn) {
        return turn.gateway().get(Board.class, "/api/v1/achievements/leaderboard");
    }

    /** Sets the value the button carries (a repeated press sets it again), then shows the board as it is now. */
    private Reply toggle(Turn turn) {
        boolean enabled = turn.intArg(0) == 1;
        Setting saved = turn.gateway().put(Setting.class, "/api/v1/achievements/leaderboard/settings",
                Map.of("enabled", enabled));
        return Reply.of(AchievementViews.board(turn, ownBoard(turn)))
                .withToast(turn.t(saved.enabled() ? "ach.toggle.on" : "ach.toggle.off"));
    }
}
