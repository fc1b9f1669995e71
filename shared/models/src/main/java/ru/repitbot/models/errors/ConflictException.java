package ru.repitbot.models.errors;

/** The request collides with the current state (409): a duplicate, an overlap, an already bound code. */
public class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public String kind() {
        return "conflict";
    }
}
