package ru.repitbot.bot.flows.achievements;

import java.util.ArrayList;
import java.util.List;
import ru.repitbot.bot.dialog.Button;
import ru.repitbot.bot.dialog.Keyboard;
import ru.repitbot.bot.dialog.Screen;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.flows.Routes;
import ru.repitbot.bot.flows.achievements.AchievementModels.Board;
import ru.repitbot.bot.flows.achievements.AchievementModels.BoardLine;
import ru.repitbot.bot.flows.achievements.AchievementModels.Earned;
import ru.repitbot.bot.flows.achievements.AchievementModels.PointChange;
import ru.repitbot.bot.flows.achievements.AchievementModels.Progress;
import ru.repitbot.bot.flows.parent.ParentRoutes;
import ru.repitbot.bot.flows.student.FamilyApi;
import ru.repitbot.bot.flows.student.FamilyApi.Person;
import ru.repitbot.bot.flows.student.FamilyTexts;
import ru.repitbot.bot.gateway.GatewayProblem;
import ru.repitbot.bot.gateway.GatewayUnavailable;
import ru.repitbot.bot.gateway.model.Page;
import ru.repitbot.bot.i18n.Lang;
import ru.repitbot.bot.time.DateTimeText;
import ru.repitbot.models.Role;
import tools.jackson.core.type.TypeReference;

/**
 * The achievements screens, the same for a student's own, a parent's child and a tutor's student
 * (docs/domain/achievements.md#catalogue): points, «Серия дней» (current and best), attended lessons, then the
 * achievements newest first as the old bot showed them — «{icon} {title}», the description, «📅 Получено: dd.mm.yyyy»
 * (in the viewer's zone). Everything is read with the viewer's token: achievement-service answers 404 for a student who
 * is not theirs, which the router says as "not found".
 */
public final class AchievementViews {

    /** The last changes of points shown (the first page of the history). */
    static final int HISTORY_SIZE = 10;
    /** A student with more tutors than this gets no leaderboard probes beyond them (one call each). */
    static final int BOARD_PROBES = 3;

    private static final TypeReference<List<Earned>> EARNED = new TypeReference<>() {
    };
    private static final TypeReference<Page<PointChange>> HISTORY = new TypeReference<>() {
    };

    private AchievementViews() {
    }

    /**
     * A student's achievements; {@code name} is null for the student's own screen. The buttons: the history, the
     * leaderboards the student may see (their own screen only), and the way back for the viewer's role.
     */
    public static Screen achievements(Turn turn, long studentId, String name) {
        Lang t = turn.t();
        Progress progress = turn.gateway().get(Progress.class, "/api/v1/achievements/students/{id}", studentId);
        List<Earned> earned = turn.gateway().get(EARNED, "/api/v1/achievements/students/{id}/achievements",
                studentId);
        StringBuilder text = new StringBuilder(name == null ? t.get("ach.title.own") : t.get("ach.title.of", name))
                .append("\n\n");
        text.append(t.get("ach.points", String.valueOf(progress.points()))).append('\n');
        text.append(t.get("ach.streak", String.valueOf(progress.streak()), String.valueOf(progress.bestStreak())))
                .append('\n');
        text.append(t.get("ach.attended", String.valueOf(progress.attendedLessons()))).append("\n\n");
        if (earned.isEmpty()) {
            text.append(name == null ? t.get("ach.none.own") : t.get("ach.none.of"));
        } else {
            text.append(t.get("ach.earned_count", String.valueOf(earned.size()))).append("\n\n");
            for (Earned item : earned) {
                text.append(t.get("ach.item.title", nonNull(item.icon()), nonNull(item.title()))).append('\n');
                if (item.description() != null && !item.description().isBlank()) {
                    text.append(t.get("ach.item.description", item.description())).append('\n');
                }
                text.append(t.get("ach.item.earned", DateTimeText.date(item.earnedAt(), turn.zone()))).append("\n\n");
            }
        }
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        keyboard.row(Button.of(t.get("ach.btn.history"), AchievementRoutes.HISTORY.data(studentId)));
        if (turn.role() == Role.STUDENT) {
            keyboard.column(boardButtons(turn));
        }
        keyboard.row(back(turn, studentId));
        return Screen.of(text.toString().stripTrailing(), keyboard.build());
    }

