package ru.repitbot.bot.dialog;

import ru.repitbot.bot.gateway.GatewayException;
import ru.repitbot.bot.gateway.GatewayProblem;
import ru.repitbot.bot.gateway.GatewayUnavailable;
import ru.repitbot.bot.gateway.SessionEndedException;
import ru.repitbot.bot.i18n.Lang;

/**
 * A failed gateway call as one clear sentence for the person — never a stack trace, never "error 400": 404 "not found
 * (maybe deleted)", 403 no access, 409 the server's own sentence, 400 which field and why, 429 how long to wait,
 * 5xx/no answer "temporarily unavailable".
 */
public final class ProblemTexts {

    private ProblemTexts() {
    }

    public static String sentence(GatewayException failure, Lang t) {
        return switch (failure) {
            case SessionEndedException ended -> t.get("session.ended");
            case GatewayUnavailable down -> t.get("error.unavailable");
            case GatewayProblem problem -> problem(problem, t);
        };
    }

    private static String problem(GatewayProblem problem, Lang t) {
        return switch (problem.status()) {
            case 404 -> t.get("error.not_found");
            case 403 -> t.get("error.forbidden");
            case 401 -> t.get("session.ended");
            case 409 -> problem.detail() != null ? t.get("error.conflict", problem.detail())
                    : t.get("error.conflict_generic");
            case 429 -> t.get("error.too_many", String.valueOf(waitSeconds(problem)));
            case 400, 422 -> {
                if (!problem.errors().isEmpty()) {
                    GatewayProblem.FieldError first = problem.errors().getFirst();
                    yield t.get("error.invalid_field", String.valueOf(first.field()), String.valueOf(first.reason()));
                }
                yield problem.detail() != null ? t.get("error.invalid", problem.detail())
                        : t.get("error.invalid_generic");
            }
            default -> t.get("error.unavailable");
        };
    }

    /** Seconds to wait, at least 1 (a 429 without Retry-After still means "not now"). */
    public static long waitSeconds(GatewayProblem problem) {
        return problem.retryAfter() == null ? 5 : Math.max(1, problem.retryAfter().toSeconds());
    }
}
