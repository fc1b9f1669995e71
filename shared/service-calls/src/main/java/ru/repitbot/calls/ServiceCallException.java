package ru.repitbot.calls;

/**
 * A call to another service could not be made or answered 5xx/timeout: the caller retries later (a job's next
 * run, an event's redelivery), it does not turn this into an answer for its own client.
 */
public class ServiceCallException extends RuntimeException {

    public ServiceCallException(String message) {
        super(message);
    }

    public ServiceCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
