package ru.repitbot.calls;

/**
 * The calling deployable's service token ({@code sub} = {@code service:<name>}, role {@code service}), sent as
 * {@code Authorization: Bearer} on every call made through {@link ServiceCalls}. Tests replace the bean with one that
 * mints tokens locally (shared/test-support {@code TestTokens.service(name)}).
 */
public interface ServiceTokenSource {

    /** A token valid for at least a little while longer. @throws ServiceCallException when none can be had */
    String bearer();

    /** The token was refused (keys rotated, secret changed): the next {@link #bearer()} fetches a new one. */
    void invalidate();
}
