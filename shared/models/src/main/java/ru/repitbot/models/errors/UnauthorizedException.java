package ru.repitbot.models.errors;

/** Credentials are missing, wrong or expired (401). */
public class UnauthorizedException extends DomainException {

    public UnauthorizedException(String message) {
        super(message);
    }

    @Override
    public String kind() {
        return "unauthorized";
    }
}
