package ru.repitbot.auth.app;

/**
 * Something auth-service needs to answer (user-service, Redis) did not answer: the request is answered 503 so the
 * caller retries later, instead of a wrong "401" or a "500".
 */
public class DependencyUnavailableException extends RuntimeException {

    private final String dependency;

    public DependencyUnavailableException(String dependency, Throwable cause) {
        super(dependency + " is unavailable", cause);
        this.dependency = dependency;
    }

    public DependencyUnavailableException(String dependency, String detail) {
        super(dependency + " is unavailable: " + detail);
        this.dependency = dependency;
    }

    public String dependency() {
        return dependency;
    }
}
