package ru.repitbot.bot.flows.calendar;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
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
import ru.repitbot.bot.gateway.GatewayException;
import ru.repitbot.bot.gateway.GatewayProblem;
import ru.repitbot.bot.gateway.model.User;
import ru.repitbot.bot.i18n.Html;
import ru.repitbot.bot.time.DateTimeText;
import ru.repitbot.models.Role;
import tools.jackson.core.type.TypeReference;

/**
 * Calendar feed links (lesson-service "Calendar feeds", RFC 5545) for everyone: {@code /calendar} and
 * {@link Routes#CALENDAR} — a tutor's all lessons or one student's (the profile's "🗓 Ссылка на календарь"), a
 * student's own, a parent's all children or one child's. A link is made by {@code POST /calendar/feeds} and shown
 * once with how to add it to Google or Apple Calendar (a new one replaces the old one of the same scope); the links
 * made ({@code GET /calendar/feeds}) can be revoked ({@code DELETE /calendar/feeds/{id}}).
 */
@Component
public class CalendarFlow implements Flow {

    private static final Access ANYONE_LOGGED_IN = Access.loggedIn();
    private static final TypeReference<List<FeedInfo>> FEEDS = new TypeReference<>() {
    };
    private static final TypeReference<List<User>> USERS = new TypeReference<>() {
    };

    /** {@code POST /calendar/feeds}: the link, shown only now. */
    public record FeedLink(long id, String url, Long studentId) {
    }

    /** One of the person's links as listed (the link itself is never shown again). */
    public record FeedInfo(long id, Long studentId, OffsetDateTime createdAt) {
    }

    @Override
    public void register(FlowRegistry registry) {
        registry.command("calendar", ANYONE_LOGGED_IN, turn -> Reply.of(screen(turn, 0, null)));
        registry.callback(Routes.CALENDAR, ANYONE_LOGGED_IN, turn -> Reply.of(screen(turn, turn.longArg(0), null)));
        registry.callback(CalendarRoutes.NEW, ANYONE_LOGGED_IN, this::create);
        registry.callback(CalendarRoutes.REVOKE, ANYONE_LOGGED_IN, this::revoke);
        registry.callback(CalendarRoutes.FEEDS, ANYONE_LOGGED_IN, turn -> Reply.of(feeds(turn, null)));
    }

    /** A student's links are always their own; everybody else's scope is as pressed (0 = all). */
    private static long scope(Turn turn, long requested) {
        return turn.role() == Role.STUDENT ? 0 : Math.max(0, requested);
    }

    /** The screen of one scope: what the link does, whether one is out, the buttons to make or revoke it. */
    Screen screen(Turn turn, long requested, String notice) {
        long scope = scope(turn, requested);
        if (scope == 0 && turn.role() == Role.ADMIN) {
            return feeds(turn, turn.t("lessons.calendar.admin_per_student"));
        }
        String title = title(turn, scope);
        Optional<FeedInfo> existing = myFeeds(turn).stream()
                .filter(feed -> (feed.studentId() == null ? 0 : feed.studentId()) == scope).findFirst();
        StringBuilder text = new StringBuilder();
        if (notice != null) {
            text.append(notice).append("\n\n");
        }
        text.append(title).append("\n\n").append(turn.t("lessons.calendar.explain")).append("\n\n");
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        if (existing.isPresent()) {
            text.append(turn.t("lessons.calendar.has_link", date(turn, existing.get().createdAt())));
            keyboard.row(Button.of(turn.t("lessons.calendar.btn.renew"), CalendarRoutes.NEW.data(scope)));
            keyboard.row(Button.of(turn.t("lessons.calendar.btn.revoke"),
                    CalendarRoutes.REVOKE.data(existing.get().id(), scope)));
        } else {
            text.append(turn.t("lessons.calendar.no_link"));
            keyboard.row(Button.of(turn.t("lessons.calendar.btn.get"), CalendarRoutes.NEW.data(scope)));
        }
        if (turn.role() == Role.PARENT && scope == 0) {
            for (User child : children(turn)) {
                keyboard.row(Button.of(turn.t("lessons.calendar.btn.child", child.fullName()),
                        Routes.CALENDAR.data(child.id())));
            }
        }
        keyboard.row(Button.of(turn.t("lessons.calendar.btn.all_links"), CalendarRoutes.FEEDS.data()));
        keyboard.row(back(turn, scope));
        return Screen.of(text.toString(), keyboard.build());
    }

    private Button back(Turn turn, long scope) {
        if (scope != 0 && turn.role() == Role.TUTOR) {
            return Button.of(turn.t("common.to_student"), Routes.STUDENT.data(scope));
        }
        if (scope != 0 && turn.role() == Role.PARENT) {
            return Button.of(turn.t("lessons.calendar.btn.all_children"), Routes.CALENDAR.data(0));
        }
        return Button.of(turn.t("common.to_main_menu"), Routes.MENU.data());
    }

