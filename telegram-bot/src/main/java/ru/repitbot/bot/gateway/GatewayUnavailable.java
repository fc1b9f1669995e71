package ru.repitbot.bot.gateway;

/** The gateway or a service behind it is down, slow or answered 5xx: "try again later", nothing more to say. */
public final class GatewayUnavailable extends GatewayException {

    private final int status;

    public GatewayUnavailable(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, 0 when no answer came (connection refused, timeout). */
    public int status() {
        return status;
    }
}
