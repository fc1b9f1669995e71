package ru.repitbot.models.errors;

/** A missing object, or one the caller may not see: both answer 404, so existence is not revealed. */
public class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }

    @Override
    public String kind() {
        return "not-found";
    }
}