    /** The first page of the changes of points, newest first. */
    public static Screen history(Turn turn, long studentId) {
        Lang t = turn.t();
        Page<PointChange> changes = turn.gateway().get(HISTORY,
                "/api/v1/achievements/students/{id}/points-history?page={page}&size={size}", studentId, 1,
                HISTORY_SIZE);
        StringBuilder text = new StringBuilder(t.get("ach.history.title")).append("\n\n");
        if (changes.items().isEmpty()) {
            text.append(t.get("ach.history.empty"));
        }
        for (PointChange change : changes.items()) {
            text.append(t.raw("ach.history.line", DateTimeText.date(change.changedAt(), turn.zone()),
                    (change.delta() > 0 ? "+" : "") + change.delta(), reason(t, change.reason()) + " "
                            + t.get("ach.history.after", String.valueOf(change.pointsAfter())))).append('\n');
        }
        if (changes.total() > changes.items().size()) {
            text.append('\n').append(t.get("ach.history.more", String.valueOf(changes.items().size()),
                    String.valueOf(changes.total())));
        }
        String backTo = turn.role() == Role.PARENT ? ParentRoutes.ACHIEVEMENTS.data(studentId)
                : AchievementRoutes.ACHIEVEMENTS.data(studentId);
        return Screen.of(text.toString().stripTrailing(), Keyboard.inline()
                .row(Button.of(t.get("ach.btn.back"), backTo))
                .build());
    }

    /**
     * A leaderboard: place, name, points; the caller's own line marked. For the tutor, their switch «Показывать
     * ученикам» too, as a button that sets the other value.
     */
    public static Screen board(Turn turn, Board board) {
        Lang t = turn.t();
        boolean tutor = turn.role() == Role.TUTOR;
        StringBuilder text = new StringBuilder(t.get("ach.board.title")).append("\n\n");
        if (board.items().isEmpty()) {
            text.append(t.get("ach.board.empty")).append('\n');
        }
        for (BoardLine line : board.items()) {
            String row = t.get("ach.board.line", String.valueOf(line.rank()), nonNull(line.fullName()),
                    String.valueOf(line.points()));
            text.append(line.isCaller() ? t.raw("ach.board.mine", row) : row).append('\n');
        }
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        if (tutor) {
            text.append('\n').append(t.get(board.enabled() ? "ach.board.shown" : "ach.board.hidden"));
            keyboard.row(Button.of(t.get(board.enabled() ? "ach.btn.shown" : "ach.btn.hidden"),
                    AchievementRoutes.TOGGLE.data(board.enabled() ? 0 : 1)));
            keyboard.row(Button.of(t.get("common.to_main_menu"), Routes.MENU.data()));
        } else {
            keyboard.row(Button.of(t.get("ach.btn.back"),
                    AchievementRoutes.ACHIEVEMENTS.data(turn.user().userId())));
        }
        return Screen.of(text.toString().stripTrailing(), keyboard.build());
    }

    /**
     * «📊 Рейтинг» for each of the student's tutors who has the leaderboard on (achievement-service answers 403 while
     * it is off). The screen does without it when the tutors or the boards cannot be read.
     */
    private static List<Button> boardButtons(Turn turn) {
        List<Person> tutors;
        try {
            tutors = FamilyApi.tutors(turn, null);
        } catch (GatewayProblem | GatewayUnavailable unreadable) {
            return List.of();
        }
        List<Button> buttons = new ArrayList<>();
        for (Person tutor : tutors.stream().limit(BOARD_PROBES).toList()) {
            try {
                Board board = turn.gateway().get(Board.class, "/api/v1/achievements/leaderboard?tutor_id={id}",
                        tutor.id());
                if (board.enabled()) {
                    buttons.add(Button.of(tutors.size() == 1 ? turn.t("ach.btn.board")
                            : turn.t().raw("ach.btn.board_of", FamilyTexts.shorten(nonNull(tutor.fullName()), 30)),
                            AchievementRoutes.BOARD.data(tutor.id())));
                }
            } catch (GatewayProblem | GatewayUnavailable off) {
                // 403: this tutor keeps it to themselves; anything else: no button rather than no screen.
            }
        }
        return buttons;
    }

    private static Button back(Turn turn, long studentId) {
        return switch (turn.role()) {
            case PARENT -> Button.of(turn.t("family.parent.btn.back_to_child"), ParentRoutes.CHILD.data(studentId));
            case TUTOR -> Button.of(turn.t("common.to_student"), Routes.STUDENT.data(studentId));
            default -> Button.of(turn.t("common.to_main_menu"), Routes.MENU.data());
        };
    }

    private static String reason(Lang t, String reason) {
        String key = "ach.reason." + reason;
        return reason != null && t.has(key) ? t.get(key) : t.get("ach.reason.other");
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
