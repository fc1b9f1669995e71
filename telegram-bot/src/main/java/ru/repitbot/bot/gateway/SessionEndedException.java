package ru.repitbot.bot.gateway;

/**
 * The person's login is gone: never made, refused on refresh (revoked family, reused token, code reset, user
 * deleted). The bot has forgotten the tokens; the person is told to send /start again.
 */
public final class SessionEndedException extends GatewayException {

    public SessionEndedException(String message) {
        super(message, null);
    }
}
