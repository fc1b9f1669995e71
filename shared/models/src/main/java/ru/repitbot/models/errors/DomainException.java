package ru.repitbot.models.errors;

/** Base of the errors a rule or a service raises on purpose; each maps to one HTTP status and problem type. */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message);
    }

    /** Short machine-readable kind, used in the problem type URI, e.g. {@code not-found}. */
    public abstract String kind();
}
