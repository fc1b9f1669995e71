package ru.repitbot.models.errors;

/** A value a user typed breaks a rule (400), with the field and the reason. */
public class InvalidFieldException extends DomainException {

    private final String field;
    private final String reason;

    public InvalidFieldException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }

    @Override
    public String kind() {
        return "invalid-field";
    }
}