    /** The heading of a scope; a student who is gone (or not the person's) is the server's 404. */
    private String title(Turn turn, long scope) {
        if (scope == 0) {
            return turn.t("lessons.calendar.title.all." + turn.role().value());
        }
        User student = turn.gateway().get(User.class, "/api/v1/users/{id}", scope);
        if (student.role() != Role.STUDENT) {
            throw new GatewayProblem(404, "Not Found", "not a student", List.of(), null);
        }
        return turn.t("lessons.calendar.title.one", student.fullName());
    }

    private Reply create(Turn turn) {
        long scope = scope(turn, turn.longArg(0));
        if (scope == 0 && turn.role() == Role.ADMIN) {
            return Reply.alertOnly(turn.t("lessons.calendar.admin_per_student"));
        }
        String title = title(turn, scope);
        Map<String, Object> body = new LinkedHashMap<>();
        if (scope != 0) {
            body.put("student_id", scope);
        }
        FeedLink link = turn.gateway().post(FeedLink.class, "/api/v1/calendar/feeds", body);
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        if (link.url() != null && link.url().startsWith("https://")) {
            String webcal = "webcal://" + link.url().substring("https://".length());
            keyboard.row(Button.url(turn.t("lessons.calendar.btn.google"),
                    "https://calendar.google.com/calendar/r?cid=" + URLEncoder.encode(webcal, StandardCharsets.UTF_8)));
        }
        keyboard.row(Button.of(turn.t("lessons.calendar.btn.back"), Routes.CALENDAR.data(scope)));
        return Reply.of(Screen.of(turn.t().raw("lessons.calendar.link", title, Html.escape(link.url())) + "\n\n"
                + turn.t("lessons.calendar.howto") + "\n\n" + turn.t("lessons.calendar.once"), keyboard.build()))
                .withToast(turn.t("lessons.calendar.made"));
    }

    private Reply revoke(Turn turn) {
        long feedId = turn.longArg(0);
        String back = turn.callback().arg(1);
        try {
            turn.gateway().delete("/api/v1/calendar/feeds/{id}", feedId);
        } catch (GatewayProblem problem) {
            if (problem.isNotFound()) {
                return Reply.alertOnly(turn.t("lessons.calendar.already_revoked"));
            }
            throw problem;
        }
        String notice = turn.t("lessons.calendar.revoked");
        Screen screen = "f".equals(back) ? feeds(turn, notice) : screen(turn, turn.longArg(1), notice);
        return Reply.of(screen).withToast(notice);
    }

    /** Every link the person has made, each with when and for what, and a revoke button. */
    Screen feeds(Turn turn, String notice) {
        List<FeedInfo> feeds = myFeeds(turn);
        StringBuilder text = new StringBuilder();
        if (notice != null) {
            text.append(notice).append("\n\n");
        }
        text.append(turn.t("lessons.calendar.feeds.title")).append('\n');
        Keyboard.InlineBuilder keyboard = Keyboard.inline();
        if (feeds.isEmpty()) {
            text.append(turn.t("lessons.calendar.feeds.none"));
        }
        for (FeedInfo feed : feeds) {
            String scope = scopeName(turn, feed.studentId());
            text.append(turn.t("lessons.calendar.feeds.line", scope, date(turn, feed.createdAt()))).append('\n');
            keyboard.row(Button.of(turn.t().raw("lessons.calendar.btn.revoke_one", shorten(scope)),
                    CalendarRoutes.REVOKE.data(feed.id(), "f")));
        }
        if (turn.role() != Role.ADMIN) {
            keyboard.row(Button.of(turn.t("lessons.calendar.btn.back"), Routes.CALENDAR.data(0)));
        }
        keyboard.row(Button.of(turn.t("common.to_main_menu"), Routes.MENU.data()));
        return Screen.of(text.toString().stripTrailing(), keyboard.build());
    }

    private List<FeedInfo> myFeeds(Turn turn) {
        return turn.gateway().get(FEEDS, "/api/v1/calendar/feeds");
    }

    private List<User> children(Turn turn) {
        try {
            return turn.gateway().get(USERS, "/api/v1/users/me/children");
        } catch (GatewayException unavailable) {
            return List.of();
        }
    }

    /** Plain text (for the list and buttons): "все ваши уроки", a student's name, or their number if unreadable. */
    private String scopeName(Turn turn, Long studentId) {
        if (studentId == null) {
            return turn.t().raw("lessons.calendar.scope.all." + turn.role().value());
        }
        try {
            return turn.gateway().get(User.class, "/api/v1/users/{id}", studentId).fullName();
        } catch (GatewayException unreadable) {
            return turn.t().raw("lessons.calendar.scope.student", String.valueOf(studentId));
        }
    }

    private static String date(Turn turn, OffsetDateTime moment) {
        return DateTimeText.date(moment, turn.zone());
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 39) + "…";
    }
}
