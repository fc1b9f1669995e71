package ru.repitbot.models.errors;

/** The caller's role may not do this at all (403). Foreign objects are {@link NotFoundException} instead. */
public class ForbiddenException extends DomainException {

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public String kind() {
        return "forbidden";
    }
}
