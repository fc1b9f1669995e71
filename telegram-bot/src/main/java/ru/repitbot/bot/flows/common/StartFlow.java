package ru.repitbot.bot.flows.common;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.repitbot.bot.dialog.Access;
import ru.repitbot.bot.dialog.Flow;
import ru.repitbot.bot.dialog.FlowRegistry;
import ru.repitbot.bot.dialog.Keyboard;
import ru.repitbot.bot.dialog.ProblemTexts;
import ru.repitbot.bot.dialog.Reply;
import ru.repitbot.bot.dialog.Screen;
import ru.repitbot.bot.dialog.Turn;
import ru.repitbot.bot.gateway.AuthApi;
import ru.repitbot.bot.gateway.GatewayException;
import ru.repitbot.bot.gateway.GatewayProblem;
import ru.repitbot.bot.gateway.model.User;
import ru.repitbot.bot.session.Login;
import ru.repitbot.models.Role;
import ru.repitbot.config.logging.LogSafe;

/**
 * Login and logout (docs/domain/bot.md#login, docs/domain/users-and-access.md#login). {@code /start}: the main menu for a logged-in person, else the
 * greeting asking for the access code. Any text from a person not logged in is taken as the code and sent to
 * {@code POST /api/v1/auth/login} with the bot's service token: welcome + the role's menu; a wrong code, a lock-out
 * ("wait N min", the real time), or a code bound to another Telegram account (the tutor must reset it) are explained.
 * {@code /logout} ends the login at auth-service and forgets the tokens.
 */
@Component
public class StartFlow implements Flow {

    private static final Logger log = LoggerFactory.getLogger(StartFlow.class);
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{6,10}");

    private final AuthApi auth;
    private final ru.repitbot.bot.flows.notifications.ChatRegistration chats;

    public StartFlow(AuthApi auth, ru.repitbot.bot.flows.notifications.ChatRegistration chats) {
        this.auth = auth;
        this.chats = chats;
    }

    @Override
    public void register(FlowRegistry registry) {
        registry.command("start", Access.anyone(), this::start);
        registry.command("logout", Access.anyone(), this::logout);
        registry.whenAnonymous(this::login);
    }

    Reply start(Turn turn) {
        if (turn.login().isPresent()) {
            return Reply.of(turn.mainMenu(turn.t("login.welcome", turn.user().fullName())));
        }
        return Reply.of(new Screen(turn.t("start.greeting"), new Keyboard.Remove(), true));
    }

    Reply login(Turn turn) {
        String text = turn.text();
        if (text.isEmpty()) {
            return Reply.text(turn.t("start.greeting"));
        }
        String code = text.toUpperCase(Locale.ROOT).replace(" ", "");
        if (!CODE.matcher(code).matches()) {
            return Reply.text(turn.t("login.bad_format"));
        }
        AuthApi.TokenPair tokens;
        try {
            tokens = auth.login(code, turn.event().userId(), turn.event().username());
        } catch (GatewayProblem problem) {
            return Reply.text(switch (problem.status()) {
                case 401, 404 -> turn.t("login.wrong_code");
                case 409 -> turn.t("login.bound_elsewhere");
                case 429 -> turn.t("login.locked_out", String.valueOf(minutes(problem)));
                case 400 -> turn.t("login.bad_format");
                default -> ProblemTexts.sentence(problem, turn.t());
            });
        }
        Role role = Role.fromValue(tokens.userRole());
        Instant now = turn.now();
        Login login = new Login(tokens.userId(), role, tokens.fullName(), tokens.accessToken(), tokens.refreshToken(),
                now.plusSeconds(tokens.expiresIn()), now.plusSeconds(tokens.refreshExpiresIn()));
        turn.signIn(login, null);
        String name = tokens.fullName();
        try {
            // The person's own zone, so times are read and shown in it; and the name when auth-service had none.
            User me = turn.gateway().get(User.class, "/api/v1/users/me");
            turn.signIn(new Login(login.userId(), login.role(), me.fullName(), login.accessToken(),
                    login.refreshToken(), login.accessExpiresAt(), login.refreshExpiresAt()), me.timeZone());
            name = me.fullName();
        } catch (GatewayException e) {
            log.info("Logged in user {} but could not read their profile: {}", login.userId(),
                    LogSafe.value(e.getMessage()));
        }
        // notification-service delivers to this chat from now on (docs/domain/notifications.md#sending-through-telegram).
        chats.register(turn);
        String welcome = turn.t("login.welcome", name == null ? "" : name) + "\n"
                + turn.t("login.your_role", turn.t("role." + role.value()));
        return Reply.of(turn.mainMenu(welcome));
    }

    /** The lock-out in whole minutes, rounded up: "wait 2 min" for 61–120 s. */
    static long minutes(GatewayProblem problem) {
        long seconds = ProblemTexts.waitSeconds(problem);
        return Math.max(1, (seconds + 59) / 60);
    }

    Reply logout(Turn turn) {
        if (turn.login().isEmpty()) {
            return Reply.of(new Screen(turn.t("logout.not_logged_in"), new Keyboard.Remove(), true));
        }
        try {
            auth.logout(turn.user().refreshToken());
        } catch (GatewayException e) {
            // The refresh token expires by itself; the person is logged out of the bot either way.
            log.info("Logout at auth-service failed: {}", LogSafe.value(e.getMessage()));
        }
        turn.signOut();
        return Reply.of(new Screen(turn.t("logout.done"), new Keyboard.Remove(), true));
    }
}
