package ru.repitbot.bot.gateway;

/**
 * A call to the API gateway did not give the answer the flow wanted. Flows let it through (the router turns it into a
 * clear sentence: {@code dialog.ProblemTexts}) or catch the kinds they explain themselves.
 */
public abstract sealed class GatewayException extends RuntimeException
        permits GatewayProblem, GatewayUnavailable, SessionEndedException {

    protected GatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
